/// One option of ssm-console's command line, as help, completion and the manual describe it.
public struct CLIOption: Sendable, Equatable {
    /// What follows the option, which decides how a shell completes it.
    public enum Value: Sendable, Equatable {
        /// A flag.
        case none
        /// Free text; the placeholder names it in help (`REGION`, `SECONDS`).
        case text(String)
        /// One of these words.
        case choices([String])
        /// A file: a path, or for input documents also inline text or `file://path`.
        case file(String)
        case directory
        /// A profile from the shared config files.
        case profile
        /// An execution ID, completed from the recently listed executions.
        case executionID
    }

    public let name: String
    public let value: Value
    public let summary: String
    /// `--generate-cli-skeleton [KIND]`: the value may be left out.
    public let valueIsOptional: Bool

    public init(_ name: String, _ value: Value = .none, _ summary: String, valueIsOptional: Bool = false) {
        self.name = name
        self.value = value
        self.summary = summary
        self.valueIsOptional = valueIsOptional
    }

    /// A flag: no value.
    public init(_ name: String, _ summary: String) {
        self.init(name, .none, summary)
    }

    public var takesValue: Bool { value != .none }

    /// The value as help shows it: `<SECONDS>`, `json|text|table`.
    public var placeholder: String {
        switch value {
        case .none: return ""
        case .text(let name), .file(let name): return name
        case .choices(let words): return words.joined(separator: "|")
        case .directory: return "DIR"
        case .profile: return "PROFILE"
        case .executionID: return "EXECUTION_ID"
        }
    }
}

/// A subcommand with its own options and, for `watch` and `completion`, one positional argument.
public struct CLISubcommand: Sendable {
    public let name: String
    public let aliases: [String]
    public let summary: String
    public let positional: (name: String, value: CLIOption.Value)?
    /// Its own options, then the global options it also takes.
    public let options: [CLIOption]

    public var names: [String] { [name] + aliases }
}
