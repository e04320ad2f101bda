import AutomationModel
import Foundation

/// An AutomationService that answers every operation with an empty answer and records which were called, in
/// order, and the stop requests it got.
final class RecordingService: AutomationService {
    let called = LockedValue<[String]>([])
    let stops = LockedValue<[StopAutomationExecutionRequest]>([])

    private func record(_ operation: SSMOperation) { called.withLock { $0.append(operation.name) } }

    func describeAutomationExecutions(_ request: DescribeAutomationExecutionsRequest) async throws
        -> DescribeAutomationExecutionsResponse
    {
        record(OperationCatalog.describeAutomationExecutions.operation)
        return DescribeAutomationExecutionsResponse(automationExecutionMetadataList: [])
    }

    func getAutomationExecution(_ request: GetAutomationExecutionRequest) async throws -> GetAutomationExecutionResponse {
        record(OperationCatalog.getAutomationExecution.operation)
        return GetAutomationExecutionResponse(automationExecution: AutomationExecution(automationExecutionId: request.automationExecutionId))
    }

    func describeAutomationStepExecutions(_ request: DescribeAutomationStepExecutionsRequest) async throws
        -> DescribeAutomationStepExecutionsResponse
    {
        record(OperationCatalog.describeAutomationStepExecutions.operation)
        return DescribeAutomationStepExecutionsResponse(stepExecutions: [])
    }

    func sendAutomationSignal(_ request: SendAutomationSignalRequest) async throws -> SendAutomationSignalResponse {
        record(OperationCatalog.sendAutomationSignal.operation)
        return SendAutomationSignalResponse()
    }

    func startAutomationExecution(_ request: StartAutomationExecutionRequest) async throws
        -> StartAutomationExecutionResponse
    {
        record(OperationCatalog.startAutomationExecution.operation)
        return StartAutomationExecutionResponse(automationExecutionId: "73c8eef8-f4ee-4a05-820c-e354f0000001")
    }

    func stopAutomationExecution(_ request: StopAutomationExecutionRequest) async throws
        -> StopAutomationExecutionResponse
    {
        record(OperationCatalog.stopAutomationExecution.operation)
        stops.withLock { $0.append(request) }
        return StopAutomationExecutionResponse()
    }

    func getDocument(_ request: GetDocumentRequest) async throws -> GetDocumentResponse {
        record(OperationCatalog.getDocument.operation)
        return GetDocumentResponse(name: request.name)
    }

    func describeDocument(_ request: DescribeDocumentRequest) async throws -> DescribeDocumentResponse {
        record(OperationCatalog.describeDocument.operation)
        return DescribeDocumentResponse(document: DocumentDescription(name: request.name))
    }

    func listDocuments(_ request: ListDocumentsRequest) async throws -> ListDocumentsResponse {
        record(OperationCatalog.listDocuments.operation)
        return ListDocumentsResponse(documentIdentifiers: [])
    }

    func createDocument(_ request: CreateDocumentRequest) async throws -> CreateDocumentResponse {
        record(OperationCatalog.createDocument.operation)
        return CreateDocumentResponse(documentDescription: DocumentDescription(name: request.name))
    }

    func updateDocument(_ request: UpdateDocumentRequest) async throws -> UpdateDocumentResponse {
        record(OperationCatalog.updateDocument.operation)
        return UpdateDocumentResponse(documentDescription: DocumentDescription(name: request.name))
    }

    func deleteDocument(_ request: DeleteDocumentRequest) async throws -> DeleteDocumentResponse {
        record(OperationCatalog.deleteDocument.operation)
        return DeleteDocumentResponse()
    }

    func describeInstanceInformation(_ request: DescribeInstanceInformationRequest) async throws
        -> DescribeInstanceInformationResponse
    {
        record(OperationCatalog.describeInstanceInformation.operation)
        return DescribeInstanceInformationResponse(instanceInformationList: [])
    }

    func listCommands(_ request: ListCommandsRequest) async throws -> ListCommandsResponse {
        record(OperationCatalog.listCommands.operation)
        return ListCommandsResponse(commands: [])
    }

    func listCommandInvocations(_ request: ListCommandInvocationsRequest) async throws -> ListCommandInvocationsResponse {
        record(OperationCatalog.listCommandInvocations.operation)
        return ListCommandInvocationsResponse(commandInvocations: [])
    }

    func getCommandInvocation(_ request: GetCommandInvocationRequest) async throws -> GetCommandInvocationResponse {
        record(OperationCatalog.getCommandInvocation.operation)
        return GetCommandInvocationResponse(commandId: request.commandId, instanceId: request.instanceId)
    }
}
