import AutomationCLI

/// Finds the parity subcommand, `watch` or `approvals` in the command line, wherever the global options are. These are
/// routed before ArgumentParser sees the root command, because the root declares --region, --profile and
/// --endpoint-url for the console and would otherwise take them from the subcommand.
enum SubcommandRoute {
    case operation(OperationShape, words: [String])
    case watch(words: [String])
    case approvals(words: [String])

    static let aliases: [String: OperationShape] = Dictionary(
        uniqueKeysWithValues: CommandLineCatalog.aliases.compactMap { name, alias in
            OperationShape.named(name).map { (alias, $0) }
        })

    /// Options before the subcommand name that take a value, so the value is not read as the name.
    /// The subcommands' value options plus the console's own (--refresh).
    static let valueOptions = GlobalOptions.valueOptionNames.union(["--refresh"])

    static func find(_ words: [String]) -> SubcommandRoute? {
        var index = 0
        while index < words.count {
            let word = words[index]
            guard word.hasPrefix("-") else {
                var rest = words
                rest.remove(at: index)
                if word == "watch" { return .watch(words: rest) }
                if word == "approvals" { return .approvals(words: rest) }
                if let operation = OperationShape.named(word) ?? aliases[word] { return .operation(operation, words: rest) }
                return nil
            }
            index += valueOptions.contains(word) ? 2 : 1
        }
        return nil
    }
}
