import Foundation

/// A failure below the service's own errors: the endpoint could not be reached, did not answer in time,
/// or answered with something that is not the protocol's shape.
public struct AWSWireError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// No connection could be opened in the connect timeout.
        case connectTimeout
        /// The endpoint stopped sending for longer than the read timeout.
        case readTimeout
        /// The connection was refused, reset or closed before a full response arrived.
        case connectionFailed
        /// The TLS handshake or certificate check failed.
        case tlsFailure
        /// The response does not have the shape the protocol promises (e.g. an error body that is not JSON).
        case malformedResponse
        /// The request could not be built (bad endpoint URL and the like).
        case invalidRequest
    }

    public var kind: Kind
    public var message: String
    /// The HTTP status of the response, when there was one.
    public var httpStatus: Int?

    public init(_ kind: Kind, _ message: String, httpStatus: Int? = nil) {
        self.kind = kind
        self.message = message
        self.httpStatus = httpStatus
    }

    public var description: String { message }

    /// Connection-level failures the standard retry mode treats as transient.
    public var isConnectionError: Bool {
        [.connectTimeout, .readTimeout, .connectionFailed].contains(kind)
    }

    /// Timeouts cost more of the retry budget than other retries.
    public var isTimeout: Bool { kind == .connectTimeout || kind == .readTimeout }
}
