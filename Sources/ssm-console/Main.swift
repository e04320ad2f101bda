import AutomationCLI
import Connection
import Foundation

/// The process entry point. The parity subcommands and `watch` exit with the AWS CLI v2's codes (see
/// CLIExitCode); everything else is the console's ArgumentParser command tree.
@main
enum Main {
    static func main() async {
        let words = Array(CommandLine.arguments.dropFirst())
        if let route = SubcommandRoute.find(words) {
            exit(await CLIEntry.run(route))
        }
        await SSMConsoleCommand.main()
    }
}
