import AutomationModel
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the console ended.
public enum ConsoleExit: Sendable, Hashable {
    /// The operator quit.
    case quit
    /// SIGINT, SIGTERM or SIGHUP asked the console to stop.
    case signal(Int32)

    /// 0 after quitting; 128 + the signal's number after a signal, as shells report it (130, 143, 129).
    public var exitCode: Int32 {
        switch self {
        case .quit: return 0
        case .signal(let number): return 128 + number
        }
    }
}

/// Where background work leaves events for the UI thread: a locked queue plus a self-pipe the loop polls
/// beside the terminal, so a result wakes the loop at once instead of at its next tick.
public final class ConsoleMailbox: Sendable {
    private let pending = LockedValue<(events: [ConsoleEvent], stop: ConsoleExit?)>(([], nil))
    private let readEnd: Int32
    private let writeEnd: Int32

    public init() throws {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else {
            throw ServiceError(.init(rawValue: "InternalError"), "could not create the console's wake-up pipe: \(String(cString: strerror(errno)))")
        }
        for descriptor in descriptors {
            // Non-blocking: a full pipe already means "wake up", and draining must never wait.
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        (readEnd, writeEnd) = (descriptors[0], descriptors[1])
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// The descriptor the loop polls; readable when something was posted.
    public var wakeDescriptor: Int32 { readEnd }

    /// Queues `event` for the loop and wakes it. Safe from any thread.
    public func post(_ event: ConsoleEvent) {
        pending.withLock { $0.events.append(event) }
        wake()
    }

    /// Asks the loop to end with `exit`; the first request wins.
    public func requestStop(_ exit: ConsoleExit) {
        pending.withLock { if $0.stop == nil { $0.stop = exit } }
        wake()
    }

    /// Whether a stop was already requested.
    public var stopRequested: ConsoleExit? { pending.withLock { $0.stop } }

    /// Takes everything posted so far, and empties the pipe.
    func take() -> (events: [ConsoleEvent], stop: ConsoleExit?) {
        var scratch = [UInt8](repeating: 0, count: 256)
        while read(readEnd, &scratch, scratch.count) > 0 {}
        return pending.withLock { pending in
            defer { pending.events.removeAll() }
            return (pending.events, pending.stop)
        }
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }
}
