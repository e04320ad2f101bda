import AutomationModel
import Foundation
import Logging

/// SSM Automation over the AWS JSON 1.1 wire: a real region or any SSM-compatible endpoint such as
/// `ssm-console serve`. Every call is checked against the API's limits before it is sent, is signed, and is
/// retried under the standard retry mode (pacing to the quotas is `PacedAutomationService`'s job). AWS errors arrive as
/// `ServiceError`s with the AWS code and message; transport failures and unreadable answers as `AWSWireError`s.
public struct SSMClient: OperationSending {
    public let wire: AWSJSONClient
    private let hub: SSMClientEventHub

    /// Throttling and retries as they happen. One reader only (an `AsyncStream`); keeps the
    /// newest 256 unread events. Use the `observer` of the initialisers to report to more than one place.
    public var events: AsyncStream<SSMClientEvent> { hub.events }

    /// A client over any transport; the other initialisers end here.
    /// - Parameters:
    ///   - now: the signing clock.
    ///   - observer: called synchronously with each event; keep it quick.
    public init(
        endpoint: URL, region: String, credentials: any AWSCredentialsProvider, transport: any AWSHTTPTransport,
        retryPolicy: AWSRetryPolicy = AWSRetryPolicy(),
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "AWSWire.SSMClient"),
        observer: (@Sendable (SSMClientEvent) -> Void)? = nil
    ) {
        self.init(
            wire: AWSJSONClient(
                service: .ssm, endpoint: endpoint, region: region, credentials: credentials, transport: transport,
                retryPolicy: retryPolicy, now: now, logger: logger),
            observer: observer)
    }

    /// A client over AsyncHTTPClient with explicit endpoint, region and credentials.
    public init(
        endpoint: URL, region: String, credentials: any AWSCredentialsProvider,
        transportSettings: AWSTransportSettings = AWSTransportSettings(),
        retryPolicy: AWSRetryPolicy = AWSRetryPolicy(),
        logger: Logger = Logger(label: "AWSWire.SSMClient"), observer: (@Sendable (SSMClientEvent) -> Void)? = nil
    ) {
        self.init(
            wire: AWSJSONClient(
                service: .ssm, endpoint: endpoint, region: region, credentials: credentials,
                transportSettings: transportSettings, retryPolicy: retryPolicy, logger: logger),
            observer: observer)
    }

    /// A client whose endpoint, region, credentials, timeouts, TLS settings and max attempts come from a
    /// resolved configuration (`--endpoint-url`, AWS_ENDPOINT_URL_SSM, profiles, …).
    public init(
        configuration: AWSConfiguration, retryPolicy: AWSRetryPolicy? = nil, logger: Logger = Logger(label: "AWSWire.SSMClient"),
        observer: (@Sendable (SSMClientEvent) -> Void)? = nil
    ) throws(AWSConfigurationError) {
        self.init(
            wire: try AWSJSONClient(service: .ssm, configuration: configuration, retryPolicy: retryPolicy, logger: logger),
            observer: observer)
    }

    private init(wire: AWSJSONClient, observer: (@Sendable (SSMClientEvent) -> Void)?) {
        let hub = SSMClientEventHub(observer: observer)
        var wire = wire
        wire.retryObserver = { hub.emit(SSMClientEvent($0)) }
        self.wire = wire
        self.hub = hub
    }

    /// Sends one catalog operation: checks the request against the API's limits (as the AWS CLI does), then
    /// signs and posts it and decodes the typed answer.
    public func send<Request, Response>(_ operation: ServiceOperation<Request, Response>, _ request: Request)
        async throws -> Response
    {
        try operation.checkLimits(request)
        return try await wire.call(operation.name, request)
    }
}
