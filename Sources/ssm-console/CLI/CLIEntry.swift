import ArgumentParser
import AutomationCLI
import Connection
import Foundation

/// The one way into a parity subcommand or `watch`, from Main or from ArgumentParser's tree: installs the
/// Ctrl-C handler and returns the AWS CLI v2 exit code.
enum CLIEntry {
    static func run(_ route: SubcommandRoute) async -> Int32 {
        switch route {
        case .operation(let operation, let words):
            InterruptHandler.install()
            return await OperationCommand(operation: operation).run(words)
        case .watch(let words):
            let command: WatchCommand
            do {
                command = try WatchCommand.parse(words)
            } catch {
                // Help goes to stdout with 0; a usage error is bad input (252), as the help promises.
                if WatchCommand.exitCode(for: error) == .success {
                    StandardStreams.writeOutput(WatchCommand.fullMessage(for: error) + "\n")
                    return CLIExitCode.success
                }
                StandardStreams.writeError(WatchCommand.fullMessage(for: error) + "\n")
                return CLIExitCode.inputError
            }
            return await run(command)
        case .approvals(let words):
            let command: ApprovalsCommand
            do {
                command = try ApprovalsCommand.parse(words)
            } catch {
                if ApprovalsCommand.exitCode(for: error) == .success {
                    StandardStreams.writeOutput(ApprovalsCommand.fullMessage(for: error) + "\n")
                    return CLIExitCode.success
                }
                StandardStreams.writeError(ApprovalsCommand.fullMessage(for: error) + "\n")
                return CLIExitCode.inputError
            }
            return await run(command)
        }
    }

    static func run(_ command: ApprovalsCommand) async -> Int32 {
        InterruptHandler.install()
        do {
            return await ApprovalsRunner(global: try command.options(), everyone: command.all).run()
        } catch {
            StandardStreams.writeError(error.description + "\n")
            return error.exitCode
        }
    }

    static func run(_ command: WatchCommand) async -> Int32 {
        InterruptHandler.install()
        do {
            return await WatchRunner(
                global: try command.global.options(), executionId: command.executionId,
                interval: try WatchRunner.interval(seconds: command.interval)
            ).run()
        } catch {
            StandardStreams.writeError(error.description + "\n")
            return error.exitCode
        }
    }
}
