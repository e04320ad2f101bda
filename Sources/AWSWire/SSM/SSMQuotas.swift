/// How many calls per second the client lets each SSM operation make. The service's quotas are per account
/// and region, so clients that share an account should share one `SSMRateLimiter`.
public struct SSMQuotas: Sendable, Hashable {
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

    /// Limits by operation; operations not listed use `otherOperations`. A nil limit means unlimited.
    public var limits: [SSMOperation: Limit?]
    public var otherOperations: Limit?

    public init(limits: [SSMOperation: Limit?] = [:], otherOperations: Limit?) {
        self.limits = limits
        self.otherOperations = otherOperations
    }

    public func limit(for operation: SSMOperation) -> Limit? {
        if let listed = limits[operation] { return listed }
        return otherOperations
    }

    /// The published SSM Automation quotas: 3 TPS for reads and signals, 1 TPS to start or stop, and 3 TPS
    /// for anything else.
    public static let aws = SSMQuotas(
        limits: [
            .describeAutomationExecutions: Limit(callsPerSecond: 3),
            .getAutomationExecution: Limit(callsPerSecond: 3),
            .describeAutomationStepExecutions: Limit(callsPerSecond: 3),
            .sendAutomationSignal: Limit(callsPerSecond: 3),
            .startAutomationExecution: Limit(callsPerSecond: 1),
            .stopAutomationExecution: Limit(callsPerSecond: 1),
        ],
        otherOperations: Limit(callsPerSecond: 3))

    /// No client-side limit, for a local endpoint or a benchmark.
    public static let unlimited = SSMQuotas(otherOperations: nil)
}
