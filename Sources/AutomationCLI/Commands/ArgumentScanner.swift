import Foundation

/// Reads a parity subcommand's words the way the AWS CLI's argparse setup does: `--flag value`, `--flag=value`,
/// list parameters taking every word up to the next `--flag`, booleans as `--flag` / `--no-flag`.
public enum ArgumentScanner {
    /// Global options that take one value.
    static let valueOptions = GlobalOptions.valueOptionNames

    public static func scan(_ words: [String], operation: OperationShape) throws(CLIFailure) -> ParsedArguments {
        var parsed = ParsedArguments(operation: operation)
        var unknown: [String] = []
        var queryText: String?
        var index = 0
        while index < words.count {
            var word = words[index]
            index += 1
            var inlineValue: String?
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                inlineValue = String(word[word.index(after: equals)...])
                word = String(word[..<equals])
            }
            func takeValue() throws(CLIFailure) -> String {
                if let inlineValue { return inlineValue }
                guard index < words.count, !isFlag(words[index]) else {
                    throw CLIFailure.input("\(usage(operation))\naws: error: argument \(word): expected one argument")
                }
                index += 1
                return words[index - 1]
            }
            // argparse refuses `--flag=value` on a flag that takes none; taking it would send a guess.
            func noValue() throws(CLIFailure) {
                guard let inlineValue else { return }
                throw CLIFailure.input(
                    "\(usage(operation))\naws: error: argument \(word): ignored explicit argument '\(inlineValue)'. \(word) takes no value: write \(word) alone, or leave it out.")
            }
            switch word {
            case "help", "--help", "-h":
                parsed.help = true
            case "--version":
                try noValue()
                parsed.version = true
            case "--debug":
                try noValue()
                parsed.global.debug = true
            case "--no-verify-ssl":
                try noValue()
                parsed.global.verifySSL = false
            case "--local":
                try noValue()
                parsed.global.local = true
            case "--no-paginate":
                try noValue()
                parsed.paging.paginate = false
            case "--generate-cli-skeleton":
                var kind = "input"
                if let inlineValue {
                    kind = inlineValue
                } else if index < words.count, !isFlag(words[index]) {
                    kind = words[index]
                    index += 1
                }
                guard let skeleton = SkeletonKind(rawValue: kind) else {
                    throw CLIFailure.input(
                        "\(usage(operation))\naws: error: argument --generate-cli-skeleton: invalid choice: '\(kind)' (choose from 'input', 'output', 'yaml-input')")
                }
                parsed.skeleton = skeleton
            case "--query":
                queryText = try takeValue()
            case _ where valueOptions.contains(word):
                try apply(word, try takeValue(), to: &parsed)
            default:
                if let member = operation.inputMember(forFlag: word) {
                    if member.shape == .boolean {
                        try noValue()
                        parsed.parameters[member.name] = ["true"]
                    } else if case .list = member.shape, inlineValue == nil {
                        var values: [String] = []
                        while index < words.count, !isFlag(words[index]) {
                            values.append(words[index])
                            index += 1
                        }
                        guard !values.isEmpty else {
                            throw CLIFailure.input("\(usage(operation))\naws: error: argument \(word): expected at least one argument")
                        }
                        parsed.parameters[member.name] = values
                    } else {
                        parsed.parameters[member.name] = [try takeValue()]
                    }
                } else if word.hasPrefix("--no-"),
                    let member = operation.inputMember(forFlag: "--" + word.dropFirst(5)), member.shape == .boolean
                {
                    try noValue()
                    parsed.parameters[member.name] = ["false"]
                } else {
                    unknown.append(inlineValue.map { "\(word)=\($0)" } ?? word)
                }
            }
        }
        // The AWS CLI compiles --query with the global options, before it looks at the operation's own.
        if let query = queryText { parsed.query = try OutputQuery(query) }
        guard unknown.isEmpty else {
            throw CLIFailure.input(
                "\(usage(operation))\naws: error: Unknown options: \(unknown.joined(separator: ", ")). Run 'ssm-console \(operation.cliName) help' for the parameters it takes.")
        }
        return parsed
    }

    static func isFlag(_ word: String) -> Bool {
        word.hasPrefix("--") && word.count > 2
    }

    private static func apply(_ option: String, _ value: String, to parsed: inout ParsedArguments) throws(CLIFailure) {
        switch option {
        case "--profile": parsed.global.profile = value
        case "--region": parsed.global.region = value
        case "--endpoint-url": parsed.global.endpointURL = value
        case "--ca-bundle": parsed.global.caBundle = value
        case "--data-dir": parsed.global.dataDirectory = value
        case "--starting-token": parsed.paging.startingToken = value
        case "--cli-input-json": parsed.cliInputJSON = value
        case "--cli-input-yaml": parsed.cliInputYAML = value
        case "--output":
            guard let format = OutputFormat(rawValue: value) else {
                throw CLIFailure.input(
                    "\(usage(parsed.operation))\naws: error: argument --output: invalid choice: '\(value)' (choose from \(OutputFormat.choices))")
            }
            parsed.global.output = format
        case "--color":
            guard let color = TableColor(rawValue: value) else {
                throw CLIFailure.input(
                    "\(usage(parsed.operation))\naws: error: argument --color: invalid choice: '\(value)' (choose from 'on', 'off', 'auto')")
            }
            parsed.global.color = color
        case "--cli-read-timeout": parsed.global.readTimeout = try seconds(option, value)
        case "--cli-connect-timeout": parsed.global.connectTimeout = try seconds(option, value)
        case "--max-items": parsed.paging.maxItems = try PagingOptions.checkedMaxItems(try count(option, value))
        // Checked with MaxResults, which it becomes, once the request is built.
        case "--page-size": parsed.paging.pageSize = try count(option, value)
        default: break
        }
    }

    private static func seconds(_ option: String, _ value: String) throws(CLIFailure) -> Duration {
        guard let number = Int(value) else {
            throw CLIFailure.input("aws: error: argument \(option): invalid int value: '\(value)'. Give whole seconds, such as \(option) 30 (0 waits without limit).")
        }
        do {
            return try GlobalOptions.timeout(seconds: number, option: option)
        } catch {
            // The parity subcommands word their input errors as the AWS CLI's argument parser does.
            throw CLIFailure.input("aws: error: \(error)")
        }
    }

    private static func count(_ option: String, _ value: String) throws(CLIFailure) -> Int {
        guard let number = Int(value) else {
            throw CLIFailure.input("aws: error: argument \(option): invalid int value: '\(value)'. Give a whole number, such as \(option) 10.")
        }
        return number
    }

    /// The AWS CLI's short usage block that precedes its argument errors.
    static func usage(_ operation: OperationShape) -> String {
        """
        usage: ssm-console \(operation.cliName) [options] [parameters]
        To see help text, you can run:

          ssm-console \(operation.cliName) help

        """
    }
}
