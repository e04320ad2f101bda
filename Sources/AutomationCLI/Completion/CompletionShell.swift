/// The shells ssm-console writes completion scripts for.
public enum CompletionShell: String, Sendable, CaseIterable {
    case bash, zsh, fish

    public var script: String {
        switch self {
        case .bash: return BashCompletion.script()
        case .zsh: return ZshCompletion.script()
        case .fish: return FishCompletion.script()
        }
    }
}

/// What the scripts share: the catalog arranged by how each word is completed.
enum CompletionWords {
    /// The program's name, which the scripts register for.
    static let program = "ssm-console"

    /// Every option that takes a value, with how its value is completed. The same name means the same kind of
    /// value in every subcommand (a test checks), so one table serves them all.
    static var valueOptions: [(name: String, value: CLIOption.Value)] {
        var seen = Set<String>()
        var result: [(String, CLIOption.Value)] = []
        let all = CommandLineCatalog.consoleOptions + CommandLineCatalog.subcommands.flatMap(\.options)
        for option in all where option.takesValue && seen.insert(option.name).inserted {
            result.append((option.name, option.value))
        }
        return result
    }

    /// Options whose value is required, which a scanner for the subcommand's name must step over.
    static var requiredValueOptionNames: [String] {
        let all = CommandLineCatalog.consoleOptions + CommandLineCatalog.subcommands.flatMap(\.options)
        var seen = Set<String>()
        return all.filter { $0.takesValue && !$0.valueIsOptional && seen.insert($0.name).inserted }.map(\.name)
    }

    /// Subcommand names (aliases too) and their summaries, in help's order.
    static var subcommandNames: [(name: String, summary: String)] {
        CommandLineCatalog.subcommands.flatMap { command in
            command.names.map { ($0, $0 == command.name ? command.summary : "Alias of \(command.name).") }
        }
    }

    /// The hidden helper the scripts call for values that change: profiles and recent execution IDs.
    static let helper = "__complete"
}
