#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child started in its own session, with its output pipes' read ends.
struct SpawnedProcess: Sendable {
    /// Also the process group ID: the child leads a new session.
    let pid: pid_t
    let standardOutput: Int32
    let standardError: Int32
}

struct ProcessLaunchError: Error, Sendable, Hashable, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// posix_spawn with the settings a step's process needs: a new session (so the whole tree can be signalled
/// through its process group and it cannot take over the console's terminal), stdin from /dev/null,
/// stdout and stderr into pipes, default signal handling, and no descriptors inherited from the engine.
enum ProcessSpawner {
    private typealias AddChdir = @convention(c) (
        UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?
    ) -> Int32
    private typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    // glibc declares these only for _GNU_SOURCE, which Swift's Glibc module does not set, so look them up.
    private static let addChdir: AddChdir? = lookUp("posix_spawn_file_actions_addchdir_np")
    private static let addClosefrom: AddClosefrom? = lookUp(
        "posix_spawn_file_actions_addclosefrom_np")

    #if canImport(Glibc)
    /// glibc's POSIX_SPAWN_SETSID, likewise hidden behind _GNU_SOURCE; its value is part of the ABI.
    private static let setsidFlag: Int32 = 0x80
    #else
    private static let setsidFlag: Int32 = Int32(POSIX_SPAWN_SETSID)
    #endif

    /// Signals the child gets back to their default action, whatever the engine set for itself
    /// (an ignored SIGPIPE, for one, would break `yes | head`).
    private static let resetSignals: [Int32] = [
        SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM, SIGTSTP, SIGTTIN, SIGTTOU,
        SIGXFSZ,
    ]

    private static func lookUp<T>(_ name: String) -> T? {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { return nil }
        return unsafeBitCast(symbol, to: T.self)
    }

    static func spawn(
        executable: String, arguments: [String], environment: [String: String], workingDirectory: String?
    ) throws(ProcessLaunchError) -> SpawnedProcess {
        var outputPipe: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        guard pipe(&outputPipe) == 0 else { throw launchError("could not create an output pipe", errno) }
        guard pipe(&errorPipe) == 0 else {
            let code = errno
            close(outputPipe[0])
            close(outputPipe[1])
            throw launchError("could not create an error pipe", code)
        }
        for fd in outputPipe + errorPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        func closeReadEnds() {
            close(outputPipe[0])
            close(errorPipe[0])
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        if let workingDirectory {
            guard let addChdir else {
                close(outputPipe[1])
                close(errorPipe[1])
                closeReadEnds()
                throw ProcessLaunchError(
                    message: "cannot start \(executable) in \(workingDirectory): this C library has no posix_spawn_file_actions_addchdir_np (glibc 2.29 or later has it)")
            }
            _ = addChdir(&actions, workingDirectory)
        }
        if let addClosefrom { _ = addClosefrom(&actions, 3) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in resetSignals { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(
            &attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF) | setsidFlag))

        let argv = cStrings([executable] + arguments)
        let envp = cStrings(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(outputPipe[1])
        close(errorPipe[1])
        guard status == 0 else {
            closeReadEnds()
            let place = workingDirectory.map { " in \($0)" } ?? ""
            throw launchError("could not start \(executable)\(place)", status)
        }
        return SpawnedProcess(pid: pid, standardOutput: outputPipe[0], standardError: errorPipe[0])
    }

    private static func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] {
        strings.map { strdup($0) } + [nil]
    }

    private static func launchError(_ what: String, _ code: Int32) -> ProcessLaunchError {
        ProcessLaunchError(message: "\(what): \(String(cString: strerror(code))) (errno \(code))")
    }
}
