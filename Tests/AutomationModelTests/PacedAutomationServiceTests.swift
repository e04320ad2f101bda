import AutomationModel
import Foundation
import Testing

@Suite struct PacedAutomationServiceTests {
    static let id = "73c8eef8-f4ee-4a05-820c-e354f0000001"

    @Test("every method goes through to the wrapped service's method for the same operation")
    func everyOperationReachesItsMethod() async throws {
        let base = RecordingService()
        let paced = PacedAutomationService(base, limiter: OperationRateLimiter(quotas: .unlimited))
        for entry in OperationCatalog.all {
            _ = try? await entry.handle(Data(Self.minimalBody(entry.operation).utf8), on: paced)
        }
        #expect(base.called.withLock { $0 } == OperationCatalog.all.map(\.operation.name))
    }

    @Test("calls wait for their operation's token and each wait is reported; other operations are not held up")
    func pacesAndReports() async throws {
        let clock = RateLimiterTestClock()
        let waits = LockedValue<[String]>([])
        let paced = PacedAutomationService(
            RecordingService(), limiter: OperationRateLimiter(now: clock.now, sleep: clock.sleep)
        ) { operation, waited in waits.withLock { $0.append("\(operation.name) \(waited)") } }
        for _ in 0..<3 { _ = try await paced.stopAutomationExecution(.init(automationExecutionId: Self.id)) }
        _ = try await paced.getAutomationExecution(.init(automationExecutionId: Self.id))
        #expect(clock.sleeps == [.seconds(1), .seconds(1)])
        #expect(waits.withLock { $0 } == ["StopAutomationExecution 1.0 seconds", "StopAutomationExecution 1.0 seconds"])
    }

    /// A body each operation's decoder accepts (its required members, with valid values).
    static func minimalBody(_ operation: SSMOperation) -> String {
        switch operation {
        case OperationCatalog.getAutomationExecution.operation, OperationCatalog.describeAutomationStepExecutions.operation,
            OperationCatalog.stopAutomationExecution.operation:
            return #"{"AutomationExecutionId":"\#(id)"}"#
        case OperationCatalog.sendAutomationSignal.operation:
            return #"{"AutomationExecutionId":"\#(id)","SignalType":"Approve"}"#
        case OperationCatalog.startAutomationExecution.operation:
            return #"{"DocumentName":"Demo"}"#
        case OperationCatalog.getDocument.operation, OperationCatalog.describeDocument.operation,
            OperationCatalog.deleteDocument.operation:
            return #"{"Name":"Demo"}"#
        case OperationCatalog.createDocument.operation, OperationCatalog.updateDocument.operation:
            return #"{"Name":"Demo","Content":"{}"}"#
        case OperationCatalog.getCommandInvocation.operation:
            return #"{"CommandId":"\#(id)","InstanceId":"mi-00000000000000001"}"#
        default:
            return "{}"
        }
    }
}
