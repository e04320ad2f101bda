import Foundation

/// One catalog entry with its types: the request and response the API defines, the `AutomationService` method
/// that answers it, and the checks a client makes before sending it (the AWS CLI's parameter validation).
public struct ServiceOperation<Request: Codable & Sendable, Response: Codable & Sendable>: Sendable {
    public let operation: SSMOperation
    let perform: @Sendable (any AutomationService, Request) async throws -> Response
    let limits: @Sendable (Request) throws(ServiceError) -> Void

    init(
        _ name: String, changesState: Bool = false, quota: OperationQuota = .unpublished,
        limits: @escaping @Sendable (Request) throws(ServiceError) -> Void = { _ throws(ServiceError) in },
        perform: @escaping @Sendable (any AutomationService, Request) async throws -> Response
    ) {
        operation = SSMOperation(name: name, changesState: changesState, quota: quota)
        self.perform = perform
        self.limits = limits
    }

    public var name: String { operation.name }

    /// Calls the operation's method on `service`.
    public func call(_ service: any AutomationService, _ request: Request) async throws -> Response {
        try await perform(service, request)
    }

    /// Throws ValidationException when `request` breaks a limit the API documents (ID lengths, map sizes,
    /// the payload a signal needs), so a client can refuse it before sending.
    public func checkLimits(_ request: Request) throws(ServiceError) {
        try limits(request)
    }
}

/// A catalog entry without its types, for dispatching by name: JSON in, JSON out.
public protocol AnyServiceOperation: Sendable {
    var operation: SSMOperation { get }
    /// Decodes `body` as the request (errors as AWS answers them), calls `service` and encodes the answer with
    /// the wire encoding. The API's limits are the service's to enforce here, not checked again.
    func handle(_ body: Data, on service: any AutomationService) async throws -> Data
    /// Decodes `body` as the request with the wire decoder, and checks its limits.
    func checkRequest(_ body: Data) throws
}

extension ServiceOperation: AnyServiceOperation {
    public func handle(_ body: Data, on service: any AutomationService) async throws -> Data {
        let request = try RequestDecoding.decode(Request.self, from: body, operation: name)
        if let encoded = try await service.encodedResponse(to: operation, request) { return encoded }
        return try AWSJSON.encode(try await call(service, request))
    }

    public func checkRequest(_ body: Data) throws {
        try checkLimits(AWSJSON.decoder().decode(Request.self, from: body))
    }
}

