import AutomationModel

/// ssm-console's whole command line in one place: the parity subcommands' flags come from the operation
/// shapes (botocore's model, with its enum values), the global options are listed once here. Help, the
/// argument scanner's list of value options, the shell completions and the manual page are all made from it.
public enum CommandLineCatalog {
    /// The global options every parity subcommand takes, in the order help lists them.
    public static let globalOptions: [CLIOption] = [
        CLIOption("--local", "Use the embedded local Automation engine instead of AWS."),
        CLIOption("--data-dir", .directory, "The local engine's data directory."),
        CLIOption("--profile", .profile, "A profile from the shared config files."),
        CLIOption("--region", .text("REGION"), "The AWS region."),
        CLIOption("--endpoint-url", .text("URL"), "Send requests to this URL (e.g. an ssm-console serve endpoint)."),
        CLIOption("--output", .choices(OutputFormat.allCases.map(\.rawValue)), "The output format (default json)."),
        CLIOption("--query", .text("JMESPATH"), "A JMESPath expression applied to the answer before it is printed."),
        CLIOption("--color", .choices(TableColor.allCases.map(\.rawValue)), "Colour in table output (default auto)."),
        CLIOption("--no-verify-ssl", "Do not verify TLS certificates."),
        CLIOption("--ca-bundle", .file("PEM"), "A PEM file of certificate authorities to trust."),
        CLIOption("--debug", "Log each signed request and response on stderr, secrets masked."),
        CLIOption("--cli-read-timeout", .text("SECONDS"), "Seconds to wait for data (0: no limit)."),
        CLIOption("--cli-connect-timeout", .text("SECONDS"), "Seconds to wait for a connection (0: no limit)."),
        CLIOption("--version", "Print ssm-console's version and exit."),
    ]

    /// Input documents and skeletons, which every parity subcommand takes.
    public static let inputOptions: [CLIOption] = [
        CLIOption("--cli-input-json", .file("JSON"), "The request as JSON (inline or file://path); flags override its members."),
        CLIOption("--cli-input-yaml", .file("YAML"), "The request as YAML (inline or file://path); flags override its members."),
        CLIOption(
            "--generate-cli-skeleton", .choices(SkeletonKind.allCases.map(\.rawValue)),
            "Print a request (input, yaml-input) or answer (output) skeleton and send nothing.", valueIsOptional: true),
    ]

    /// Paging, for the operations whose answers come in pages.
    public static let pagingOptions: [CLIOption] = [
        CLIOption("--max-items", .text("N"), "Print at most N results, then a NextToken to resume from."),
        CLIOption("--starting-token", .text("TOKEN"), "Resume from the NextToken an earlier --max-items printed."),
        CLIOption("--page-size", .text("N"), "Ask for N results per call (sent as MaxResults)."),
        CLIOption("--no-paginate", "Make one call and print its page, NextToken included."),
    ]

    /// The console's own options (`ssm-console` with no subcommand).
    public static let consoleOptions: [CLIOption] =
        globalOptions.filter { ["--local", "--data-dir", "--profile", "--region", "--endpoint-url", "--no-verify-ssl", "--ca-bundle"].contains($0.name) }
        + [
            CLIOption("--refresh", .text("SECONDS"), "Seconds between automatic refreshes (at least 2; default 5)."),
            CLIOption("--read-only", "Watch only: no signals, starts or stops."),
            CLIOption("--no-color", "No colours (NO_COLOR does the same)."),
            CLIOption("--no-bell", "Do not ring the bell when an approval starts waiting on you."),
            CLIOption("--no-title", "Do not show the approvals waiting on you in the terminal title."),
            CLIOption("--version", "Print ssm-console's version and exit."),
            CLIOption("--help", "Show help."),
        ]

    /// The options after a subcommand's name that take a value, so a scanner does not read the value as a word.
    public static let valueOptionNames: Set<String> = Set(
        (globalOptions + inputOptions + pagingOptions).filter { $0.takesValue && !$0.valueIsOptional }.map(\.name))

    /// The short names the parity subcommands also answer to.
    public static let aliases: [String: String] = [
        "send-automation-signal": "signal", "start-automation-execution": "start", "stop-automation-execution": "stop",
        "get-automation-execution": "get", "describe-automation-executions": "list",
        "describe-automation-step-executions": "steps",
    ]

    /// Every subcommand, in the order help lists them.
    public static var subcommands: [CLISubcommand] {
        OperationShape.all.map(parity) + [watch, approvals, serve, config, completion, manual]
    }

    /// A parity subcommand: the operation's members as flags, then the shared options.
    static func parity(_ operation: OperationShape) -> CLISubcommand {
        let pageable = operation.output.contains { $0.name == "NextToken" }
        return CLISubcommand(
            name: operation.cliName, aliases: aliases[operation.cliName].map { [$0] } ?? [],
            summary: "Like 'aws ssm \(operation.cliName)': the \(operation.apiName) operation, with the same flags and output.",
            positional: nil,
            options: memberOptions(operation) + inputOptions + (pageable ? pagingOptions : []) + globalOptions)
    }

