import AutomationModel
import Foundation

/// Runs an external command to completion and collects its output without blocking Swift concurrency's
/// threads: the pipes are drained on two dedicated threads and exit is reported by the termination handler.
enum ProcessRunner {
    struct Result: Sendable {
        var status: Int32
        var standardOutput: Data
        var standardError: Data
    }

    static func run(_ arguments: [String], environment: [String: String]) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        return try await withCheckedThrowingContinuation { continuation in
            let collector = Collector(continuation)
            process.terminationHandler = { collector.exited($0.terminationStatus) }
            do {
                try process.run()
            } catch {
                collector.failed(error)
                return
            }
            Thread.detachNewThread { collector.output(output.fileHandleForReading.readDataToEndOfFile()) }
            Thread.detachNewThread { collector.errors(errors.fileHandleForReading.readDataToEndOfFile()) }
        }
    }

    /// Resumes the continuation once the exit status and both outputs have arrived.
    private final class Collector: Sendable {
        private struct State: Sendable {
            var continuation: CheckedContinuation<Result, Error>?
            var status: Int32?
            var standardOutput: Data?
            var standardError: Data?
        }

        private let state: LockedValue<State>

        init(_ continuation: CheckedContinuation<Result, Error>) {
            state = LockedValue(State(continuation: continuation))
        }

        func exited(_ code: Int32) { update { $0.status = code } }
        func output(_ data: Data) { update { $0.standardOutput = data } }
        func errors(_ data: Data) { update { $0.standardError = data } }

        func failed(_ error: Error) {
            let pending = state.withLock { state in
                defer { state.continuation = nil }
                return state.continuation
            }
            pending?.resume(throwing: error)
        }

        /// Resumes outside the lock, once everything has arrived.
        private func update(_ change: (inout State) -> Void) {
            let finished = state.withLock { state -> (CheckedContinuation<Result, Error>, Result)? in
                change(&state)
                guard let status = state.status, let standardOutput = state.standardOutput,
                    let standardError = state.standardError, let pending = state.continuation
                else { return nil }
                state.continuation = nil
                return (pending, Result(status: status, standardOutput: standardOutput, standardError: standardError))
            }
            if let (pending, result) = finished { pending.resume(returning: result) }
        }
    }
}
