/// What a client reports before it sleeps and retries a failed attempt, so a caller can show throttling and
/// retries as they happen. Reporting changes nothing about the retry itself.
public struct AWSRetryNotice: Sendable, Hashable {
    public enum Failure: Sendable, Hashable {
        /// The endpoint answered with an error status and, when it named one, an AWS error code.
        case response(status: Int, errorCode: String?)
        /// No response arrived (connection refused, reset or timed out).
        case transport(AWSWireError)
    }

    public var operation: String
    /// The attempt that failed, counting from 1; the retry is attempt `failedAttempt + 1`.
    public var failedAttempt: Int
    public var failure: Failure
    /// The backoff before the retry.
    public var delay: Duration

    public init(operation: String, failedAttempt: Int, failure: Failure, delay: Duration) {
        self.operation = operation
        self.failedAttempt = failedAttempt
        self.failure = failure
        self.delay = delay
    }

    /// Whether the endpoint refused the attempt for going too fast (a throttling error code or HTTP 429).
    public var isThrottling: Bool {
        guard case .response(let status, let code) = failure else { return false }
        return status == AWSRetryClassifier.throttlingStatus || code.map(AWSRetryClassifier.throttlingCodes.contains) == true
    }

    /// The failure in words, e.g. "HTTP 500 InternalServerError".
    public var failureDescription: String {
        switch failure {
        case .response(let status, let code): return "HTTP \(status)" + (code.map { " \($0)" } ?? "")
        case .transport(let error): return error.message
        }
    }
}
