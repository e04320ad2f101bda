import Foundation
import Testing

@testable import TerminalBackend

#if canImport(Glibc)
import Glibc
#endif

/// The console's supervisor: when it runs, how it reads the way its child ended and what it then says, and the
/// real thing (posix_spawn, waitpid, the signals it passes on) with a shell as the child.
@Suite("Console supervisor", .serialized)
struct ConsoleSupervisorTests {
    @Test func supervisesOnlyAnInteractiveConsoleNotYetSupervised() {
        #if os(Linux)
        #expect(ConsoleSupervisor.shouldSupervise(isInteractive: true, isSupervisedChild: false, environment: [:]))
        #endif
        #expect(!ConsoleSupervisor.shouldSupervise(isInteractive: false, isSupervisedChild: false, environment: [:]))
        // The child is the console itself: it must not start a supervisor of its own.
        #expect(!ConsoleSupervisor.shouldSupervise(isInteractive: true, isSupervisedChild: true, environment: [:]))
    }

    @Test func theOptOutVariableTurnsItOff() {
        let off = [ConsoleSupervisor.optOutVariable: "1"]
        #expect(!ConsoleSupervisor.shouldSupervise(isInteractive: true, isSupervisedChild: false, environment: off))
        #if os(Linux)
        // Set but empty counts as unset, as shells treat `VAR=`.
        let empty = [ConsoleSupervisor.optOutVariable: ""]
        #expect(ConsoleSupervisor.shouldSupervise(isInteractive: true, isSupervisedChild: false, environment: empty))
        #endif
    }

    @Test func waitStatusesReadAsExitsAndSignals() {
        typealias Ending = ConsoleSupervisor.ChildEnding
        #expect(Ending(waitStatus: 0) == .exited(0))
        #expect(Ending(waitStatus: 3 << 8) == .exited(3))
        #expect(Ending(waitStatus: 130 << 8) == .exited(130))
        #expect(Ending(waitStatus: SIGKILL) == .killed(signal: SIGKILL))
        // 0x80 is the core-dumped flag, not part of the signal's number.
        #expect(Ending(waitStatus: SIGSEGV | 0x80) == .killed(signal: SIGSEGV))
        #expect(Ending(waitStatus: 130 << 8).shellStatus == 130)
        #expect(Ending(waitStatus: SIGKILL).shellStatus == 137)
        #expect(Ending(waitStatus: SIGSEGV | 0x80).shellStatus == 139)
    }

    @Test func aKilledConsoleIsNamedWithItsSignalAndTheTerminal() {
        let killed = ConsoleSupervisor.Ending(child: .killed(signal: SIGKILL), terminal: .restored)
        #expect(killed.message == "the console was killed by signal 9 (SIGKILL); the terminal has been restored")
        let crashed = ConsoleSupervisor.Ending(child: .killed(signal: SIGSEGV), terminal: .asFound)
        #expect(crashed.message == "the console was killed by signal 11 (SIGSEGV); the terminal has been restored")
        let background = ConsoleSupervisor.Ending(child: .killed(signal: SIGKILL), terminal: .notOurs)
        #expect(
            background.message
                == "the console was killed by signal 9 (SIGKILL); the terminal was left to the shell (the console was not in the foreground)")
        // An exit is the console's own to explain.
        #expect(ConsoleSupervisor.Ending(child: .exited(2), terminal: .restored).message == nil)
    }

    @Test func theChildsExitCodeAndSignalComeBack() throws {
        let exited = try ConsoleSupervisor.supervise(executable: "/bin/sh", arguments: ["sh", "-c", "exit 7"])
        #expect(exited.child == .exited(7))
        let killed = try ConsoleSupervisor.supervise(executable: "/bin/sh", arguments: ["sh", "-c", "kill -KILL $$"])
        #expect(killed.child == .killed(signal: SIGKILL))
    }

    @Test func theChildGetsTheMarkerWithTheSupervisorsProcessID() throws {
        let check = "test \"$\(ConsoleSupervisor.markerVariable)\" = \(getpid())"
        let ending = try ConsoleSupervisor.supervise(executable: "/bin/sh", arguments: ["sh", "-c", check])
        #expect(ending.child == .exited(0))
    }

    @Test func aProgramThatCannotStartIsAnError() {
        #expect(throws: SupervisorError.self) {
            try ConsoleSupervisor.supervise(executable: "/nonexistent/ssm-console", arguments: ["ssm-console"])
        }
    }

    /// SIGTERM sent to the supervisor by another process reaches the child, which here exits 42 on it.
    @Test func aTerminationSignalSentToTheSupervisorIsPassedOn() throws {
        let ready = FileManager.default.temporaryDirectory.appendingPathComponent("supervisor-ready-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: ready) }
        let script = "trap 'exit 42' TERM; : > '\(ready.path)'; while :; do sleep 0.05; done"
        let sender = Thread {
            let deadline = Date().addingTimeInterval(20)
            while !FileManager.default.fileExists(atPath: ready.path), Date() < deadline { usleep(20_000) }
            // As `kill PID` would, from another thread: process-directed, sent by a process (SI_USER).
            kill(getpid(), SIGTERM)
        }
        sender.start()
        let ending = try ConsoleSupervisor.supervise(executable: "/bin/sh", arguments: ["sh", "-c", script])
        #expect(ending.child == .exited(42))
    }
}
