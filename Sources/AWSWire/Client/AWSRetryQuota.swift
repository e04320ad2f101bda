/// The standard retry mode's token bucket, shared by every call a client makes: each retry takes tokens,
/// successes give them back, and when the bucket is empty failures are returned at once instead of retried,
/// so an endpoint that keeps failing is not hammered.
public actor AWSRetryQuota {
    public static let defaultCapacity = 500
    /// Tokens a retry after a throttling or transient error takes.
    public static let retryCost = 5
    /// Tokens a retry after a connect or read timeout takes.
    public static let timeoutRetryCost = 10
    /// Tokens a success on the first attempt gives back.
    public static let noRetryIncrement = 1

    public let maximumCapacity: Int
    public private(set) var availableCapacity: Int

    public init(capacity: Int = AWSRetryQuota.defaultCapacity) {
        self.maximumCapacity = capacity
        self.availableCapacity = capacity
    }

    /// Takes the cost of one retry, or returns nil when the bucket cannot pay it.
    public func acquire(afterTimeout: Bool) -> Int? {
        let cost = afterTimeout ? Self.timeoutRetryCost : Self.retryCost
        guard cost <= availableCapacity else { return nil }
        availableCapacity -= cost
        return cost
    }

    /// Gives tokens back after a success, never above the maximum.
    public func release(_ amount: Int) {
        availableCapacity = min(maximumCapacity, availableCapacity + amount)
    }
}
