/// A configuration problem: nothing to sign with, no region, a profile or file that is wrong. The message says
/// every place that was looked at and how to fix it. The AWS CLI exits with 253 for these.
public struct AWSConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case missingRegion
        case noCredentials
        /// Some but not all of a key pair was given.
        case partialCredentials
        case profileNotFound
        case invalidFile
        case invalidValue
        /// A configured credential source (process, STS, container, instance metadata) failed.
        case credentialSourceFailed
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
