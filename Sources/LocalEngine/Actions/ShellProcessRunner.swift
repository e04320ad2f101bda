import AutomationModel
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What to run for a step, and how.
struct ProcessRequest: Sendable {
    var executable: String
    var arguments: [String]
    var environment: [String: String]
    var workingDirectory: String?
    /// Seconds before the group is stopped and the result marked timed out; nil waits indefinitely.
    var timeout: Double?
    /// Written into the process registry so a restarted engine knows which step a leftover group served.
    var stepExecutionId: String
    var standardOutputLimit = 24_000
    var standardErrorLimit = 24_000
    /// Where the output is copied as it arrives, for reads while the process runs.
    var outputFiles: ProcessOutputFiles?

    /// `/bin/sh -c SCRIPT`, the way SSM Agent runs AWS-RunShellScript.
    static func shell(
        _ script: String, stepExecutionId: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String? = nil, timeout: Double? = nil
    ) -> ProcessRequest {
        ProcessRequest(
            executable: "/bin/sh", arguments: ["-c", script], environment: environment,
            workingDirectory: workingDirectory, timeout: timeout, stepExecutionId: stepExecutionId)
    }
}

/// How a step process ended.
struct ProcessResult: Sendable, Hashable {
    enum Ending: Sendable, Hashable {
        case exited(Int32)
        case signalled(Int32)
        /// The caller's task was cancelled before the process was started.
        case notStarted
    }

    enum StopReason: Sendable, Hashable {
        case timedOut
        case cancelled
    }

    var ending: Ending
    /// Set when the runner stopped the group rather than the process ending by itself.
    var stopReason: StopReason?
    var standardOutput: CapturedOutput
    var standardError: CapturedOutput

    var exitCode: Int32? {
        if case .exited(let code) = ending { return code }
        return nil
    }

    var succeeded: Bool { stopReason == nil && exitCode == 0 }
}

/// Runs a step's process in its own process group and waits for it without holding a Swift
/// concurrency thread: blocking calls happen on dedicated threads and resume the caller through a
/// continuation. A timeout or the caller's task being cancelled stops the whole group: SIGTERM first,
/// SIGKILL after `terminationGrace` seconds.
public struct ShellProcessRunner: Sendable {
    let dataDirectory: URL
    let terminationGrace: Double
    /// How long output may keep arriving after the leader exited, from processes it left behind in its
    /// group; after that the group is killed so the step does not hang on an inherited pipe.
    let outputDrainGrace: Double

    init(dataDirectory: URL, terminationGrace: Double = 2, outputDrainGrace: Double = 1) {
        self.dataDirectory = dataDirectory
        self.terminationGrace = terminationGrace
        self.outputDrainGrace = outputDrainGrace
    }

    func run(_ request: ProcessRequest) async throws(ProcessLaunchError) -> ProcessResult {
        if Task.isCancelled {
            return ProcessResult(
                ending: .notStarted, stopReason: .cancelled, standardOutput: .empty, standardError: .empty)
        }
        try ProcessGroupRegistry.prepare(in: dataDirectory)
        _ = StepProcessTree.becomeSubreaper
        let marker = StepProcessTree.marker(stepExecutionId: request.stepExecutionId)
        var environment = request.environment
        environment[StepProcessTree.markerVariable] = marker
        let spawned = try ProcessSpawner.spawn(
            executable: request.executable, arguments: request.arguments, environment: environment,
            workingDirectory: request.workingDirectory)
        do {
            try ProcessGroupRegistry.register(
                ProcessGroupRecord(stepExecutionId: request.stepExecutionId, processGroupId: spawned.pid),
                in: dataDirectory)
        } catch {
            kill(-spawned.pid, SIGKILL)
            var status: Int32 = 0
            waitpid(spawned.pid, &status, 0)
            close(spawned.standardOutput)
            close(spawned.standardError)
            throw error
        }
        let supervisor = ProcessSupervisor(
            spawned: spawned, marker: StepProcessTree.runMarker(marker),
            limits: (request.standardOutputLimit, request.standardErrorLimit), outputFiles: request.outputFiles,
            terminationGrace: terminationGrace, outputDrainGrace: outputDrainGrace, dataDirectory: dataDirectory)
        supervisor.start(timeout: request.timeout)
        return await withTaskCancellationHandler {
            await supervisor.result()
        } onCancel: {
            supervisor.stop(.cancelled)
        }
    }
}

