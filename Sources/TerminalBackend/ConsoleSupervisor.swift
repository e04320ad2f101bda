import CNcurses
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The backstop that puts the terminal back however the console dies. The console's own crash handler restores
/// it only from a thread with an alternate signal stack, and nothing in the process can after SIGKILL (the OOM
/// killer) or a stack overflow on an engine thread. So the process the shell started stays a small supervisor:
/// it saves the terminal's modes, runs the real console as its child (posix_spawn of its own executable, with a
/// marker in the environment the child takes out at once), waits for it, restores the terminal if the console
/// left it in curses mode, and then ends as the console ended (see `Ending`).
public enum ConsoleSupervisor {
    /// Set by the supervisor for its child (to the supervisor's process ID); the child removes it on start.
    public static let markerVariable = "SSM_CONSOLE_SUPERVISOR_PID"
    /// Any non-empty value runs the console without a supervisor (for a debugger, or to see a crash as it is).
    public static let optOutVariable = "SSM_CONSOLE_NO_SUPERVISOR"

    /// Whether this process is a console a supervisor started. Read once, first thing in `main`: reading it
    /// takes the marker out of the environment, so no process the console or its engine starts inherits it.
    public static let isSupervisedChild: Bool = cn_take_supervisor_marker(markerVariable) != 0

    /// Whether the console should run under a supervisor: only for the console on a terminal (never a CLI
    /// subcommand or `serve`, which call nothing of this), only once, not when opted out, and where this
    /// process can find its own executable (/proc/self/exe).
    public static func shouldSupervise(isInteractive: Bool, isSupervisedChild: Bool, environment: [String: String])
        -> Bool
    {
        #if os(Linux)
        let supported = true
        #else
        let supported = false
        #endif
        return supported && isInteractive && !isSupervisedChild && (environment[optOutVariable] ?? "").isEmpty
    }

    /// Runs the console (this executable, with these arguments) as a supervised child and ends as it ended.
    public static func runConsoleAsChild() -> Never {
        let ending: Ending
        do {
            ending = try supervise(executable: "/proc/self/exe", arguments: CommandLine.arguments)
        } catch {
            FileHandle.standardError.write(Data("ssm-console: \(error)\n".utf8))
            exit(1)
        }
        if let message = ending.message { FileHandle.standardError.write(Data("ssm-console: \(message)\n".utf8)) }
        switch ending.child {
        case .exited(let code):
            exit(code)
        case .killed(let signal):
            cn_end_as_killed_by(signal)
        }
    }

    /// Runs `executable` with `arguments` (the first is its name) as a supervised child and waits for it.
    public static func supervise(executable: String, arguments: [String]) throws(SupervisorError) -> Ending {
        let marker = "\(markerVariable)=\(getpid())"
        var terminal: Int32 = 0
        let status: Int32 = withCStrings(arguments) { argv in
            cn_supervise(executable, argv, marker, &terminal)
        }
        if status == -1 {
            throw SupervisorError(
                "could not start the console (\(executable)): \(String(cString: strerror(errno))). Set \(optOutVariable)=1 to run it without a supervisor.")
        }
        return Ending(child: ChildEnding(waitStatus: status), terminal: TerminalAfterChild(rawValue: terminal) ?? .notOurs)
    }

    private static func withCStrings<Result>(
        _ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result
    ) -> Result {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// How the child ended, from waitpid's status.
    public enum ChildEnding: Equatable, Sendable {
        case exited(Int32)
        case killed(signal: Int32)

        public init(waitStatus status: Int32) {
            // WIFSIGNALED: the low seven bits hold the signal (0 for an exit, 0x7F for a stop).
            let signal = status & 0x7F
            if signal != 0 && signal != 0x7F {
                self = .killed(signal: signal)
            } else {
                self = .exited((status >> 8) & 0xFF)
            }
        }

        /// The status a shell reports for it (`$?`): the exit code, or 128 plus the signal's number.
        public var shellStatus: Int32 {
            switch self {
            case .exited(let code): code
            case .killed(let signal): 128 + signal
            }
        }
    }

    /// What the supervisor did with the terminal once the child had ended (`cn_terminal_after_child`).
    public enum TerminalAfterChild: Int32, Sendable {
        /// The console had restored it itself.
        case asFound = 0
        /// The console left it in curses mode, and the supervisor put it back.
        case restored = 1
        /// It was not this process group's (the job was in the background), so it was left to the shell.
        case notOurs = 2
    }

    /// How the supervised console ended. The supervisor then ends the same way: with the same exit code, or,
    /// when the console was killed by a signal, after one line saying so, by the same signal (with its default
    /// action and no core dump of the supervisor): the shell, `wait` and scripts see exactly what they would
    /// have seen without a supervisor, such as `$?` of 137 and bash's "Killed".
    public struct Ending: Equatable, Sendable {
        public var child: ChildEnding
        public var terminal: TerminalAfterChild

        public init(child: ChildEnding, terminal: TerminalAfterChild) {
            self.child = child
            self.terminal = terminal
        }

        /// The line the supervisor prints (after "ssm-console: "): none for an exit, which the console
        /// explains itself.
        public var message: String? {
            guard case .killed(let signal) = child else { return nil }
            let what = "the console was killed by signal \(signal)\(SignalName.of(signal).map { " (\($0))" } ?? "")"
            switch terminal {
            case .asFound, .restored:
                return "\(what); the terminal has been restored"
            case .notOurs:
                return "\(what); the terminal was left to the shell (the console was not in the foreground)"
            }
        }
    }
}

/// The supervisor could not start the console.
public struct SupervisorError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// The usual names of the signals that end a process.
enum SignalName {
    static func of(_ number: Int32) -> String? {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
            SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGUSR1: "SIGUSR1",
            SIGSEGV: "SIGSEGV", SIGUSR2: "SIGUSR2", SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM",
            SIGXCPU: "SIGXCPU", SIGXFSZ: "SIGXFSZ", SIGVTALRM: "SIGVTALRM", SIGPROF: "SIGPROF", SIGSYS: "SIGSYS",
        ]
        return names[number]
    }
}
