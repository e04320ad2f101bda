import AutomationModel
import Foundation
import LocalEngine

/// The operations the endpoint answers, by X-Amz-Target operation name.
struct SSMOperation: Sendable {
    let name: String
    let handle: @Sendable (_ body: Data, _ session: EngineSession) async throws -> Data

    /// An operation that decodes `Input`, runs `perform` as the caller, and encodes its `Output`.
    static func make<Input: Decodable & Sendable, Output: Encodable & Sendable>(
        _ name: String, _ input: Input.Type,
        _ perform: @escaping @Sendable (EngineSession, Input) async throws -> Output
    ) -> SSMOperation {
        SSMOperation(name: name) { body, session in
            let request = try RequestBodyDecoding.decode(Input.self, from: body, operation: name)
            return try AWSJSON.encoder().encode(try await perform(session, request))
        }
    }

    static let all: [String: SSMOperation] = {
        let list: [SSMOperation] = [
            make("DescribeAutomationExecutions", DescribeAutomationExecutionsRequest.self) {
                try await $0.describeAutomationExecutions($1)
            },
            // Encoded by the engine, which keeps the JSON of an execution while it does not change.
            SSMOperation(name: "GetAutomationExecution") { body, session in
                let request = try RequestBodyDecoding.decode(
                    GetAutomationExecutionRequest.self, from: body, operation: "GetAutomationExecution")
                return try session.engine.encodedExecution(request)
            },
            make("DescribeAutomationStepExecutions", DescribeAutomationStepExecutionsRequest.self) {
                try await $0.describeAutomationStepExecutions($1)
            },
            make("SendAutomationSignal", SendAutomationSignalRequest.self) { try await $0.sendAutomationSignal($1) },
            make("StartAutomationExecution", StartAutomationExecutionRequest.self) {
                try await $0.startAutomationExecution($1)
            },
            make("StopAutomationExecution", StopAutomationExecutionRequest.self) {
                try await $0.stopAutomationExecution($1)
            },
            make("CreateDocument", CreateDocumentRequest.self) { try await $0.createDocument($1) },
            make("GetDocument", GetDocumentRequest.self) { try await $0.getDocument($1) },
            make("DescribeDocument", DescribeDocumentRequest.self) { try await $0.describeDocument($1) },
            make("ListDocuments", ListDocumentsRequest.self) { try await $0.listDocuments($1) },
            make("UpdateDocument", UpdateDocumentRequest.self) { try await $0.engine.updateDocument($1) },
            make("DeleteDocument", DeleteDocumentRequest.self) { session, request in
                try await session.engine.deleteDocument(request)
                return DeleteDocumentResponse()
            },
            make("DescribeInstanceInformation", DescribeInstanceInformationRequest.self) { session, request in
                try InstanceInformationListing.describe(request, instances: session.engine.managedInstances)
            },
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
    }()

    static var supportedNames: [String] { all.keys.sorted() }
}
