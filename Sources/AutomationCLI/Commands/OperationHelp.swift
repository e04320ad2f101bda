/// `ssm-console <operation> help`: the operation's parameters with their flags, from the model.
public enum OperationHelp {
    public static func text(_ operation: OperationShape) -> String {
        var lines = [
            "ssm-console \(operation.cliName): the \(operation.apiName) operation, with the AWS CLI's flags and output.",
            "",
            "Parameters:",
        ]
        for member in operation.input {
            let flag = OperationShape.flagName(for: member.name)
            let form = member.shape == .boolean ? "\(flag) | --no-\(flag.dropFirst(2))" : "\(flag) <\(kind(member.shape))>"
            lines.append("  \(form)\(member.required ? "  (required)" : "")")
        }
        lines += [
            "",
            "Input documents:",
            "  --cli-input-json <json or file://path>   --cli-input-yaml <yaml or file://path>   (flags override them)",
            "  --generate-cli-skeleton [input|output|yaml-input]   prints a skeleton and sends nothing",
        ]
        if operation.output.contains(where: { $0.name == "NextToken" }) {
            lines += ["", "Paging: follows NextToken by default.", "  --max-items <n>  --starting-token <token>  --page-size <n>  --no-paginate"]
        }
        lines += [
            "",
            "Global options:",
            "  --local  --data-dir <dir>  --profile <name>  --region <region>  --endpoint-url <url>",
            "  --output json|text|table  --color on|off|auto  --no-verify-ssl  --ca-bundle <pem>  --debug",
            "  --cli-read-timeout <s>  --cli-connect-timeout <s>",
            "",
            "Exit codes: 0 success, 252 bad input, 253 configuration, 254 service error, 255 other, 130 Ctrl-C.",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    private static func kind(_ shape: Shape) -> String {
        switch shape {
        case .string: return "string"
        case .integer: return "integer"
        case .boolean: return "boolean"
        case .timestamp: return "timestamp"
        case .list(let item): return "\(kind(item)) ..."
        case .map: return "map: shorthand Key=value or JSON"
        case .structure: return "structure: shorthand or JSON"
        }
    }
}
