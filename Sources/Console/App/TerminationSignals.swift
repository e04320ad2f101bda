import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGINT, SIGTERM and SIGHUP into a stop request, so the loop ends cleanly, the terminal is restored
/// and the engine is shut down (its child processes with it). A second signal while stopping ends the process
/// at once with the signal's exit status.
public final class TerminationSignals {
    public static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private let sources: [any DispatchSourceSignal]

    public init(mailbox: ConsoleMailbox) {
        sources = Self.handled.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if mailbox.stopRequested != nil { _exit(128 + number) }
                mailbox.requestStop(.signal(number))
            }
            source.resume()
            return source
        }
    }

    /// Puts the default actions back.
    public func cancel() {
        for source in sources { source.cancel() }
        for number in Self.handled { signal(number, SIG_DFL) }
    }
}
