import Foundation

/// Virtual time for rate-limiter tests: `sleep` records the wait and moves the clock to the sleeper's wake-up
/// time at once, so a test of seconds of spacing runs in microseconds and its figures are exact.
final class RateLimiterTestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Duration.zero
    private var recorded: [Duration] = []

    var now: @Sendable () -> Duration {
        { [self] in locked { current } }
    }

    var sleep: @Sendable (Duration) async throws -> Void {
        { [self] wait in
            locked {
                recorded.append(wait)
                current = max(current, current + wait)
            }
        }
    }

    var sleeps: [Duration] { locked { recorded } }

    func advance(by duration: Duration) {
        locked { current += duration }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
