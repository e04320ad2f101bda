import AWSWire
import AutomationModel
import Connection
import Console
import ConsoleSettings
import Foundation

/// `:profile` and `:region` for the executable: opens the connection for a choice as the first one was opened
/// (the same flags, the config file's read-only profiles), and closes each connection it replaces once the
/// client core has retired it; whatever is still open is closed at exit.
final class ConsoleSwitching: Sendable {
    /// The profile and region now in use, as chosen: nil means as the AWS CLI finds it.
    private struct Choice: Sendable {
        var profile: String?
        var region: String?
    }

    private let base: ServiceConnectionOptions
    private let settings: ConsoleSettings
    private let commandLineReadOnly: Bool
    private let observer: @Sendable (SSMClientEvent) -> Void
    private let current: LockedValue<(choice: Choice, connection: ServiceConnection)>
    private let open: LockedValue<[ServiceConnection]>

    init(
        first: ServiceConnection, options: ServiceConnectionOptions, settings: ConsoleSettings, readOnly: Bool,
        observer: @escaping @Sendable (SSMClientEvent) -> Void
    ) {
        base = options
        self.settings = settings
        commandLineReadOnly = readOnly
        self.observer = observer
        current = LockedValue((Choice(profile: options.aws.profile, region: options.aws.region), first))
        open = LockedValue([first])
    }

    /// Whether the console is read-only on `connection`: `--read-only`, `read-only: true`, or a read-only profile.
    func isReadOnly(_ connection: ServiceConnection) -> Bool {
        commandLineReadOnly || settings.isReadOnly(profile: Self.profile(of: connection))
    }

    static func profile(of connection: ServiceConnection) -> String? {
        if case .aws(let profile, _, _) = connection.description { return profile }
        return nil
    }

    var connect: TargetConnector {
        { [self] choice in try await self.switchTo(choice) }
    }

    private func switchTo(_ choice: TargetChoice) async throws -> SwitchedConnection {
        guard !base.local else {
            throw ServiceError(
                ServiceError.Code(rawValue: "LocalEngine"),
                "The local engine has no profiles or regions; start ssm-console without --local to switch.")
        }
        var next = current.withLock { $0.choice }
        switch choice {
        case .profile(let name):
            // Another profile brings its own region, unless one was chosen on the command line or with :region.
            next.profile = name
        case .region(let name):
            next.region = name
        }
        var options = base
        options.aws.profile = next.profile
        options.aws.region = next.region
        let connection = try await ServiceConnection.open(options, observer: observer)
        do {
            _ = try await connection.client?.wire.credentialsProvider.credentials()
        } catch {
            await connection.close()
            throw error
        }
        let identity = try? await connection.callerIdentity()
        let previous = current.withLock { state -> ServiceConnection in
            let previous = state.connection
            state = (next, connection)
            return previous
        }
        open.withLock { $0.append(connection) }
        return SwitchedConnection(
            service: connection.service, target: ConsoleConnection.target(of: connection, identity: identity),
            readOnly: isReadOnly(connection),
            retirePrevious: { [self] in await self.close(previous) })
    }

    private func close(_ connection: ServiceConnection) async {
        let wasOpen = open.withLock { list -> Bool in
            guard let index = list.firstIndex(where: { $0 === connection }) else { return false }
            list.remove(at: index)
            return true
        }
        if wasOpen { await connection.close() }
    }

    /// Closes every connection still open: at exit.
    func closeAll() async {
        let all = open.withLock { list -> [ServiceConnection] in
            defer { list.removeAll() }
            return list
        }
        for connection in all { await connection.close() }
    }
}
