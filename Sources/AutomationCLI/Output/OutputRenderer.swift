/// Prints an operation's answer as the AWS CLI's formatters print it (awscli/formatter.py): members in the
/// model's order, timestamps in the chosen format, then `--query`, then the format. JSON, table and yaml print
/// one value (a paged answer's pages joined first, so the query sees the whole listing); text and yaml-stream
/// print page by page, the query applied to each page, as the AWS CLI streams them.
public enum OutputRenderer {
    /// One answer. Nothing is printed for an empty result (SendAutomationSignal, StopAutomationExecution).
    public static func render(_ answer: WireJSON, operation: OperationShape, settings: OutputSettings) throws(CLIFailure) -> String {
        let ordered = ModelOrder.apply(operation.output, to: answer, timestamps: settings.timestamps)
        if settings.format == .text || settings.format == .yamlStream {
            return try page(ordered, settings: settings)
        }
        return try whole(ordered, title: operation.apiName, settings: settings)
    }

    /// A paged answer; `write` receives the output as it is made, so pages printed before a failing query
    /// stay printed, as with the AWS CLI.
    public static func render(
        _ result: Paginator.Result, resultKey: String, operation: OperationShape, settings: OutputSettings,
        write: (String) -> Void
    ) throws(CLIFailure) {
        let order = { (value: WireJSON) in ModelOrder.apply(operation.output, to: value, timestamps: settings.timestamps) }
        switch settings.format {
        case .json, .table, .yaml:
            write(try whole(order(result.fullResult(resultKey: resultKey)), title: operation.apiName, settings: settings))
        case .text:
            // awscli's TextFormatter: each page as {result key: items}, then the resume token as its own dict.
            for received in result.pages {
                write(try page(order(.object(received[resultKey].map { [(resultKey, $0)] } ?? [])), settings: settings))
            }
            if let token = result.resumeToken {
                write(try page(.object([("NextToken", .object([("NextToken", .string(token))]))]), settings: settings))
            }
        case .yamlStream:
            // Each page as the service sent it (its own NextToken included), as v2 iterates the pages.
            for received in result.pages { write(try page(order(received), settings: settings)) }
        }
    }

    private static func whole(_ value: WireJSON, title: String, settings: OutputSettings) throws(CLIFailure) -> String {
        let result = try settings.queried(value)
        switch settings.format {
        case .json:
            // An empty dict means "no answer" to the AWS CLI; every other value, even null or [], is printed.
            return result == .object([]) ? "" : PythonJSONWriter.render(result) + "\n"
        case .table:
            return try TableOutput.render(result, title: title, terminal: settings.terminal)
        case .yaml:
            return result == .object([]) ? "" : YAMLOutput.document(result)
        case .text, .yamlStream:
            return try page(value, settings: settings)
        }
    }

    private static func page(_ value: WireJSON, settings: OutputSettings) throws(CLIFailure) -> String {
        let result = try settings.queried(value)
        if settings.format == .yamlStream { return YAMLOutput.document(.array([result])) }
        return try TextOutput.render(result)
    }
}
