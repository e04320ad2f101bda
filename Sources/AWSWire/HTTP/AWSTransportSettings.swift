import Foundation

/// How connections are made: timeouts and TLS trust. Mirrors the AWS CLI's `--cli-connect-timeout`,
/// `--cli-read-timeout`, `--ca-bundle` and `--no-verify-ssl`.
public struct AWSTransportSettings: Sendable, Hashable {
    /// Time allowed to open a connection (botocore's default is 60 s).
    public var connectTimeout: Duration
    /// Time allowed between bytes of the response (botocore's default is 60 s).
    public var readTimeout: Duration
    /// A PEM file of certificate authorities to trust instead of the system's.
    public var caBundlePath: String?
    /// False turns certificate verification off (`--no-verify-ssl`).
    public var verifySSL: Bool

    public init(
        connectTimeout: Duration = .seconds(60), readTimeout: Duration = .seconds(60), caBundlePath: String? = nil,
        verifySSL: Bool = true
    ) {
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.caBundlePath = caBundlePath
        self.verifySSL = verifySSL
    }
}
