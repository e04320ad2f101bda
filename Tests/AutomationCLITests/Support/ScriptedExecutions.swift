import AutomationModel
import Foundation

/// Answers GetAutomationExecution from a script of answers, one per call (the last repeats); every other
/// operation is an error, since `watch` and the --local wait call nothing else.
final class ScriptedExecutions: AutomationService, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [GetAutomationExecutionResponse]

    init(answers: [GetAutomationExecutionResponse]) { self.answers = answers }

    convenience init(_ snapshots: [AutomationExecution]) {
        self.init(answers: snapshots.map { GetAutomationExecutionResponse(automationExecution: $0) })
    }

    func getAutomationExecution(_ request: GetAutomationExecutionRequest) async throws -> GetAutomationExecutionResponse {
        lock.withLock { answers.count > 1 ? answers.removeFirst() : answers[0] }
    }

    private func unused() -> ServiceError { ServiceError(.validationException, "only GetAutomationExecution is scripted") }
    func describeAutomationExecutions(_ request: DescribeAutomationExecutionsRequest) async throws -> DescribeAutomationExecutionsResponse { throw unused() }
    func describeAutomationStepExecutions(_ request: DescribeAutomationStepExecutionsRequest) async throws -> DescribeAutomationStepExecutionsResponse { throw unused() }
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
