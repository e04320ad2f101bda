import Foundation

/// Everything a client needs to talk to AWS, resolved from command-line options, environment variables and
/// the shared config and credentials files in the same order as the AWS CLI.
public struct AWSConfiguration: Sendable {
    public let profileName: String
    /// The selected profile's settings (empty when the default profile is not defined), for settings such as
    /// `output` that other layers read.
    public let profile: AWSProfile
    public let region: String
    /// Where the region came from: "--region", "AWS_REGION", "AWS_DEFAULT_REGION" or "profile 'x'".
    public let regionSource: String
    public let credentialsProvider: any AWSCredentialsProvider
    /// Where the credentials come from, for `configure list`-style output and logs.
    public let credentialSource: String
    /// What kind of place that is, for a header that names it (profile, environment, container, instance role, SSO).
    public let credentialSourceKind: CredentialSourceKind
    /// AWS_MAX_ATTEMPTS or the profile's max_attempts (default 3).
    public let maxAttempts: Int
    public let transportSettings: AWSTransportSettings
    let endpointResolver: EndpointResolver

    /// The endpoint for `service` and the setting it came from.
    public func endpoint(for service: AWSServiceEndpoint) throws(AWSConfigurationError) -> ResolvedEndpoint {
        try endpointResolver.resolve(service)
    }

    /// Resolves the configuration. Reads only `environment` and files under `homeDirectory` (or the paths
    /// AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE name), so callers and tests control every input.
    /// Throws `AWSConfigurationError` when there is no region, no credentials anywhere (and instance metadata
    /// is off), an unknown profile, or a malformed file or value.
    /// - Parameter now: the clock used to refresh temporary credentials.
    public static func resolve(
        options: AWSConfigurationOptions = AWSConfigurationOptions(),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        homeDirectory: String = NSHomeDirectory(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws(AWSConfigurationError) -> AWSConfiguration {
        let sources = try ConfigurationSources(options: options, environment: environment, homeDirectory: homeDirectory)
        let (region, regionSource) = try resolveRegion(sources)
        let maxAttempts = try resolveMaxAttempts(sources)
        let caBundle = options.caBundle ?? sources.env("AWS_CA_BUNDLE") ?? sources.profile["ca_bundle"]
        let transport = AWSTransportSettings(
            connectTimeout: options.connectTimeout ?? .seconds(60), readTimeout: options.readTimeout ?? .seconds(60),
            caBundlePath: caBundle.map(sources.expandPath), verifySSL: options.verifySSL)
        let endpoints = EndpointResolver(
            explicitURL: options.endpointURL, environment: environment, profile: sources.profile,
            services: sources.files.services,
            ignoreConfigured: sources.flag(
                env: "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", profileKey: "ignore_configured_endpoint_urls"),
            region: region)
        let credentials = try CredentialChain(
            sources: sources, region: region, endpoints: endpoints, transportSettings: transport,
            maxAttempts: maxAttempts, now: now
        ).resolve()
        return AWSConfiguration(
            profileName: sources.profile.name, profile: sources.profile, region: region, regionSource: regionSource,
            credentialsProvider: credentials.provider, credentialSource: credentials.description,
            credentialSourceKind: credentials.kind,
            maxAttempts: maxAttempts, transportSettings: transport, endpointResolver: endpoints)
    }

    private static func resolveRegion(_ sources: ConfigurationSources) throws(AWSConfigurationError) -> (String, String) {
        let candidates: [(String?, String)] = [
            (sources.options.region, "--region"), (sources.env("AWS_REGION"), "AWS_REGION"),
            (sources.env("AWS_DEFAULT_REGION"), "AWS_DEFAULT_REGION"),
            (sources.profile["region"], "profile '\(sources.profile.name)'"),
        ]
        guard let (value, origin) = candidates.first(where: { !($0.0 ?? "").isEmpty }), let region = value else {
            throw AWSConfigurationError(
                .missingRegion,
                """
                You must specify a region. Looked at, in order: the --region option, the AWS_REGION and \
                AWS_DEFAULT_REGION environment variables, and the region setting of \(sources.profileDescription). \
                Pass --region us-east-1, export AWS_REGION=us-east-1, or run `aws configure set region us-east-1 --profile \(sources.profile.name)`.
                """)
        }
        guard isValidRegionName(region) else {
            throw AWSConfigurationError(
                .invalidValue,
                "The region '\(region)' from \(origin) is not a valid region name (letters, digits and hyphens, such as us-east-1).")
        }
        return (region, origin)
    }

    /// botocore's check, `^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$`, written out: compiling the regular
    /// expression took 2 ms of every command.
    static func isValidRegionName(_ region: String) -> Bool {
        let bytes = Array(region.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 63 else { return false }
        return isAlphanumeric(first) && isAlphanumeric(last)
            && bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    private static func resolveMaxAttempts(_ sources: ConfigurationSources) throws(AWSConfigurationError) -> Int {
        let (text, origin): (String?, String) =
            sources.env("AWS_MAX_ATTEMPTS").map { ($0, "AWS_MAX_ATTEMPTS") }
            ?? (sources.profile["max_attempts"], "max_attempts of profile '\(sources.profile.name)'")
        guard let text else { return AWSRetryPolicy.defaultMaxAttempts }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 1 else {
            throw AWSConfigurationError(
                .invalidValue, "\(origin) is '\(text)'; it must be a whole number of attempts, 1 or more (the default is 3).")
        }
        return value
    }
}
