import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells a process apart from a later one that reused its ID: the boot it ran in and its start time.
struct ProcessIdentity: Sendable, Hashable {
    var pid: pid_t
    /// /proc/<pid>/stat field 22 (clock ticks after boot); nil where /proc is not available.
    var startTicks: UInt64?

    static func of(_ pid: pid_t) -> ProcessIdentity {
        ProcessIdentity(pid: pid, startTicks: startTicks(of: pid))
    }

    /// Whether this very process is still running (and not a newer one with the same ID).
    var isAlive: Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let startTicks else { return true }
        return Self.startTicks(of: pid) == startTicks
    }

    /// The running kernel's boot ID, so records from before a reboot are recognised as stale.
    static var bootId: String? {
        (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func startTicks(of pid: pid_t) -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let commandEnd = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name start at field 3 (state); the start time is field 22.
        let fields = stat[stat.index(after: commandEnd)...].split(separator: " ")
        guard fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }
}
