/// The one interface to SSM Automation that the console, the CLI, the HTTP endpoint and the engine share.
/// Implemented by the AWS wire client (a real or local endpoint) and by the local engine in-process.
/// Errors are `ServiceError`s carrying the AWS error code.
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
}
