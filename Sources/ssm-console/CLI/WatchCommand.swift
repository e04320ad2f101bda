import ArgumentParser
import AutomationCLI
import Connection

/// `ssm-console watch EXECUTION_ID`: one line per status change until the execution ends.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print each step's status change until an execution ends; exit 0 on Success.",
        usage: "ssm-console watch <execution-id> [--interval <seconds>] [--local] [--data-dir <path>] [AWS options]",
        discussion: """
            Exit codes: 0 when the execution ends in Success, 1 when it ends in any other status (Failed, \
            Cancelled, TimedOut, ...), 130 on Ctrl-C, and the AWS CLI's codes for errors (252 bad input, \
            253 configuration, 254 service error, 255 other).
            """)

    @Argument(help: "The automation execution ID.") var executionId: String
    @Option(
        help: """
            Seconds between polls, \(WatchRunner.intervalRange.lowerBound) to \(Int(WatchRunner.intervalRange.upperBound)). \
            Calls keep within SSM's quotas (3 a second per operation) whatever the interval.
            """)
    var interval: Double = 2
    @OptionGroup var global: GlobalOptionGroup

    func validate() throws {
        do {
            _ = try WatchRunner.interval(seconds: interval)
            _ = try global.options()
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Main routes `watch` to CLIEntry before ArgumentParser sees it; this is the same entry when it does not.
    func run() async throws {
        let code = await CLIEntry.run(self)
        if code != CLIExitCode.success { throw ExitCode(code) }
    }
}
