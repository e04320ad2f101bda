import AWSWire
import Foundation
import Hummingbird
import HummingbirdCore
import LocalEngine
import Logging
import ServiceLifecycle
import UnixSignals

/// The local engine behind an SSM-compatible HTTP endpoint (`ssm-console serve`).
public enum SSMEndpoint {
    /// Opens the engine on the data directory (its errors, such as the directory being in use by another engine,
    /// come through as they are), resolves the access keys and starts listening. Returns once the server accepts
    /// connections.
    public static func start(_ configuration: ServeConfiguration) async throws -> RunningEndpoint {
        let keys = try accessKeys(for: configuration)
        var logger = Logger(label: "ssm-console.serve")
        logger.logLevel = .warning
        let engine = try await AutomationEngine.open(
            EngineConfiguration(
                dataDirectory: configuration.dataDirectory, instances: configuration.instances,
                region: ProcessInfo.processInfo.environment["AWS_REGION"]))
        let responder = SSMRequestResponder(
            engine: engine, keys: Dictionary(keys.map { ($0.accessKeyId, $0) }, uniquingKeysWith: { first, _ in first }),
            throttle: configuration.quotas == .aws ? OperationThrottle() : nil,
            maximumBodyBytes: configuration.limits.maximumBodyBytes, logger: logger)
        let limits = configuration.limits
        let connections = ConnectionRegistry(maximum: limits.maximumConnections)
        let (ports, portReport) = AsyncStream<Int>.makeStream()
        let application = Application(
            responder: responder,
            server: HTTPServerBuilder { responder in
                GuardedHTTP1Channel(responder: responder, limits: limits, registry: connections)
            },
            // Connections are admitted (and idle ones closed to make room) as fast as they arrive; the backlog
            // only absorbs a burst.
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), backlog: 1024),
            onServerRunning: { channel in
                portReport.yield(channel.localAddress?.port ?? configuration.port)
                portReport.finish()
            },
            logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: application)],
                gracefulShutdownSignals: configuration.stopsOnSignals ? [.sigterm, .sigint] : [], logger: logger))
        // The engine shuts down only after the server has finished the requests in flight.
        let running = Task {
            defer { portReport.finish() }
            do {
                try await group.run()
            } catch {
                await engine.shutdown()
                throw error
            }
            await engine.shutdown()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            do {
                try await running.value
            } catch {
                throw ServeSetupError(
                    "Could not listen on \(configuration.host):\(configuration.port): \(error). Choose another --port (0 picks a free one) or stop whatever is using it.")
            }
            throw ServeSetupError("The server on \(configuration.host):\(configuration.port) stopped before it started listening.")
        }
        return RunningEndpoint(
            port: port, accessKeys: keys, engine: engine, connections: connections, group: group, running: running)
    }

    /// The configured keys (or the key file's), each with its `--key-groups` added.
    private static func accessKeys(for configuration: ServeConfiguration) throws -> [ServeAccessKey] {
        var keys = configuration.accessKeys
        if keys.isEmpty {
            keys = [try ServeAccessKeyFile.loadOrCreate(in: configuration.dataDirectory)]
        }
        var seen: [String: ServeAccessKey] = [:]
        for key in keys {
            if let earlier = seen[key.accessKeyId], earlier != key {
                throw ServeSetupError(
                    "Access key \(key.accessKeyId) is given twice with different secrets or principals; give each access key ID once.")
            }
            seen[key.accessKeyId] = key
        }
        for accessKeyId in configuration.keyGroups.keys.sorted() where seen[accessKeyId] == nil {
            let known = keys.map(\.accessKeyId).joined(separator: ", ")
            throw ServeSetupError(
                "--key-groups names access key \(accessKeyId), which is not one of this endpoint's keys (\(known)). Name a key given with --access-key (or the key file's).")
        }
        return keys.map { key in
            var key = key
            for group in configuration.keyGroups[key.accessKeyId] ?? [] where !key.groups.contains(group) {
                key.groups.append(group)
            }
            return key
        }
    }
}

/// A started endpoint. `stop()` finishes the requests in flight, closes the listener and shuts the engine down.
public final class RunningEndpoint: Sendable {
    public let port: Int
    public let accessKeys: [ServeAccessKey]
    public let engine: AutomationEngine
    private let connections: ConnectionRegistry
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    init(
        port: Int, accessKeys: [ServeAccessKey], engine: AutomationEngine, connections: ConnectionRegistry,
        group: ServiceGroup, running: Task<Void, any Error>
    ) {
        self.port = port
        self.accessKeys = accessKeys
        self.engine = engine
        self.connections = connections
        self.group = group
        self.running = running
    }

    /// Connections open now, and how many were closed to make room for newer ones or refused at the cap.
    public var connectionCounts: (open: Int, evicted: Int, refused: Int) { connections.counts }

    /// Stops gracefully and returns once the engine has shut down.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
    }

    /// Returns when the endpoint has stopped (by `stop()` or, with `stopsOnSignals`, SIGINT or SIGTERM) and the
    /// engine has shut down; throws what stopped the server if it failed.
    public func waitUntilStopped() async throws {
        try await running.value
    }
}
