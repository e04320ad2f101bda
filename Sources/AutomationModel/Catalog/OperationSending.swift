/// An `AutomationService` that treats every operation alike, through one generic `send`: the wire client
/// (sign and post it) and the pacing wrapper (wait for a token, then pass it on). This extension gives them each
/// of the protocol's methods.
public protocol OperationSending: AutomationService {
    func send<Request, Response>(_ operation: ServiceOperation<Request, Response>, _ request: Request)
        async throws -> Response
}

extension OperationSending {
    public func describeAutomationExecutions(_ request: DescribeAutomationExecutionsRequest) async throws
        -> DescribeAutomationExecutionsResponse
    {
        try await send(OperationCatalog.describeAutomationExecutions, request)
    }

    public func getAutomationExecution(_ request: GetAutomationExecutionRequest) async throws
        -> GetAutomationExecutionResponse
    {
        try await send(OperationCatalog.getAutomationExecution, request)
    }

    public func describeAutomationStepExecutions(_ request: DescribeAutomationStepExecutionsRequest) async throws
        -> DescribeAutomationStepExecutionsResponse
    {
        try await send(OperationCatalog.describeAutomationStepExecutions, request)
    }

    public func sendAutomationSignal(_ request: SendAutomationSignalRequest) async throws -> SendAutomationSignalResponse {
        try await send(OperationCatalog.sendAutomationSignal, request)
    }

    public func startAutomationExecution(_ request: StartAutomationExecutionRequest) async throws
        -> StartAutomationExecutionResponse
    {
        try await send(OperationCatalog.startAutomationExecution, request)
    }

    public func stopAutomationExecution(_ request: StopAutomationExecutionRequest) async throws
        -> StopAutomationExecutionResponse
    {
        try await send(OperationCatalog.stopAutomationExecution, request)
    }

    public func getDocument(_ request: GetDocumentRequest) async throws -> GetDocumentResponse {
        try await send(OperationCatalog.getDocument, request)
    }

    public func describeDocument(_ request: DescribeDocumentRequest) async throws -> DescribeDocumentResponse {
        try await send(OperationCatalog.describeDocument, request)
    }

    public func listDocuments(_ request: ListDocumentsRequest) async throws -> ListDocumentsResponse {
        try await send(OperationCatalog.listDocuments, request)
    }

    public func createDocument(_ request: CreateDocumentRequest) async throws -> CreateDocumentResponse {
        try await send(OperationCatalog.createDocument, request)
    }

    public func updateDocument(_ request: UpdateDocumentRequest) async throws -> UpdateDocumentResponse {
        try await send(OperationCatalog.updateDocument, request)
    }

    public func deleteDocument(_ request: DeleteDocumentRequest) async throws -> DeleteDocumentResponse {
        try await send(OperationCatalog.deleteDocument, request)
    }

    public func describeInstanceInformation(_ request: DescribeInstanceInformationRequest) async throws
        -> DescribeInstanceInformationResponse
    {
        try await send(OperationCatalog.describeInstanceInformation, request)
    }

    public func listCommands(_ request: ListCommandsRequest) async throws -> ListCommandsResponse {
        try await send(OperationCatalog.listCommands, request)
    }

    public func listCommandInvocations(_ request: ListCommandInvocationsRequest) async throws
        -> ListCommandInvocationsResponse
    {
        try await send(OperationCatalog.listCommandInvocations, request)
    }

    public func getCommandInvocation(_ request: GetCommandInvocationRequest) async throws
        -> GetCommandInvocationResponse
    {
        try await send(OperationCatalog.getCommandInvocation, request)
    }
}
