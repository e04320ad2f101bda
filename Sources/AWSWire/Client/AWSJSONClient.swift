import AutomationModel
import Foundation
import Logging

/// A client for one AWS JSON-protocol service: signs each call with SigV4, sends it with the standard retry
/// mode, and turns error responses into `ServiceError`s carrying the AWS error code.
public struct AWSJSONClient: Sendable {
    public let service: AWSJSONService
    public let endpoint: URL
    public let region: String
    public let credentialsProvider: any AWSCredentialsProvider
    public let retryPolicy: AWSRetryPolicy
    public let transport: any AWSHTTPTransport
    public var userAgent = "ssm-console/1.0"
    /// Told about each retry just before its backoff sleep.
    public var retryObserver: (@Sendable (AWSRetryNotice) -> Void)?
    private let now: @Sendable () -> Date
    private let logger: Logger

    /// A client over any transport. `now` is the signing clock.
    public init(
        service: AWSJSONService, endpoint: URL, region: String, credentials: any AWSCredentialsProvider,
        transport: any AWSHTTPTransport, retryPolicy: AWSRetryPolicy = AWSRetryPolicy(),
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "AWSWire.AWSJSONClient")
    ) {
        self.service = service
        self.endpoint = endpoint
        self.region = region
        self.credentialsProvider = credentials
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.now = now
        self.logger = logger
    }

    /// A client over AsyncHTTPClient with the given timeouts and TLS settings.
    public init(
        service: AWSJSONService, endpoint: URL, region: String, credentials: any AWSCredentialsProvider,
        transportSettings: AWSTransportSettings = AWSTransportSettings(),
        retryPolicy: AWSRetryPolicy = AWSRetryPolicy(), now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "AWSWire.AWSJSONClient")
    ) {
        self.init(
            service: service, endpoint: endpoint, region: region, credentials: credentials,
            transport: AsyncHTTPTransport(settings: transportSettings), retryPolicy: retryPolicy, now: now,
            logger: logger)
    }

    /// A client whose endpoint, region, credentials, timeouts, TLS settings and max attempts come from a
    /// resolved configuration.
    public init(
        service: AWSJSONService, configuration: AWSConfiguration, retryPolicy: AWSRetryPolicy? = nil,
        logger: Logger = Logger(label: "AWSWire.AWSJSONClient")
    ) throws(AWSConfigurationError) {
        self.init(
            service: service, endpoint: try configuration.endpoint(for: service.endpoint).url,
            region: configuration.region, credentials: configuration.credentialsProvider,
            transportSettings: configuration.transportSettings,
            retryPolicy: retryPolicy ?? AWSRetryPolicy(maxAttempts: configuration.maxAttempts), logger: logger)
    }

    /// Calls `operation` with a JSON body and returns the JSON body of the answer.
    /// Throws `ServiceError` for an AWS error response, `AWSWireError` for transport failures and malformed
    /// responses, and whatever the credentials provider throws.
    public func call(_ operation: String, body: Data) async throws -> Data {
        let response = try await send(operation, body: body)
        guard response.isSuccess else {
            throw AWSJSONErrorDecoder.serviceError(response, operation: operation)
        }
        return response.body
    }

    /// Encodes `input` with `AWSJSON.encoder()`, calls `operation`, and decodes the answer with
    /// `AWSJSON.decoder()` (an empty body reads as `{}`).
    public func call<Input: Encodable, Output: Decodable>(_ operation: String, _ input: Input) async throws -> Output {
        let body: Data
        do {
            body = try AWSJSON.encoder().encode(input)
        } catch {
            throw AWSWireError(.invalidRequest, "Could not encode the \(operation) input as JSON: \(error).")
        }
        let answer = try await call(operation, body: body)
        do {
            return try AWSJSON.decoder().decode(Output.self, from: answer.isEmpty ? Data("{}".utf8) : answer)
        } catch {
            let preview = String(decoding: answer.prefix(300), as: UTF8.self)
            throw AWSWireError(
                .malformedResponse,
                "The \(operation) answer (HTTP 200) could not be read as \(Output.self): \(error). Body: \(preview)",
                httpStatus: 200)
        }
    }

    /// Sends `operation` with retries and returns the final HTTP response whatever its status, for callers that
    /// need the status or headers of an error answer. Throws only when no response was received.
    public func send(_ operation: String, body: Data) async throws -> AWSHTTPResponse {
        let sender = RetryingSender(
            transport: transport, policy: retryPolicy, logger: logger, observer: retryObserver)
        return try await sender.send(operation, errorCode: AWSJSONErrorDecoder.errorCode) {
            try await signedRequest(operation, body: body)
        }
    }

    private func signedRequest(_ operation: String, body: Data) async throws -> AWSHTTPRequest {
        let credentials = try await credentialsProvider.credentials()
        let url = endpoint.path.isEmpty ? URL(string: endpoint.absoluteString + "/") ?? endpoint : endpoint
        let unsigned: SigV4Request
        do {
            unsigned = try SigV4Request(
                method: "POST", url: url,
                headers: [
                    .init("Content-Type", service.contentType),
                    .init("X-Amz-Target", "\(service.targetPrefix).\(operation)"),
                    .init("User-Agent", userAgent),
                ],
                body: body)
        } catch {
            throw AWSWireError(.invalidRequest, error.message)
        }
        let signer = SigV4Signer(credentials: credentials, region: region, service: service.signingName)
        let signed = signer.sign(unsigned, at: now())
        return AWSHTTPRequest(method: "POST", url: url, headers: signed.request.headers, body: body)
    }
}

/// The input or output of an operation that has no members (Step Functions' SendTaskSuccess answers `{}`).
public struct AWSEmptyShape: Codable, Sendable, Hashable {
    public init() {}
}
