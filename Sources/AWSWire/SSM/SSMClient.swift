import AutomationModel
import Foundation
import Logging

/// SSM Automation over the AWS JSON 1.1 wire: a real region or any SSM-compatible endpoint such as
/// `ssm-console serve`. Every call is checked against the API's limits before it is sent, waits for its
/// operation's rate-limit token, is signed, and is retried under the standard retry mode. AWS errors arrive as
/// `ServiceError`s with the AWS code and message; transport failures and unreadable answers as `AWSWireError`s.
public struct SSMClient: AutomationService {
    public let wire: AWSJSONClient
    public let rateLimiter: SSMRateLimiter
    private let hub: SSMClientEventHub

    /// Throttling, retries and rate-limit waits as they happen. One reader only (an `AsyncStream`); keeps the
    /// newest 256 unread events. Use the `observer` of the initialisers to report to more than one place.
    public var events: AsyncStream<SSMClientEvent> { hub.events }

    /// A client over any transport; the other initialisers end here.
    /// - Parameters:
    ///   - rateLimiter: share one between clients of the same account and region; `SSMRateLimiter(quotas:
    ///     .unlimited)` turns limiting off.
    ///   - now: the signing clock.
    ///   - observer: called synchronously with each event; keep it quick.
    public init(
        endpoint: URL, region: String, credentials: any AWSCredentialsProvider, transport: any AWSHTTPTransport,
        retryPolicy: AWSRetryPolicy = AWSRetryPolicy(), rateLimiter: SSMRateLimiter = SSMRateLimiter(),
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "AWSWire.SSMClient"),
        observer: (@Sendable (SSMClientEvent) -> Void)? = nil
    ) {
        self.init(
            wire: AWSJSONClient(
                service: .ssm, endpoint: endpoint, region: region, credentials: credentials, transport: transport,
                retryPolicy: retryPolicy, now: now, logger: logger),
            rateLimiter: rateLimiter, observer: observer)
    }

    /// A client over AsyncHTTPClient with explicit endpoint, region and credentials.
    public init(
        endpoint: URL, region: String, credentials: any AWSCredentialsProvider,
        transportSettings: AWSTransportSettings = AWSTransportSettings(),
        retryPolicy: AWSRetryPolicy = AWSRetryPolicy(), rateLimiter: SSMRateLimiter = SSMRateLimiter(),
        logger: Logger = Logger(label: "AWSWire.SSMClient"), observer: (@Sendable (SSMClientEvent) -> Void)? = nil
    ) {
        self.init(
            wire: AWSJSONClient(
                service: .ssm, endpoint: endpoint, region: region, credentials: credentials,
                transportSettings: transportSettings, retryPolicy: retryPolicy, logger: logger),
            rateLimiter: rateLimiter, observer: observer)
    }

    /// A client whose endpoint, region, credentials, timeouts, TLS settings and max attempts come from a
    /// resolved configuration (`--endpoint-url`, AWS_ENDPOINT_URL_SSM, profiles, …).
    public init(
        configuration: AWSConfiguration, retryPolicy: AWSRetryPolicy? = nil,
        rateLimiter: SSMRateLimiter = SSMRateLimiter(), logger: Logger = Logger(label: "AWSWire.SSMClient"),
        observer: (@Sendable (SSMClientEvent) -> Void)? = nil
    ) throws(AWSConfigurationError) {
        self.init(
            wire: try AWSJSONClient(service: .ssm, configuration: configuration, retryPolicy: retryPolicy, logger: logger),
            rateLimiter: rateLimiter, observer: observer)
    }

    private init(wire: AWSJSONClient, rateLimiter: SSMRateLimiter, observer: (@Sendable (SSMClientEvent) -> Void)?) {
        let hub = SSMClientEventHub(observer: observer)
        var wire = wire
        wire.beforeAttempt = { [rateLimiter] name in
            let operation = SSMOperation(rawValue: name)
            let waited = try await rateLimiter.acquire(operation)
            if waited > .zero { hub.emit(.rateLimited(operation: operation, waited: waited)) }
        }
        wire.retryObserver = { hub.emit(SSMClientEvent($0)) }
        self.wire = wire
        self.rateLimiter = rateLimiter
        self.hub = hub
    }

    /// Sends one operation with a typed request and decodes its typed answer.
    public func call<Input: Encodable & Sendable, Output: Decodable>(
        _ operation: SSMOperation, _ input: Input, as output: Output.Type = Output.self
    ) async throws -> Output {
        try await wire.call(operation.rawValue, input)
    }
}