/// Owns one running group: reaps the leader on a dedicated thread, stops the group on request, and
/// hands the result to the waiting task. Stopping reaches every process of the step (`StepProcessTree`), and
/// whatever the step leaves behind when its leader ends is killed then.
private final class ProcessSupervisor: Sendable {
    private struct State: Sendable {
        var stopReason: ProcessResult.StopReason?
        var finished = false
        var timeout: Task<Void, Never>?
        var outcome: ProcessResult?
        var waiter: CheckedContinuation<ProcessResult, Never>?
    }

    private let spawned: SpawnedProcess
    private let marker: StepProcessTree.Match
    private let reader: ProcessOutputReader
    private let terminationGrace: Double
    private let outputDrainGrace: Double
    private let dataDirectory: URL
    private let state = LockedValue(State())

    init(
        spawned: SpawnedProcess, marker: StepProcessTree.Match, limits: (Int, Int), outputFiles: ProcessOutputFiles?,
        terminationGrace: Double,
        outputDrainGrace: Double, dataDirectory: URL
    ) {
        self.spawned = spawned
        self.marker = marker
        self.terminationGrace = terminationGrace
        self.outputDrainGrace = outputDrainGrace
        self.dataDirectory = dataDirectory
        reader = ProcessOutputReader(
            standardOutput: spawned.standardOutput, standardError: spawned.standardError, limits: limits,
            files: outputFiles)
    }

    func start(timeout: Double?) {
        if let timeout {
            let timer = Task { [self] in
                guard (try? await Task.sleep(for: .seconds(max(0, timeout)))) != nil else { return }
                stop(.timedOut)
            }
            state.withLock { $0.timeout = timer }
        }
        let thread = Thread { [self] in superviseUntilExit() }
        thread.name = "step process \(spawned.pid)"
        thread.start()
    }

    /// Stops the whole group once; later calls, and calls after the process ended, do nothing.
    func stop(_ reason: ProcessResult.StopReason) {
        let shouldSignal = state.withLock { state -> Bool in
            guard !state.finished, state.stopReason == nil else { return false }
            state.stopReason = reason
            return true
        }
        guard shouldSignal else { return }
        signalGroup(SIGTERM)
        DispatchQueue.global().asyncAfter(deadline: .now() + terminationGrace) { [self] in signalGroup(SIGKILL) }
    }

    func result() async -> ProcessResult {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> ProcessResult? in
                if let outcome = state.outcome { return outcome }
                state.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Signals the group, and every other process of the step, unless the leader is already reaped, so a
    /// reused group ID is never hit.
    private func signalGroup(_ signal: Int32) {
        state.withLock { state in
            guard !state.finished else { return }
            _ = kill(-spawned.pid, signal)
            StepProcessTree.signal(signal, marker, leader: spawned.pid)
        }
    }

    private func superviseUntilExit() {
        var status: Int32 = 0
        while waitpid(spawned.pid, &status, 0) == -1 && errno == EINTR {}
        let ending = Self.ending(status)
        if state.withLock({ $0.stopReason != nil }) {
            // Being stopped: what the leader left in its group goes too, after a moment to flush output.
            _ = reader.waitUntilDone(timeout: 0.2)
            signalGroup(SIGKILL)
        } else if !reader.waitUntilDone(timeout: outputDrainGrace) {
            signalGroup(SIGKILL)
        }
        // Whatever the step started and left running, in its group or not (setsid), ends with it.
        StepProcessTree.signal(SIGKILL, marker, leader: nil)
        if !reader.waitUntilDone(timeout: 1) {
            // A process outside the group still holds a pipe; stop reading rather than wait for it.
            reader.stop()
            _ = reader.waitUntilDone(timeout: 5)
        }
        let output = reader.output
        let (continuation, outcome) = state.withLock { state in
            state.finished = true
            state.timeout?.cancel()
            let outcome = ProcessResult(
                ending: ending, stopReason: state.stopReason, standardOutput: output.standardOutput,
                standardError: output.standardError)
            state.outcome = outcome
            defer { state.waiter = nil }
            return (state.waiter, outcome)
        }
        ProcessGroupRegistry.unregister(processGroupId: spawned.pid, in: dataDirectory)
        continuation?.resume(returning: outcome)
    }

    private static func ending(_ status: Int32) -> ProcessResult.Ending {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }
}
