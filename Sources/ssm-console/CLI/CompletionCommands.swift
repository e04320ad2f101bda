import ArgumentParser
import AutomationCLI
import Foundation

extension AutomationCLI.CompletionShell: ExpressibleByArgument {}
extension CompletionValues.Kind: ExpressibleByArgument {}

/// `ssm-console completion bash|zsh|fish`: prints the completion script made from the command-line catalog.
struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion",
        abstract: CommandLineCatalog.completion.summary,
        discussion: """
            Install it where your shell looks (scripts/install does): bash \
            share/bash-completion/completions/ssm-console, zsh share/zsh/site-functions/_ssm-console, fish \
            share/fish/vendor_completions.d/ssm-console.fish; or load it now: source <(ssm-console completion bash).
            """)

    @Argument(help: "The shell: bash, zsh or fish.") var shell: AutomationCLI.CompletionShell

    func run() {
        FileHandle.standardOutput.write(Data(shell.script.utf8))
    }
}

/// `ssm-console man`: prints the manual page in roff (`ssm-console man | man -l -`).
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "man", abstract: CommandLineCatalog.manual.summary)

    func run() {
        FileHandle.standardOutput.write(Data(ManualPage.roff().utf8))
    }
}

/// `ssm-console __complete profiles|execution-ids`: what the completion scripts ask for while completing.
struct CompletionValuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "__complete", shouldDisplay: false)

    @Argument var kind: CompletionValues.Kind

    func run() {
        let lines = CompletionValues.lines(kind, environment: ProcessInfo.processInfo.environment)
        FileHandle.standardOutput.write(Data(lines.map { $0 + "\n" }.joined().utf8))
    }
}
