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
    private final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Result, Error>?
        private var status: Int32?
        private var standardOutput: Data?
        private var standardError: Data?

        init(_ continuation: CheckedContinuation<Result, Error>) {
            self.continuation = continuation
        }

        func exited(_ code: Int32) { update { $0.status = code } }
        func output(_ data: Data) { update { $0.standardOutput = data } }
        func errors(_ data: Data) { update { $0.standardError = data } }

        func failed(_ error: Error) {
            lock.lock()
            let pending = continuation
            continuation = nil
            lock.unlock()
            pending?.resume(throwing: error)
        }

        private func update(_ change: (Collector) -> Void) {
            lock.lock()
            change(self)
            guard let status, let standardOutput, let standardError, let pending = continuation else {
                lock.unlock()
                return
            }
            continuation = nil
            lock.unlock()
            pending.resume(returning: Result(status: status, standardOutput: standardOutput, standardError: standardError))
        }
    }
}
