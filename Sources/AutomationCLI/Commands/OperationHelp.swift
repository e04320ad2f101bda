/// `ssm-console <operation> help`: the operation's parameters and options, from the command-line catalog.
public enum OperationHelp {
    public static func text(_ operation: OperationShape) -> String {
        var lines = [
            "ssm-console \(operation.cliName): the \(operation.apiName) operation, with the AWS CLI's flags and output.",
            "",
            "Parameters:",
        ]
        lines += CommandLineCatalog.memberOptions(operation).map(line)
        lines += ["", "Input documents (flags override their members):"] + CommandLineCatalog.inputOptions.map(line)
        if operation.output.contains(where: { $0.name == "NextToken" }) {
            lines += ["", "Paging (follows NextToken by default):"] + CommandLineCatalog.pagingOptions.map(line)
        }
        lines += ["", "Global options:"] + CommandLineCatalog.globalOptions.map(line)
        lines += [
            "",
            "Exit codes: 0 success, 252 bad input, 253 configuration, 254 service error, 255 other, 130 Ctrl-C.",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    static func line(_ option: CLIOption) -> String {
        var form = option.name
        if option.takesValue { form += option.valueIsOptional ? " [\(option.placeholder)]" : " <\(option.placeholder)>" }
        let pad = form.count < 40 ? String(repeating: " ", count: 40 - form.count) : "  "
        return "  " + form + pad + option.summary
    }
}
