import AWSWire
import AutomationModel
import Foundation

/// Sends one operation's JSON request and returns the service's JSON answer. Over the wire the answer is the
/// body exactly as sent, so the output matches what the AWS CLI would print from it; on the local engine the
/// typed answer is encoded with the wire encoding.
public struct OperationCaller: Sendable {
    public let connection: ServiceConnection

    public init(connection: ServiceConnection) {
        self.connection = connection
    }

    public func call(_ operation: OperationShape, request: Data) async throws -> Data {
        if let client = connection.client {
            return try await client.wire.call(operation.apiName, body: request)
        }
        let service = connection.service
        switch operation.apiName {
        case OperationShape.sendAutomationSignal.apiName:
            return try encode(try await service.sendAutomationSignal(try decode(request)))
        case OperationShape.startAutomationExecution.apiName:
            return try encode(try await service.startAutomationExecution(try decode(request)))
        case OperationShape.stopAutomationExecution.apiName:
            return try encode(try await service.stopAutomationExecution(try decode(request)))
        case OperationShape.getAutomationExecution.apiName:
            return try encode(try await service.getAutomationExecution(try decode(request)))
        case OperationShape.describeAutomationExecutions.apiName:
            return try encode(try await service.describeAutomationExecutions(try decode(request)))
        case OperationShape.describeAutomationStepExecutions.apiName:
            return try encode(try await service.describeAutomationStepExecutions(try decode(request)))
        default:
            throw CLIFailure.other("\(operation.apiName) is not one of the Automation operations this command sends.")
        }
    }

    private func decode<Request: Decodable>(_ data: Data) throws -> Request {
        try RequestValidation.decode(Request.self, from: data)
    }

    private func encode<Response: Encodable>(_ response: Response) throws -> Data {
        try AWSJSON.encoder().encode(response)
    }
}
