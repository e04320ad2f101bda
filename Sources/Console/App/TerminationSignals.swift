import AutomationModel
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGINT, SIGTERM and SIGHUP into a stop request, so the loop ends cleanly, the terminal is restored
/// and the engine is shut down (its child processes with it). A second signal while stopping ends the process
/// at once with the signal's exit status, unless it is an echo of the first (`isEcho`).
public final class TerminationSignals {
    public static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// How soon the same signal again counts as the same request.
    public static let echoWindow: Duration = .milliseconds(500)
    private let sources: [any DispatchSourceSignal]

    /// The first termination signal received.
    public struct Received: Sendable {
        public var signal: Int32
        public var at: ContinuousClock.Instant

        public init(signal: Int32, at: ContinuousClock.Instant) {
            self.signal = signal
            self.at = at
        }
    }

    public init(mailbox: ConsoleMailbox) {
        let first = LockedValue<Received?>(nil)
        sources = Self.handled.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let now = ContinuousClock.now
                let echo = first.withLock { first -> Bool in
                    guard let earlier = first else {
                        first = Received(signal: number, at: now)
                        return false
                    }
                    return Self.isEcho(number, at: now, after: earlier)
                }
                if echo { return }
                if mailbox.stopRequested != nil { _exit(128 + number) }
                mailbox.requestStop(.signal(number))
            }
            source.resume()
            return source
        }
    }

    /// Whether `signal` is the first one arriving twice rather than a second request: the same signal within
    /// `echoWindow`. A signal sent to the whole process group (`kill -TERM -PGID`, a shell's `kill %1`)
    /// reaches the console directly and again through its supervisor, which passes on what is sent to it.
    public static func isEcho(_ signal: Int32, at now: ContinuousClock.Instant, after first: Received) -> Bool {
        signal == first.signal && now - first.at < echoWindow
    }

    /// Puts the default actions back.
    public func cancel() {
        for source in sources { source.cancel() }
        for number in Self.handled { signal(number, SIG_DFL) }
    }
}
