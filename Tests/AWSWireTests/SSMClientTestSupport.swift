import AutomationModel
import Foundation

@testable import AWSWire

/// Collects what an `SSMClient` reports, for tests that check its events.
final class SSMClientEventRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [SSMClientEvent] = []

    var events: [SSMClientEvent] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    var observer: @Sendable (SSMClientEvent) -> Void {
        { [self] event in
            lock.lock()
            recorded.append(event)
            lock.unlock()
        }
    }
}

enum SSMClientFixture {
    static let executionId = "73c8eef8-f4ee-4a05-820c-e354f0000001"

    /// A client of `server` with instant retries.
    static func client(
        _ server: StandInServer, sleeper: RecordingSleeper = RecordingSleeper(),
        observer: (@Sendable (SSMClientEvent) -> Void)? = nil
    ) -> SSMClient {
        SSMClient(
            endpoint: server.url, region: "us-east-1", credentials: StaticCredentialsProvider(testCredentials),
            transportSettings: AWSTransportSettings(connectTimeout: .seconds(2), readTimeout: .seconds(5)),
            retryPolicy: sleeper.policy(random: 1), observer: observer)
    }

    /// A JSON text as a comparable value.
    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}

/// The catalog's operations by the names these tests use.
extension SSMOperation {
    static let getAutomationExecution = OperationCatalog.getAutomationExecution.operation
    static let startAutomationExecution = OperationCatalog.startAutomationExecution.operation
    static let stopAutomationExecution = OperationCatalog.stopAutomationExecution.operation
}
