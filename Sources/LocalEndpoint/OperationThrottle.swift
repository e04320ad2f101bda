import AutomationModel
import Foundation

/// `--quotas aws`: a token bucket per access key and operation, at the rates AWS applies to Automation calls
/// (bursts equal to the rate). Operations without a rate here are not limited.
actor OperationThrottle {
    static let awsRates: [String: Double] = [
        "DescribeAutomationExecutions": 3, "GetAutomationExecution": 3, "DescribeAutomationStepExecutions": 3,
        "SendAutomationSignal": 3, "StartAutomationExecution": 1, "StopAutomationExecution": 1,
    ]

    private struct Bucket {
        var tokens: Double
        var refilledAt: Date
    }

    private let rates: [String: Double]
    private let now: @Sendable () -> Date
    private var buckets: [String: Bucket] = [:]

    init(rates: [String: Double], now: @escaping @Sendable () -> Date = { Date() }) {
        self.rates = rates
        self.now = now
    }

    /// Takes a token for `operation` on behalf of `accessKeyId`, or throws ThrottlingException when none is left.
    func admit(operation: String, accessKeyId: String) throws(ServiceError) {
        guard let rate = rates[operation] else { return }
        let key = accessKeyId + "\u{0}" + operation
        let time = now()
        var bucket = buckets[key] ?? Bucket(tokens: rate, refilledAt: time)
        bucket.tokens = min(rate, bucket.tokens + max(0, time.timeIntervalSince(bucket.refilledAt)) * rate)
        bucket.refilledAt = time
        guard bucket.tokens >= 1 else {
            buckets[key] = bucket
            throw ServiceError(
                .throttlingException,
                "Rate exceeded: \(operation) is limited to \(Int(rate)) request(s) per second per access key (--quotas aws). Retry after a short wait.")
        }
        bucket.tokens -= 1
        buckets[key] = bucket
    }
}
