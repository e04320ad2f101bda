import AutomationModel
import Foundation

/// With --local the engine lives in this process, so a start, signal or stop would be cut off when the command
/// exits (the next engine marks an interrupted step Failed). The command therefore keeps the engine running
/// until the execution waits for someone or ends.
enum LocalSettling {
    /// The execution the request or answer names, when the operation changes one (the CLI's operations that
    /// change anything all act on an execution).
    static func executionId(_ operation: OperationShape, request: [String: JSONValue], answer: WireJSON) -> String? {
        guard operation.operation.changesState else { return nil }
        return request["AutomationExecutionId"]?.stringValue ?? answer["AutomationExecutionId"]?.stringValue
    }

    static func wait(
        for executionId: String, service: any AutomationService, notice: @Sendable (String) -> Void
    ) async throws {
        let started = ContinuousClock.now
        var told = false
        while true {
            let answer = try await service.getAutomationExecution(
                GetAutomationExecutionRequest(automationExecutionId: executionId))
            guard let execution = answer.automationExecution else {
                throw ServiceError(.automationExecutionNotFoundException, "The answer for \(executionId) held no execution.")
            }
            let status = execution.automationExecutionStatus ?? .pending
            if status.isTerminal || status.isWaitingOnHuman { return }
            if try await childWaitsOnHuman(execution, service: service) { return }
            if !told, started.duration(to: .now) > .seconds(1) {
                notice(
                    "ssm-console: --local runs the engine in this command, so it waits until execution \(executionId) waits for a signal or ends (now \(status.rawValue)). Ctrl-C leaves it for the next engine to pick up.\n")
                told = true
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// A rate-controlled parent runs until its children end; one of them waiting for a signal waits for
    /// someone as much as the parent would.
    private static func childWaitsOnHuman(_ execution: AutomationExecution, service: any AutomationService) async throws
        -> Bool
    {
        guard execution.resolvedTargets != nil else { return false }
        let waiting = try await service.describeAutomationExecutions(
            DescribeAutomationExecutionsRequest(
                filters: [
                    AutomationExecutionFilter(key: .parentExecutionId, values: [execution.automationExecutionId]),
                    AutomationExecutionFilter(key: .executionStatus, values: [AutomationExecutionStatus.waiting.rawValue]),
                ], maxResults: 1))
        return !(waiting.automationExecutionMetadataList ?? []).isEmpty
    }
}
