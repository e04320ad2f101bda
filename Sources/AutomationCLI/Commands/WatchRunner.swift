import AWSWire
import AutomationModel
import Connection
import Foundation

/// Connects, watches one execution to its end and turns the outcome into an exit code.
public struct WatchRunner: Sendable {
    public let global: GlobalOptions
    public let executionId: String
    public let interval: Duration
    public var environment = ProcessInfo.processInfo.environment

    /// The shortest and longest --interval. Calls are paced to SSM's quotas (3 a second for
    /// GetAutomationExecution and for each page of DescribeAutomationStepExecutions) whatever the interval;
    /// the floor keeps a plain poll of one call well under that, so other users of the account keep room.
    public static let intervalRange: ClosedRange<Double> = 0.5...3600

    public init(global: GlobalOptions, executionId: String, interval: Duration) {
        self.global = global
        self.executionId = executionId
        self.interval = interval
    }

    /// --interval in seconds as a duration, or bad input naming the range.
    public static func interval(seconds: Double) throws(CLIFailure) -> Duration {
        guard seconds.isFinite, intervalRange.contains(seconds) else {
            throw CLIFailure.input(
                "--interval must be a number of seconds from \(intervalRange.lowerBound) to \(Int(intervalRange.upperBound)); got \(seconds). Write it as, for example, --interval 2.")
        }
        return .milliseconds(Int((seconds * 1000).rounded()))
    }

    public func run(
        standardOutput: @escaping @Sendable (String) -> Void = StandardStreams.writeOutput,
        standardError: @escaping @Sendable (String) -> Void = StandardStreams.writeError
    ) async -> Int32 {
        do {
            try ClientLimits.checkExecutionId(executionId, field: "EXECUTION_ID")
        } catch {
            standardError("\(error.message)\n")
            return CLIExitCode.inputError
        }
        var options = global.connectionOptions(wireLog: { standardError($0 + "\n") })
        // Unlike a single call, watch polls for as long as the execution runs, so it keeps to SSM's rates.
        options.quotas = .aws
        do {
            let status = try await ServiceConnection.during(options, environment: environment) { connection in
                try await ExecutionWatcher(service: connection.service, executionId: executionId, interval: interval)
                    .watch { standardOutput($0 + "\n") }
            }
            return ExecutionWatcher.exitCode(for: status)
        } catch {
            let failure = CLIFailure.from(error, operation: OperationCatalog.getAutomationExecution.name)
            if failure != .interrupted { standardError(failure.description + "\n") }
            return failure.exitCode
        }
    }
}
