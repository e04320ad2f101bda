/// Keeps each SSM operation within its quota on the client, so the console's refreshes never earn a
/// ThrottlingException. Callers wait for a token instead of failing; operations have separate buckets, so a
/// queue of starts never holds up a read. The clock and the sleep are injectable so tests run exactly and fast.
public actor OperationRateLimiter {
    public nonisolated let quotas: OperationQuotas
    private let now: @Sendable () -> Duration
    private let sleep: @Sendable (Duration) async throws -> Void
    private var buckets: [String: TokenBucket] = [:]

    /// - Parameters:
    ///   - now: time elapsed since any fixed origin; by default the continuous clock since this limiter was made.
    ///   - sleep: waits for a token; by default `Task.sleep`. Throwing (e.g. on cancellation) ends the call.
    public init(
        quotas: OperationQuotas = .aws, now: (@Sendable () -> Duration)? = nil,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.quotas = quotas
        if let now {
            self.now = now
        } else {
            let origin = ContinuousClock.now
            self.now = { origin.duration(to: .now) }
        }
        self.sleep = sleep
    }

    /// Waits until `operation` may make a call and returns how long that took (zero when a token was free).
    @discardableResult
    public nonisolated func acquire(_ operation: SSMOperation) async throws -> Duration {
        let wait = await reserve(operation)
        if wait > .zero {
            try await sleep(wait)
        }
        return wait
    }

    /// Reserves the next slot for `operation` and returns the wait until it, without waiting. The sleep happens
    /// outside the actor so other operations are not held up.
    private func reserve(_ operation: SSMOperation) -> Duration {
        guard let limit = quotas.limit(for: operation) else { return .zero }
        var bucket = buckets[operation.name] ?? TokenBucket(limit)
        let wait = bucket.reserve(at: now())
        buckets[operation.name] = bucket
        return wait
    }
}
