import AutomationModel

/// `--quotas aws`: a token bucket per access key and operation, at the rates the catalog publishes for each
/// operation (bursts equal to the rate). Operations with no published quota are not limited.
actor OperationThrottle {
    private let quotas: OperationQuotas
    private let now: @Sendable () -> Duration
    private var buckets: [String: TokenBucket] = [:]

    /// - Parameter now: time since any fixed origin; by default the continuous clock since the throttle was made.
    init(now: (@Sendable () -> Duration)? = nil) {
        quotas = .published(secondsOfBurst: true, otherOperations: nil)
        if let now {
            self.now = now
        } else {
            let origin = ContinuousClock.now
            self.now = { origin.duration(to: .now) }
        }
    }

    /// Takes a token for `operation` on behalf of `accessKeyId`, or throws ThrottlingException when none is left.
    func admit(_ operation: SSMOperation, accessKeyId: String) throws(ServiceError) {
        guard let limit = quotas.limit(for: operation) else { return }
        let key = accessKeyId + "\u{0}" + operation.name
        var bucket = buckets[key] ?? TokenBucket(limit)
        let admitted = bucket.take(at: now())
        buckets[key] = bucket
        guard admitted else {
            throw ServiceError(
                .throttlingException,
                "Rate exceeded: \(operation.name) is limited to \(Int(limit.callsPerSecond)) request(s) per second per access key (--quotas aws). Retry after a short wait.")
        }
    }
}
