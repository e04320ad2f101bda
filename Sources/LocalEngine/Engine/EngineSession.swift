import AutomationModel
import Foundation

/// The engine as one caller sees it: what they start runs as them, what they signal is decided as them.
public struct EngineSession: AutomationService {
    public let engine: AutomationEngine
    public let principal: String
    /// The caller's IAM group names, which aws:approve Approvers naming a group match.
    public let groups: [String]

    public init(engine: AutomationEngine, principal: String, groups: [String] = []) {
        self.engine = engine
        self.principal = principal
        self.groups = groups
    }

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
        try await engine.sendSignal(request, principal: principal, groups: groups)
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

    public func updateDocument(_ request: UpdateDocumentRequest) async throws -> UpdateDocumentResponse {
        try await engine.updateDocument(request)
    }

    public func deleteDocument(_ request: DeleteDocumentRequest) async throws -> DeleteDocumentResponse {
        try await engine.deleteDocument(request)
        return DeleteDocumentResponse()
    }

    public func describeInstanceInformation(_ request: DescribeInstanceInformationRequest) async throws
        -> DescribeInstanceInformationResponse
    {
        try InstanceInformationListing.describe(request, instances: engine.managedInstances)
    }

    public func listCommands(_ request: ListCommandsRequest) async throws -> ListCommandsResponse {
        try engine.commandReads.listCommands(request)
    }

    public func listCommandInvocations(_ request: ListCommandInvocationsRequest) async throws
        -> ListCommandInvocationsResponse
    {
        try engine.commandReads.listCommandInvocations(request)
    }

    public func getCommandInvocation(_ request: GetCommandInvocationRequest) async throws -> GetCommandInvocationResponse {
        try engine.commandReads.getCommandInvocation(request)
    }

    /// GetAutomationExecution and DescribeAutomationExecutions from the engine's JSON of each execution and of
    /// each list row, kept while they do not change.
    public func encodedResponse(to operation: SSMOperation, _ request: any Sendable) async throws -> Data? {
        switch request {
        case let request as GetAutomationExecutionRequest where operation == OperationCatalog.getAutomationExecution.operation:
            return try engine.encodedExecution(request)
        case let request as DescribeAutomationExecutionsRequest
        where operation == OperationCatalog.describeAutomationExecutions.operation:
            return try engine.encodedExecutionList(request)
        default:
            return nil
        }
    }
}
