import AutomationModel
import Foundation

/// Answers DescribeAutomationExecutions (in pages of `pageSize`, filtered on ExecutionStatus) and
/// DescribeAutomationStepExecutions (the steps given per execution, filtered on Action, StepName and
/// StepExecutionStatus, newest first with ReverseOrder) and records every request.
final class WaitingExecutionsFake: AutomationService, @unchecked Sendable {
    private let lock = NSLock()
    private let executions: [AutomationExecutionMetadata]
    private let steps: [String: [StepExecution]]
    private let pageSize: Int
    private(set) var executionRequests: [DescribeAutomationExecutionsRequest] = []
    private(set) var stepRequests: [DescribeAutomationStepExecutionsRequest] = []

    init(executions: [AutomationExecutionMetadata], steps: [String: [StepExecution]], pageSize: Int = 50) {
        self.executions = executions
        self.steps = steps
        self.pageSize = pageSize
    }

    func describeAutomationExecutions(_ request: DescribeAutomationExecutionsRequest) async throws -> DescribeAutomationExecutionsResponse {
        lock.withLock { executionRequests.append(request) }
        let statuses = request.filters?.first { $0.key == "ExecutionStatus" }?.values
        let matching = executions.filter { statuses?.contains($0.automationExecutionStatus?.rawValue ?? "") ?? true }
        let start = Int(request.nextToken ?? "0") ?? 0
        let end = min(start + pageSize, matching.count)
        return DescribeAutomationExecutionsResponse(
            automationExecutionMetadataList: Array(matching[start..<end]), nextToken: end < matching.count ? String(end) : nil)
    }

    func describeAutomationStepExecutions(_ request: DescribeAutomationStepExecutionsRequest) async throws -> DescribeAutomationStepExecutionsResponse {
        lock.withLock { stepRequests.append(request) }
        var result = steps[request.automationExecutionId] ?? []
        for filter in request.filters ?? [] {
            switch filter.key {
            case "Action": result = result.filter { filter.values.contains($0.action ?? "") }
            case "StepName": result = result.filter { filter.values.contains($0.stepName ?? "") }
            case "StepExecutionStatus": result = result.filter { filter.values.contains($0.stepStatus?.rawValue ?? "") }
            default: throw ServiceError(.validationException, "the fake does not filter on \(filter.key)")
            }
        }
        if request.reverseOrder == true { result.reverse() }
        return DescribeAutomationStepExecutionsResponse(stepExecutions: Array(result.prefix(request.maxResults ?? 50)))
    }

    private func unused() -> ServiceError { ServiceError(.validationException, "not scripted") }
    func getAutomationExecution(_ request: GetAutomationExecutionRequest) async throws -> GetAutomationExecutionResponse { throw unused() }
    func sendAutomationSignal(_ request: SendAutomationSignalRequest) async throws -> SendAutomationSignalResponse { throw unused() }
    func startAutomationExecution(_ request: StartAutomationExecutionRequest) async throws -> StartAutomationExecutionResponse { throw unused() }
    func stopAutomationExecution(_ request: StopAutomationExecutionRequest) async throws -> StopAutomationExecutionResponse { throw unused() }
    func getDocument(_ request: GetDocumentRequest) async throws -> GetDocumentResponse { throw unused() }
    func describeDocument(_ request: DescribeDocumentRequest) async throws -> DescribeDocumentResponse { throw unused() }
    func listDocuments(_ request: ListDocumentsRequest) async throws -> ListDocumentsResponse { throw unused() }
    func createDocument(_ request: CreateDocumentRequest) async throws -> CreateDocumentResponse { throw unused() }
    func updateDocument(_ request: UpdateDocumentRequest) async throws -> UpdateDocumentResponse { throw unused() }
    func deleteDocument(_ request: DeleteDocumentRequest) async throws -> DeleteDocumentResponse { throw unused() }
    func describeInstanceInformation(_ request: DescribeInstanceInformationRequest) async throws -> DescribeInstanceInformationResponse { throw unused() }
    func listCommands(_ request: ListCommandsRequest) async throws -> ListCommandsResponse { throw unused() }
    func listCommandInvocations(_ request: ListCommandInvocationsRequest) async throws -> ListCommandInvocationsResponse { throw unused() }
    func getCommandInvocation(_ request: GetCommandInvocationRequest) async throws -> GetCommandInvocationResponse { throw unused() }
}
