/// A token bucket kept in its virtual-scheduling form (GCRA): instead of a token count it keeps the time at
/// which the bucket would next be full-to-one, so every answer is exact `Duration` arithmetic with no drift.
/// Each call reserves a slot at once and is told how long to wait for it, so concurrent callers queue in order.
public struct TokenBucket: Sendable {
    let interval: Duration
    /// How far ahead of `interval` spacing a burst may run.
    let tolerance: Duration
    private var nextSlot: Duration?

    public init(_ limit: OperationQuotas.Limit) {
        // Rounded up to whole nanoseconds so that N intervals never add up to less than a second.
        interval = .nanoseconds(Int64((1e9 / limit.callsPerSecond).rounded(.up)))
        tolerance = interval * (limit.burst - 1)
    }

    /// Takes a token at `now` (time since any fixed origin) and returns how long the caller must wait for it.
    public mutating func reserve(at now: Duration) -> Duration {
        let slot = max(nextSlot ?? now, now)
        let wait = max(.zero, slot - tolerance - now)
        nextSlot = slot + interval
        return wait
    }

    /// Takes a token at `now` only if one is free without waiting; false leaves the bucket as it was.
    public mutating func take(at now: Duration) -> Bool {
        let slot = max(nextSlot ?? now, now)
        guard slot - tolerance <= now else { return false }
        nextSlot = slot + interval
        return true
    }
}
