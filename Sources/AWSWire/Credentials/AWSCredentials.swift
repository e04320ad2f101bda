import Foundation

/// An AWS access key pair, with the session token and expiry of temporary credentials.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// When temporary credentials stop working; nil for long-term keys.
    public var expiration: Date?

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// Never prints the secret or the token, so credentials can appear in logs and errors safely.
    public var description: String {
        var text = "AWSCredentials(accessKeyId: \(accessKeyId), secretAccessKey: <hidden>"
        if sessionToken != nil { text += ", sessionToken: <hidden>" }
        if let expiration { text += ", expiration: \(ISO8601Timestamp.format(expiration))" }
        return text + ")"
    }
}

/// Where a client gets credentials for each request. Implementations that fetch temporary credentials cache
/// them (see `CachedCredentialsProvider`), so calling this for every request is cheap.
public protocol AWSCredentialsProvider: Sendable {
    func credentials() async throws -> AWSCredentials
}

/// Fixed keys, for callers that already have them.
public struct StaticCredentialsProvider: AWSCredentialsProvider {
    public let fixed: AWSCredentials

    public init(_ credentials: AWSCredentials) {
        self.fixed = credentials
    }

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.fixed = AWSCredentials(
            accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: sessionToken)
    }

    public func credentials() async throws -> AWSCredentials { fixed }
}
