import AutomationModel
import Connection
import Foundation

/// Sends one operation's JSON request and returns the service's JSON answer. Over the wire the answer is the
/// body exactly as sent, so the output matches what the AWS CLI would print from it; on the local engine the
/// catalog dispatches the request to the service and encodes its typed answer with the wire encoding.
public struct OperationCaller: Sendable {
    public let connection: ServiceConnection

    public init(connection: ServiceConnection) {
        self.connection = connection
    }

    public func call(_ operation: OperationShape, request: Data) async throws -> Data {
        if let client = connection.client {
            return try await client.wire.call(operation.apiName, body: request)
        }
        guard let entry = OperationCatalog.entry(named: operation.apiName) else {
            throw CLIFailure.other("\(operation.apiName) is not in the operation catalog.")
        }
        // RequestValidation has already checked the request's limits before anything was sent.
        return try await entry.handle(request, on: connection.service)
    }
}
