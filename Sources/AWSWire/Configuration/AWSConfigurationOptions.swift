/// The command-line options that take part in configuration, each overriding every other source.
public struct AWSConfigurationOptions: Sendable, Hashable {
    /// `--profile`
    public var profile: String?
    /// `--region`
    public var region: String?
    /// `--endpoint-url`
    public var endpointURL: String?
    /// `--ca-bundle`
    public var caBundle: String?
    /// `--no-verify-ssl` sets this to false.
    public var verifySSL: Bool
    /// `--cli-connect-timeout` (default 60 s).
    public var connectTimeout: Duration?
    /// `--cli-read-timeout` (default 60 s).
    public var readTimeout: Duration?

    public init(
        profile: String? = nil, region: String? = nil, endpointURL: String? = nil, caBundle: String? = nil,
        verifySSL: Bool = true, connectTimeout: Duration? = nil, readTimeout: Duration? = nil
    ) {
        self.profile = profile
        self.region = region
        self.endpointURL = endpointURL
        self.caBundle = caBundle
        self.verifySSL = verifySSL
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
    }
}
