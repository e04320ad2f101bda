import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every process a step started, wherever it went: its process group, everything descended from its leader
/// while the leader lives, and everything carrying the step's marker in its environment. The marker is what
/// finds a process that left the group with `setsid` and lost its parent; the engine being the subreaper keeps
/// such orphans its own children rather than init's, so they are reaped here once killed.
enum StepProcessTree {
    /// Set in each step process's environment, `<step execution ID>:<run>`; its descendants inherit it.
    static let markerVariable = "SSM_CONSOLE_STEP_EXECUTION_ID"

    /// What one run of a step's process is marked with: unique, and starting with what `leftoverMarker`
    /// matches.
    static func marker(stepExecutionId: String) -> String {
        "\(stepExecutionId):\(UUID().uuidString)"
    }

    /// Matches every run of a step, for the processes an engine that died left behind.
    static func leftoverMarker(stepExecutionId: String) -> Match {
        Match(bytes: Array("\(markerVariable)=\(stepExecutionId):".utf8), isPrefix: true)
    }

    static func runMarker(_ marker: String) -> Match {
        Match(bytes: Array("\(markerVariable)=\(marker)".utf8), isPrefix: false)
    }

    struct Match: Sendable {
        let bytes: [UInt8]
        let isPrefix: Bool

        func matches(_ entry: ArraySlice<UInt8>) -> Bool {
            isPrefix ? entry.starts(with: bytes) : entry.elementsEqual(bytes)
        }
    }

    private typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32

    /// Makes this process the subreaper of its descendants (Linux's PR_SET_CHILD_SUBREAPER), once.
    static let becomeSubreaper: Void = {
        #if os(Linux)
        // prctl is variadic, which Swift does not import; the kernel reads five integer arguments.
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "prctl") else { return }
        let prctl = unsafeBitCast(symbol, to: Prctl.self)
        let setChildSubreaper: Int32 = 36
        _ = prctl(setChildSubreaper, 1, 0, 0, 0)
        #endif
    }()

    /// The live processes of the step: marked as `marker` matches, or descended from `leader` (pass nil
    /// once the leader has been reaped, when its ID may belong to someone else). While the engine lives, every
    /// process a step started descends from it (it is their subreaper), so only its descendants' environments
    /// are read; `anywhere` reads every process's, for what an engine that died left behind.
    static func members(_ marker: Match, leader: pid_t?, anywhere: Bool = false) -> [pid_t] {
        var parents: [pid_t: pid_t] = [:]
        var members: Set<pid_t> = []
        let own = getpid()
        for pid in livePIDs() where pid != own {
            guard let (parent, state) = stat(of: pid), state != "Z", state != "X" else { continue }
            parents[pid] = parent
        }
        for pid in parents.keys where (anywhere || descends(pid, from: own, parents: parents)) && hasMarker(pid, marker) {
            members.insert(pid)
        }
        if let leader {
            for pid in parents.keys where descends(pid, from: leader, parents: parents) {
                members.insert(pid)
            }
        }
        return members.sorted()
    }

    /// Signals every process of the step; with SIGKILL, repeats until none is left alive (a process may fork
    /// while the list is read) and reaps those that were re-parented to the engine.
    static func signal(_ signal: Int32, _ marker: Match, leader: pid_t?, anywhere: Bool = false) {
        var killed: Set<pid_t> = []
        for _ in 0..<20 {
            let found = members(marker, leader: leader, anywhere: anywhere)
            if found.isEmpty { break }
            for pid in found where pid != leader {
                _ = kill(pid, signal)
                killed.insert(pid)
            }
            if signal != SIGKILL || found.allSatisfy({ $0 == leader }) { break }
            usleep(10_000)
        }
        // Only killed processes are sure to end soon; one that ignores SIGTERM is reaped after its SIGKILL.
        if signal == SIGKILL { reapAdopted(killed.subtracting(leader.map { [$0] } ?? [])) }
    }

    /// Waits for the killed processes that are now the engine's children, so none stays a zombie. Only those:
    /// waiting on any child would take exit statuses other code waits for.
    private static func reapAdopted(_ pids: Set<pid_t>) {
        let own = getpid()
        for pid in pids {
            guard let (parent, _) = stat(of: pid), parent == own else { continue }
            var status: Int32 = 0
            for _ in 0..<100 {
                let reaped = waitpid(pid, &status, WNOHANG)
                if reaped == pid || (reaped == -1 && errno != EINTR) { break }
                usleep(10_000)
            }
        }
    }

    private static func descends(_ pid: pid_t, from ancestor: pid_t, parents: [pid_t: pid_t]) -> Bool {
        var current = pid
        for _ in 0..<4096 {
            guard let parent = parents[current] else { return false }
            if parent == ancestor { return true }
            if parent <= 1 { return false }
            current = parent
        }
        return false
    }

    private static func livePIDs() -> [pid_t] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return names.compactMap { pid_t($0) }
    }

    /// The parent and state from /proc/PID/stat (the command name may hold spaces and parentheses).
    private static func stat(of pid: pid_t) -> (pid_t, Character)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count >= 2, let state = fields[0].first, let parent = pid_t(fields[1]) else { return nil }
        return (parent, state)
    }

    private static func hasMarker(_ pid: pid_t, _ marker: Match) -> Bool {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
        return Array(data).split(separator: 0, omittingEmptySubsequences: true).contains { marker.matches($0) }
    }
}
