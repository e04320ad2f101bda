import Foundation

/// The one interface to SSM that the console, the CLI, the HTTP endpoint and the engine share: a method per
/// operation of `OperationCatalog`. Implemented by the AWS wire client (a real or local endpoint), by the local
/// engine in-process, and by `PacedAutomationService` around either. Errors are `ServiceError`s carrying the
/// AWS error code.
public protocol AutomationService: Sendable {
    func describeAutomationExecutions(_ request: DescribeAutomationExecutionsRequest) async throws
        -> DescribeAutomationExecutionsResponse
    func getAutomationExecution(_ request: GetAutomationExecutionRequest) async throws -> GetAutomationExecutionResponse
    func describeAutomationStepExecutions(_ request: DescribeAutomationStepExecutionsRequest) async throws
        -> DescribeAutomationStepExecutionsResponse
    func sendAutomationSignal(_ request: SendAutomationSignalRequest) async throws -> SendAutomationSignalResponse
    func startAutomationExecution(_ request: StartAutomationExecutionRequest) async throws
        -> StartAutomationExecutionResponse
    func stopAutomationExecution(_ request: StopAutomationExecutionRequest) async throws
        -> StopAutomationExecutionResponse
    func getDocument(_ request: GetDocumentRequest) async throws -> GetDocumentResponse
    func describeDocument(_ request: DescribeDocumentRequest) async throws -> DescribeDocumentResponse
    func listDocuments(_ request: ListDocumentsRequest) async throws -> ListDocumentsResponse
    func createDocument(_ request: CreateDocumentRequest) async throws -> CreateDocumentResponse
    func updateDocument(_ request: UpdateDocumentRequest) async throws -> UpdateDocumentResponse
    func deleteDocument(_ request: DeleteDocumentRequest) async throws -> DeleteDocumentResponse
    func describeInstanceInformation(_ request: DescribeInstanceInformationRequest) async throws
        -> DescribeInstanceInformationResponse
    func listCommands(_ request: ListCommandsRequest) async throws -> ListCommandsResponse
    func listCommandInvocations(_ request: ListCommandInvocationsRequest) async throws -> ListCommandInvocationsResponse
    func getCommandInvocation(_ request: GetCommandInvocationRequest) async throws -> GetCommandInvocationResponse

    /// The answer to `operation` already in the wire encoding, when the service keeps one (the engine keeps
    /// each execution's JSON while it does not change); nil to encode the typed answer as usual.
    func encodedResponse(to operation: SSMOperation, _ request: any Sendable) async throws -> Data?
}

extension AutomationService {
    public func encodedResponse(to operation: SSMOperation, _ request: any Sendable) async throws -> Data? { nil }
}
