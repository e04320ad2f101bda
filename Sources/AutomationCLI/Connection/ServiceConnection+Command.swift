import Connection
import Foundation

extension ServiceConnection {
    /// A subcommand's connection: opened, given to `body`, and closed whether `body` succeeds or throws; while
    /// it is open, Ctrl-C closes it before the process exits.
    static func during<Value: Sendable>(
        _ options: ServiceConnectionOptions, environment: [String: String],
        _ body: (ServiceConnection) async throws -> Value
    ) async throws -> Value {
        let connection = try await open(options, environment: environment)
        InterruptHandler.closeOnInterrupt(connection)
        do {
            let value = try await body(connection)
            await finish(connection)
            return value
        } catch {
            await finish(connection)
            throw error
        }
    }

    private static func finish(_ connection: ServiceConnection) async {
        InterruptHandler.forget(connection)
        await connection.close()
    }
}
