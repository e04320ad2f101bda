import AutomationCLI
import Foundation

/// The process entry point. The parity subcommands and `watch` exit with the AWS CLI v2's codes (see
/// CLIExitCode); everything else is the console's ArgumentParser command tree.
@main
enum Main {
    static func main() async {
        let words = Array(CommandLine.arguments.dropFirst())
        switch SubcommandRoute.find(words) {
        case .operation(let operation, let rest):
            InterruptHandler.install()
            exit(await OperationCommand(operation: operation).run(rest))
        case .watch(let rest):
            await WatchCommand.main(rest)
        case nil:
            await SSMConsoleCommand.main()
        }
    }
}
