import Foundation

/// The SDKs' standard retry mode: up to `maxAttempts` attempts, a random delay in
/// [0, min(2^(attempt-1), 20 s)] before each retry, and a shared `AWSRetryQuota`.
/// `sleep` and `random` are replaceable so tests can observe delays without waiting.
public struct AWSRetryPolicy: Sendable {
    public static let defaultMaxAttempts = 3

    public var maxAttempts: Int
    public var maxBackoff: Duration
    public var quota: AWSRetryQuota
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Returns a number in [0, 1].
    public var random: @Sendable () -> Double

    public init(
        maxAttempts: Int = AWSRetryPolicy.defaultMaxAttempts,
        maxBackoff: Duration = .seconds(20),
        quota: AWSRetryQuota = AWSRetryQuota(),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxBackoff = maxBackoff
        self.quota = quota
        self.sleep = sleep
        self.random = random
    }

    /// The delay before the retry that follows attempt number `attempt` (1-based): the first retry waits up to
    /// 1 s, the second up to 2 s, doubling to at most `maxBackoff`.
    public func backoff(afterAttempt attempt: Int) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(Double(1 << exponent), maxBackoffSeconds)
        return .milliseconds(Int64((min(max(random(), 0), 1) * ceiling * 1000).rounded(.down)))
    }

    private var maxBackoffSeconds: Double {
        let (seconds, attoseconds) = maxBackoff.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// Which failures the standard retry mode retries, exactly as the SDKs list them.
public enum AWSRetryClassifier {
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete",
    ]
    public static let transientCodes: Set<String> = ["RequestTimeout", "InternalError", "RequestTimeoutException"]
    public static let transientStatuses: Set<Int> = [500, 502, 503, 504]
    /// Too Many Requests: throttling, whatever code (if any) the body carries.
    public static let throttlingStatus = 429

    /// Whether an error response (its status and AWS error code, when one could be read) is worth retrying.
    public static func isRetryable(status: Int, errorCode: String?) -> Bool {
        if let errorCode, throttlingCodes.contains(errorCode) || transientCodes.contains(errorCode) { return true }
        return status == throttlingStatus || transientStatuses.contains(status)
    }

    /// Connection errors (refused, reset, closed early, timed out) are transient; TLS and request errors are not.
    public static func isRetryable(_ error: Error) -> Bool {
        (error as? AWSWireError)?.isConnectionError ?? false
    }
}
