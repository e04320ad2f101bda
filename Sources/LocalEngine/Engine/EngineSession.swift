import AutomationModel

/// The engine as one caller sees it: what they start runs as them, what they signal is decided as them.
public struct EngineSession: AutomationService {
    public let engine: AutomationEngine
    public let principal: String

    public func describeAutomationExecutions(_ request: DescribeAutomationExecutionsRequest) async throws
        -> DescribeAutomationExecutionsResponse
    {
        try engine.describeExecutions(request)
    }

    public func getAutomationExecution(_ request: GetAutomationExecutionRequest) async throws
        -> GetAutomationExecutionResponse
    {
        try engine.getExecution(request)
    }

    public func describeAutomationStepExecutions(_ request: DescribeAutomationStepExecutionsRequest) async throws
        -> DescribeAutomationStepExecutionsResponse
    {
        try engine.describeStepExecutions(request)
    }

    public func sendAutomationSignal(_ request: SendAutomationSignalRequest) async throws -> SendAutomationSignalResponse {
        try await engine.sendSignal(request, principal: principal)
        return SendAutomationSignalResponse()
    }

    public func startAutomationExecution(_ request: StartAutomationExecutionRequest) async throws
        -> StartAutomationExecutionResponse
    {
        try await engine.startExecution(request, principal: principal)
    }

    public func stopAutomationExecution(_ request: StopAutomationExecutionRequest) async throws
        -> StopAutomationExecutionResponse
    {
        try await engine.stopExecution(request)
        return StopAutomationExecutionResponse()
    }

    public func getDocument(_ request: GetDocumentRequest) async throws -> GetDocumentResponse {
        try engine.getDocument(request)
    }

    public func describeDocument(_ request: DescribeDocumentRequest) async throws -> DescribeDocumentResponse {
        try engine.describeDocument(request)
    }

    public func listDocuments(_ request: ListDocumentsRequest) async throws -> ListDocumentsResponse {
        try engine.listDocuments(request)
    }

    public func createDocument(_ request: CreateDocumentRequest) async throws -> CreateDocumentResponse {
        try await engine.createDocument(request, owner: engine.configuration.accountId)
    }
}
