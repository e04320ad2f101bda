/// How many calls per second a client lets each SSM operation make. The service's quotas are per account and
/// region, so everything that shares an account should share one `OperationRateLimiter`.
public struct OperationQuotas: Sendable, Hashable {
    /// A sustained rate and how many calls may go at once after a quiet spell.
    public struct Limit: Sendable, Hashable {
        public var callsPerSecond: Double
        /// 1 spaces calls evenly, so no one-second window ever holds more than `callsPerSecond` calls.
        public var burst: Int

        public init(callsPerSecond: Double, burst: Int = 1) {
            precondition(callsPerSecond > 0, "a rate limit needs a positive number of calls per second; use nil for unlimited")
            self.callsPerSecond = callsPerSecond
            self.burst = max(1, burst)
        }
    }

    /// Limits by operation name; operations not listed use `otherOperations`. A nil limit means unlimited.
    public var limits: [String: Limit?]
    public var otherOperations: Limit?

    public init(limits: [String: Limit?] = [:], otherOperations: Limit?) {
        self.limits = limits
        self.otherOperations = otherOperations
    }

    public func limit(for operation: SSMOperation) -> Limit? {
        limit(forName: operation.name)
    }

    public func limit(forName name: String) -> Limit? {
        if let listed = limits[name] { return listed }
        return otherOperations
    }

    /// The catalog's published rates, evenly spaced; operations with no published quota keep to the
    /// Automation reads' 3 calls per second, so nothing a console polls can run away.
    public static let aws = published(
        secondsOfBurst: false,
        otherOperations: OperationQuota.automationReadsAndSignals.publishedRate.map { Limit(callsPerSecond: $0) })

    /// The catalog's published rates. `secondsOfBurst` lets a second's worth of calls go at once after a quiet
    /// spell, as the service's own token buckets do; otherwise calls are evenly spaced.
    public static func published(secondsOfBurst: Bool, otherOperations: Limit?) -> OperationQuotas {
        OperationQuotas(
            limits: Dictionary(uniqueKeysWithValues: OperationCatalog.all.compactMap { entry in
                entry.operation.quota.publishedRate.map { rate in
                    (entry.operation.name, Limit(callsPerSecond: rate, burst: secondsOfBurst ? Int(rate.rounded(.up)) : 1))
                }
            }),
            otherOperations: otherOperations)
    }

    /// No client-side limit, for the CLI (which, like the AWS CLI, relies on retries) or a benchmark.
    public static let unlimited = OperationQuotas(otherOperations: nil)
}
