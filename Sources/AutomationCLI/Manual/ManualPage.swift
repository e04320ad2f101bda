import Foundation

/// `ssm-console man`: the manual page, in roff, made from the command-line catalog (the operation shapes
/// and the global options), so it lists exactly the flags the commands take.
public enum ManualPage {
    public static func roff() -> String {
        var page = Roff()
        page.line(".TH SSM-CONSOLE 1 \"\" \"ssm-console \(SSMConsoleVersion.number)\" \"User Commands\"")
        page.section("NAME")
        page.text("ssm-console - a terminal console and an aws ssm-compatible command line for AWS Systems Manager Automation")
        page.section("SYNOPSIS")
        page.synopsis("ssm-console", "[--local] [--profile PROFILE] [--region REGION] [--endpoint-url URL] [--refresh SECONDS] [--read-only] [--no-color]")
        for command in CommandLineCatalog.subcommands {
            let rest = [command.positional?.name, command.options.isEmpty ? nil : "[options]"].compactMap { $0 }
            page.synopsis("ssm-console \(command.name)", rest.joined(separator: " "))
        }
        page.section("DESCRIPTION")
        page.text("""
            Without a subcommand, ssm-console is a full-screen console that lists Automation executions and \
            answers them: Approve, Reject, StartStep, StopStep, Resume, start and stop. It finds AWS as the AWS \
            CLI does, or with --local runs its own Automation engine on this machine.
            """)
        page.text("""
            The parity subcommands mirror aws ssm: the same flags (shorthand or JSON values, file:// and \
            fileb://, --cli-input-json, --cli-input-yaml, --generate-cli-skeleton), the same --query \
            (JMESPath) and the same output in json, text and table, plus AWS CLI v2's yaml and yaml-stream.
            """)
        page.section("CONSOLE OPTIONS")
        for option in CommandLineCatalog.consoleOptions { page.option(option) }
        page.section("SUBCOMMANDS")
        for command in CommandLineCatalog.subcommands {
            page.subsection(([command.name] + command.aliases).joined(separator: ", "))
            page.text(command.summary)
            if let positional = command.positional {
                page.option(CLIOption(positional.name, positional.value == .executionID ? .none : positional.value, positionalSummary(positional.value)))
            }
            let shared = Set((CommandLineCatalog.globalOptions + CommandLineCatalog.inputOptions).map(\.name))
            let own = command.options.filter { !shared.contains($0.name) || command.name == "watch" }
            for option in own { page.option(option) }
            if command.options.contains(where: { $0.name == "--cli-input-json" }) {
                page.text("Also the input document options and the global options below.")
            }
        }
        page.section("INPUT DOCUMENT OPTIONS")
        for option in CommandLineCatalog.inputOptions { page.option(option) }
        page.section("GLOBAL OPTIONS")
        page.text("Taken by every parity subcommand, before or after its name.")
        for option in CommandLineCatalog.globalOptions { page.option(option) }
        page.section("EXIT STATUS")
        page.text("0 success; 252 the command line or input could not be used; 253 configuration (region, credentials, profile); 254 the service returned an error; 255 any other failure; 130 interrupted. watch exits 1 when the execution ends in any status but Success.")
        page.section("ENVIRONMENT")
        for (name, summary) in environment { page.tagged(name, summary) }
        page.section("FILES")
        for (name, summary) in files { page.tagged(name, summary) }
        page.section("SEE ALSO")
        page.text("aws(1), the AWS CLI's ssm commands, and the JMESPath specification for --query.")
        return page.output
    }

    private static func positionalSummary(_ value: CLIOption.Value) -> String {
        switch value {
        case .executionID: return "The automation execution ID."
        case .choices(let words): return "One of: \(words.joined(separator: ", "))."
        default: return "The argument."
        }
    }

    private static let environment: [(String, String)] = [
        ("AWS_PROFILE, AWS_DEFAULT_PROFILE", "The profile, when --profile is not given."),
        ("AWS_REGION, AWS_DEFAULT_REGION", "The region, when --region is not given."),
        ("AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL", "The endpoint, when --endpoint-url is not given."),
        ("AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN", "Credentials, before the shared files."),
        ("AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE", "Where the shared files are; a path that is not a regular file (such as /dev/null) counts as no file, as for the AWS CLI."),
        ("AWS_DEFAULT_OUTPUT", "The output format, when --output is not given."),
        ("XDG_STATE_HOME", "Where the local engine and the audit log live (~/.local/state when unset)."),
        ("XDG_CACHE_HOME", "Where the execution ID cache for completion lives (~/.cache when unset)."),
        ("NO_COLOR", "No colours in the console."),
    ]

    private static let files: [(String, String)] = [
        ("~/.aws/config, ~/.aws/credentials", "Profiles, read as botocore reads them; output and cli_timestamp_format (wire or iso8601) are read from the profile."),
        ("$XDG_STATE_HOME/ssm-console/engine", "The local engine's data."),
        ("$XDG_STATE_HOME/ssm-console/audit.log", "Every signal, start and stop sent, as JSON lines."),
        ("$XDG_CACHE_HOME/ssm-console/execution-ids", "Execution IDs listed or fetched in the last \(Int(ExecutionIDCache.lifetime / 60)) minutes, for completion."),
    ]
}

/// Just enough roff: escapes, paragraphs, and tagged option paragraphs.
struct Roff {
    private(set) var output = ""

    mutating func line(_ text: String) { output += text + "\n" }

    mutating func section(_ name: String) { line(".SH \(name)") }

    mutating func subsection(_ name: String) { line(".SS \(Self.escaped(name))") }

    mutating func text(_ text: String) {
        line(".PP")
        line(Self.escaped(text))
    }

    mutating func synopsis(_ command: String, _ rest: String) {
        line(".PP")
        line("\\fB\(Self.escaped(command))\\fR \(Self.escaped(rest))")
    }

    mutating func option(_ option: CLIOption) {
        var head = "\\fB\(Self.escaped(option.name))\\fR"
        if option.takesValue {
            let value = "\\fI\(Self.escaped(option.placeholder))\\fR"
            head += option.valueIsOptional ? " [\(value)]" : " \(value)"
        }
        tagged(raw: head, option.summary)
    }

    mutating func tagged(_ tag: String, _ text: String) {
        tagged(raw: "\\fB\(Self.escaped(tag))\\fR", text)
    }

    private mutating func tagged(raw tag: String, _ text: String) {
        line(".TP")
        line(tag)
        line(Self.escaped(text))
    }

    /// Backslashes doubled, hyphens as \-, and a leading . or ' kept from being read as a request.
    static func escaped(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if result.hasPrefix(".") || result.hasPrefix("'") { result = "\\&" + result }
        return result
    }
}
