import Foundation

/// The credential sources reached over the network by address: container agents, instance metadata, STS.
extension CredentialChain {
    func container() throws(AWSConfigurationError) -> Choice? {
        let url: URL
        if let relative = sources.env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            guard let parsed = URL(string: ContainerCredentialsSource.relativeBase + relative) else {
                throw AWSConfigurationError(
                    .invalidValue, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI '\(relative)' is not a valid URL path.")
            }
            url = parsed
        } else if let full = sources.env("AWS_CONTAINER_CREDENTIALS_FULL_URI") {
            guard let parsed = URL(string: full), ContainerCredentialsSource.isAllowedFullURI(parsed) else {
                throw AWSConfigurationError(
                    .invalidValue,
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI '\(full)' must be an https URL, or an http URL to a loopback address or the ECS/EKS agent (169.254.170.2, 169.254.170.23).")
            }
            url = parsed
        } else {
            return nil
        }
        let source = ContainerCredentialsSource(
            url: url, authorizationToken: sources.env("AWS_CONTAINER_AUTHORIZATION_TOKEN"),
            authorizationTokenFile: sources.env("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"),
            transport: AsyncHTTPTransport(
                settings: AWSTransportSettings(connectTimeout: .seconds(2), readTimeout: .seconds(2))))
        return Choice(
            provider: CachedCredentialsProvider(now: now, fetch: source.fetch),
            description: "container credentials at \(url.absoluteString)", kind: .container)
    }

    func instanceMetadata() throws(AWSConfigurationError) -> InstanceMetadataSource {
        let configured =
            sources.env("AWS_EC2_METADATA_SERVICE_ENDPOINT") ?? sources.profile["ec2_metadata_service_endpoint"]
        let mode = (sources.env("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE")
            ?? sources.profile["ec2_metadata_service_endpoint_mode"])?.lowercased()
        let text = configured ?? (mode == "ipv6" ? InstanceMetadataSource.defaultIPv6Endpoint : InstanceMetadataSource.defaultEndpoint)
        guard let endpoint = URL(string: text), endpoint.host != nil else {
            throw AWSConfigurationError(
                .invalidValue,
                "The instance metadata endpoint '\(text)' (AWS_EC2_METADATA_SERVICE_ENDPOINT) is not a URL such as http://169.254.169.254.")
        }
        let timeout = try positiveNumber("AWS_METADATA_SERVICE_TIMEOUT", profileKey: "metadata_service_timeout") ?? 1
        let attempts = try positiveNumber("AWS_METADATA_SERVICE_NUM_ATTEMPTS", profileKey: "metadata_service_num_attempts") ?? 1
        return InstanceMetadataSource(
            endpoint: endpoint, attempts: attempts,
            v1Disabled: sources.flag(env: "AWS_EC2_METADATA_V1_DISABLED", profileKey: "ec2_metadata_v1_disabled"),
            transport: AsyncHTTPTransport(
                settings: AWSTransportSettings(connectTimeout: .seconds(timeout), readTimeout: .seconds(timeout))))
    }

    func positiveNumber(_ env: String, profileKey: String) throws(AWSConfigurationError) -> Int? {
        guard let text = sources.env(env) ?? sources.profile[profileKey] else { return nil }
        guard let value = Int(text), value > 0 else {
            throw AWSConfigurationError(.invalidValue, "\(env) / \(profileKey) is '\(text)'; use a whole number above 0.")
        }
        return value
    }

    // MARK: STS

    func sts() throws(AWSConfigurationError) -> STSClient {
        STSClient(
            endpoint: try endpoints.resolve(.sts, useExplicit: false).url, region: region,
            transport: AsyncHTTPTransport(settings: transportSettings),
            retryPolicy: AWSRetryPolicy(maxAttempts: maxAttempts), now: now)
    }

    func defaultSessionName() -> String {
        "ssm-console-session-\(Int(now().timeIntervalSince1970))"
    }
}
