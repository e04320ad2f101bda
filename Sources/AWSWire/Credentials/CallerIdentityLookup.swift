import AutomationModel
import Foundation

/// STS GetCallerIdentity for a resolved configuration: who its credentials are.
///
/// STS is found as the AWS CLI finds it for its own calls: AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, the profile's
/// `services` section or `endpoint_url`, else the regional default. `--endpoint-url` names the SSM endpoint only
/// and is not used, as botocore applies it to the one client it was given for.
public struct CallerIdentityLookup: Sendable {
    public let endpoint: ResolvedEndpoint
    private let client: STSClient
    private let credentialsProvider: any AWSCredentialsProvider

    /// - Parameter transport: how requests are sent (for example wrapped to log them); by default the
    ///   configuration's transport settings.
    public init(
        configuration: AWSConfiguration, transport: (any AWSHTTPTransport)? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws(AWSConfigurationError) {
        endpoint = try configuration.endpointResolver.resolve(.sts, useExplicit: false)
        credentialsProvider = configuration.credentialsProvider
        client = STSClient(
            endpoint: endpoint.url, region: configuration.region,
            transport: transport ?? AsyncHTTPTransport(settings: configuration.transportSettings),
            retryPolicy: AWSRetryPolicy(maxAttempts: configuration.maxAttempts), now: now)
    }

    /// Calls GetCallerIdentity. Throws STS's error (a `ServiceError` with its code, such as
    /// InvalidClientTokenId or ExpiredToken), or an `AWSWireError` when STS cannot be reached.
    public func callerIdentity() async throws -> CallerIdentity {
        try await client.getCallerIdentity(credentials: credentialsProvider.credentials())
    }
}
