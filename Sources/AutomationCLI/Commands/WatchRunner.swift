import AutomationModel
import Foundation

/// Connects, watches one execution to its end and turns the outcome into an exit code.
public struct WatchRunner: Sendable {
    public let global: GlobalOptions
    public let executionId: String
    public let interval: Duration
    public var environment = ProcessInfo.processInfo.environment

    public init(global: GlobalOptions, executionId: String, interval: Duration) {
        self.global = global
        self.executionId = executionId
        self.interval = interval
    }

    public func run(
        standardOutput: @escaping @Sendable (String) -> Void = StandardStreams.writeOutput,
        standardError: @escaping @Sendable (String) -> Void = StandardStreams.writeError
    ) async -> Int32 {
        do {
            try ClientLimits.checkExecutionId(executionId, field: "EXECUTION_ID")
        } catch {
            standardError("\(error.message)\n")
            return CLIExitCode.inputError
        }
        var connection: ServiceConnection?
        do {
            let opened = try await ServiceConnection.open(
                global.connectionOptions(wireLog: { standardError($0 + "\n") }), environment: environment)
            connection = opened
            let status = try await ExecutionWatcher(service: opened.service, executionId: executionId, interval: interval)
                .watch { standardOutput($0 + "\n") }
            await opened.close()
            return ExecutionWatcher.exitCode(for: status)
        } catch {
            await connection?.close()
            let failure = CLIFailure.from(error, operation: "GetAutomationExecution")
            if failure != .interrupted { standardError(failure.description + "\n") }
            return failure.exitCode
        }
    }
}
