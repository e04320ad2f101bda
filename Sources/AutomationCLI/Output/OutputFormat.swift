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
    /// With --debug: told how long each --query evaluation took, conversions included.
    public var queryTimeReport: (@Sendable (Duration) -> Void)?

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

extension OutputSettings {
    /// The value after --query (itself without one), timed when a report is wanted.
    func queried(_ value: WireJSON) throws(CLIFailure) -> WireJSON {
        guard let query else { return value }
        guard let report = queryTimeReport else { return try query.apply(value) }
        let started = ContinuousClock.now
        let result = try query.apply(value)
        report(started.duration(to: .now))
        return result
    }
}
