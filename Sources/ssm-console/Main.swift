import AutomationCLI
import Connection
import Foundation
import TerminalBackend

/// The process entry point. The parity subcommands and `watch` exit with the AWS CLI v2's codes (see
/// CLIExitCode); everything else is the console's ArgumentParser command tree.
@main
enum Main {
    static func main() async {
        // First: a console started by its supervisor takes the marker out of the environment before anything
        // could start a process that would inherit it.
        _ = ConsoleSupervisor.isSupervisedChild
        let words = Array(CommandLine.arguments.dropFirst())
        if let route = SubcommandRoute.find(words) {
            exit(await CLIEntry.run(route))
        }
        await SSMConsoleCommand.main()
    }
}
