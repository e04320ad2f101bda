/// `--output`: json (the default), text, table, or AWS CLI v2's yaml and yaml-stream, laid out as the AWS CLI
/// lays them out.
public enum OutputFormat: String, Sendable, CaseIterable {
    case json, text, table, yaml
    case yamlStream = "yaml-stream"

    /// The choices as the AWS CLI's argument parser lists them.
    static var choices: String { allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ") }
}

/// Everything that decides how an answer is printed.
public struct OutputSettings: Sendable {
    public var format: OutputFormat
    public var query: OutputQuery?
    public var timestamps: TimestampFormat
    /// The table's width and colour.
    public var terminal: TableTerminal

    public init(
        format: OutputFormat, query: OutputQuery? = nil, timestamps: TimestampFormat = .wire,
        terminal: TableTerminal = TableTerminal()
    ) {
        self.format = format
        self.query = query
        self.timestamps = timestamps
        self.terminal = terminal
    }
}
