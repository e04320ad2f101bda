import ArgumentParser
import AutomationCLI

/// `ssm-console watch EXECUTION_ID`: one line per status change until the execution ends.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print each step's status change until an execution ends; exit 0 on Success.",
        discussion: """
            Exit codes: 0 when the execution ends in Success, 1 when it ends in any other status (Failed,
            Cancelled, TimedOut, ...), 130 on Ctrl-C, and the AWS CLI's codes for errors (252 bad input,
            253 configuration, 254 service error, 255 other).
            """)

    @Argument(help: "The automation execution ID.") var executionId: String
    @Option(help: "Seconds between polls (GetAutomationExecution stays within its 3 calls a second).") var interval: Double = 2
    @OptionGroup var global: GlobalOptionGroup

    func validate() throws {
        guard interval >= 0.2 else { throw ValidationError("--interval must be at least 0.2 seconds; got \(interval).") }
    }

    func run() async throws {
        InterruptHandler.install()
        let code = await WatchRunner(global: global.options, executionId: executionId, interval: .milliseconds(Int(interval * 1000))).run()
        if code != CLIExitCode.success { throw ExitCode(code) }
    }
}