    /// The operation's input members as the AWS CLI names them, with the model's enum values as choices.
    public static func memberOptions(_ operation: OperationShape) -> [CLIOption] {
        let model = ServiceModel.shape(named: operation.inputShapeName)
        return operation.input.flatMap { member -> [CLIOption] in
            let flag = OperationShape.flagName(for: member.name)
            let shapeName = model.members.first { $0.name == member.name }?.shape
            let enumValues = shapeName.map { ServiceModel.shape(named: $0).enumValues } ?? []
            let required = member.required ? " Required." : ""
            let value: CLIOption.Value
            if member.name == "AutomationExecutionId" {
                value = .executionID
            } else if !enumValues.isEmpty {
                value = .choices(enumValues)
            } else if member.shape == .boolean {
                return [
                    CLIOption(flag, "Sets \(member.name) to true.\(required)"),
                    CLIOption("--no-" + flag.dropFirst(2), "Sets \(member.name) to false."),
                ]
            } else {
                value = .text(placeholder(member.shape))
            }
            return [CLIOption(flag, value, "The \(member.name) member.\(required)")]
        }
    }

    /// How help names a member's value: `STRING`, `STRING ...`, `KEY=VALUE,...|JSON`.
    static func placeholder(_ shape: Shape) -> String {
        switch shape {
        case .string: return "STRING"
        case .integer: return "INTEGER"
        case .boolean: return "BOOLEAN"
        case .timestamp: return "TIMESTAMP"
        case .list(.structure): return "SHORTHAND|JSON ..."
        case .list(let item): return placeholder(item) + " ..."
        case .map: return "KEY=VALUE,...|JSON"
        case .structure: return "SHORTHAND|JSON"
        }
    }

    /// The global options that say how to reach the service, which `watch` and `approvals` take.
    static let connectionOptions = globalOptions.filter {
        ["--local", "--data-dir", "--profile", "--region", "--endpoint-url", "--no-verify-ssl", "--ca-bundle",
         "--debug", "--cli-read-timeout", "--cli-connect-timeout"].contains($0.name)
    }

    public static let watch = CLISubcommand(
        name: "watch", aliases: [],
        summary: "Print each step's status change until an execution ends; exit 0 on Success, 1 otherwise.",
        positional: ("EXECUTION_ID", .executionID),
        options: [CLIOption("--interval", .text("SECONDS"), "Seconds between polls (0.5 to 3600; default 2).")]
            + connectionOptions)

    public static let approvals = CLISubcommand(
        name: "approvals", aliases: [],
        summary: "List the approvals waiting on you (--all: everything waiting on anyone); exit 0 when there are some.",
        positional: nil,
        options: [
            CLIOption("--all", "List everything waiting on anyone, not only what waits on you."),
            CLIOption("--output", .choices(OutputFormat.allCases.map(\.rawValue)), "The output format."),
        ]
            + connectionOptions)

    public static let serve = CLISubcommand(
        name: "serve", aliases: [],
        summary: "Serve the local Automation engine as an SSM-compatible HTTP endpoint.",
        positional: nil,
        options: [
            CLIOption("--host", .text("ADDRESS"), "The address to listen on (default 127.0.0.1)."),
            CLIOption("--port", .text("PORT"), "The port to listen on (default 4583; 0 picks a free one)."),
            CLIOption("--data-dir", .directory, "The engine's data directory."),
            CLIOption("--access-key", .text("ID:SECRET[:PRINCIPAL_ARN]"), "An accepted access key (repeatable)."),
            CLIOption("--key-groups", .text("ID=GROUP[,GROUP...]"), "The IAM groups of an access key's principal (repeatable)."),
            CLIOption("--instance", .text("ID[,KEY=VALUE...]"), "A managed instance with its tags (repeatable)."),
            CLIOption("--quotas", .choices(["none", "aws"]), "Request-rate limits: none, or AWS's per-operation rates."),
            CLIOption("--header-timeout", .text("SECONDS"), "Time from a request's first byte to the end of its headers (default 10)."),
            CLIOption("--idle-timeout", .text("SECONDS"), "Time a connection may wait between requests (default 60)."),
            CLIOption("--max-connections", .text("COUNT"), "Open connections; beyond it the longest-idle one is closed (default 1000)."),
            CLIOption("--max-body-size", .text("BYTES"), "The largest request body accepted (default 1048576)."),
        ])

    public static let config = CLISubcommand(
        name: "config", aliases: [],
        summary: "Check the console's config file, or print the default one with every setting.",
        positional: nil,
        options: [CLIOption("--default", "Print the default config file: every setting, its default and what it does.")])

    public static let completion = CLISubcommand(
        name: "completion", aliases: [], summary: "Print the shell completion script for bash, zsh or fish.",
        positional: ("SHELL", .choices(CompletionShell.allCases.map(\.rawValue))), options: [])

    public static let manual = CLISubcommand(
        name: "man", aliases: [], summary: "Print this manual page (roff).", positional: nil, options: [])
}
