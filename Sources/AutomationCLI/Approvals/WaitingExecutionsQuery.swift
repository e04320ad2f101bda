import AutomationModel
import Foundation

/// Finds the executions waiting on a person, within the SSM quotas: one DescribeAutomationExecutions per page
/// with the ExecutionStatus filter, then one DescribeAutomationStepExecutions (the current aws:approve step,
/// newest first, one result) for each execution waiting on an approval, and none for the others.
public struct WaitingExecutionsQuery: Sendable {
    public let service: any AutomationService
    /// The caller's ARN, matched against Approvers.
    public let caller: String
    /// The caller's IAM groups; nil when they are not known (against AWS), so a group approver is only possible.
    public let groups: [String]?

    public init(service: any AutomationService, caller: String, groups: [String]?) {
        self.service = service
        self.caller = caller
        self.groups = groups
    }

    /// The waiting executions, newest first. `everyone` adds the statuses in which a change request waits on
    /// Change Manager; without it only Waiting executions are read (the ones SendAutomationSignal answers).
    public func run(everyone: Bool) async throws -> [WaitingExecution] {
        var statuses: [AutomationExecutionStatus] = [.waiting]
        if everyone { statuses += [.pendingApproval, .pendingChangeCalendarOverride] }
        var result: [WaitingExecution] = []
        for execution in try await waitingExecutions(statuses) {
            let waitsFor = Self.waitsFor(execution)
            var item = WaitingExecution(execution: execution, waitsFor: waitsFor, approval: nil, match: .no, yourDecision: nil)
            if waitsFor == .approval, let step = try await approvalStep(of: execution), let approval = ApprovalState(step: step) {
                if step.stepStatus?.isTerminal == true {
                    // The approval is over; an Interactive execution now waits for its next step.
                    item.waitsFor = execution.mode == .interactive ? .startStep : .other
                } else {
                    item.approval = approval
                    item.match = approval.match(caller: caller, groups: groups)
                    item.yourDecision = approval.decision(of: caller)
                }
            }
            if everyone || item.waitsOnCaller { result.append(item) }
        }
        return result
    }

    static func waitsFor(_ execution: AutomationExecutionMetadata) -> WaitingExecution.WaitsFor {
        switch execution.automationExecutionStatus {
        case .pendingApproval?: return .changeRequestApproval
        case .pendingChangeCalendarOverride?: return .changeCalendarOverride
        default: break
        }
        switch execution.currentAction {
        case AutomationActionName.approve.rawValue?: return .approval
        case AutomationActionName.pause.rawValue?: return .resume
        default: return execution.mode == .interactive ? .startStep : .other
        }
    }

    private func waitingExecutions(_ statuses: [AutomationExecutionStatus]) async throws -> [AutomationExecutionMetadata] {
        var executions: [AutomationExecutionMetadata] = []
        var token: String?
        repeat {
            let request = DescribeAutomationExecutionsRequest(
                filters: [.init(key: .executionStatus, values: statuses.map(\.rawValue))], maxResults: 50,
                nextToken: token)
            let page = try await Self.calling(OperationCatalog.describeAutomationExecutions.name) {
                try await service.describeAutomationExecutions(request)
            }
            executions += page.automationExecutionMetadataList ?? []
            token = page.nextToken.flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return executions
    }

    /// The execution's current aws:approve step execution, as DescribeAutomationStepExecutions returns it.
    func approvalStep(of execution: AutomationExecutionMetadata) async throws -> StepExecution? {
        var filters = [StepExecutionFilter(key: .action, values: [AutomationActionName.approve.rawValue])]
        if let name = execution.currentStepName {
            filters.append(.init(key: .stepName, values: [name]))
        } else {
            filters.append(.init(key: .stepExecutionStatus, values: [AutomationExecutionStatus.waiting.rawValue]))
        }
        let request = DescribeAutomationStepExecutionsRequest(
            automationExecutionId: execution.automationExecutionId, filters: filters, maxResults: 1, reverseOrder: true)
        let answer = try await Self.calling(OperationCatalog.describeAutomationStepExecutions.name) {
            try await service.describeAutomationStepExecutions(request)
        }
        return answer.stepExecutions?.first
    }

    /// Runs one call; a service error is reported as the AWS CLI reports it, naming the operation.
    static func calling<Answer>(_ operation: String, _ call: () async throws -> Answer) async throws -> Answer {
        do {
            return try await call()
        } catch let error as ServiceError {
            throw CLIFailure.service(code: error.code.rawValue, message: error.message, operation: operation)
        }
    }
}
