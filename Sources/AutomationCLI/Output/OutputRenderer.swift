/// Prints an operation's answer in the chosen format, as the AWS CLI prints it: members in the model's order,
/// nothing at all for an empty answer (SendAutomationSignal, StopAutomationExecution).
public enum OutputRenderer {
    /// `terminal` matters to the table only: its width and colour.
    public static func render(
        _ answer: WireJSON, operation: OperationShape, format: OutputFormat, terminal: TableTerminal = TableTerminal()
    ) -> String {
        let ordered = ModelOrder.apply(operation.output, to: answer)
        // The table prints nothing for it too, but for a closing reset on a coloured terminal.
        if case .object(let members) = ordered, members.isEmpty, format != .table { return "" }
        switch format {
        case .json: return PythonJSONWriter.render(ordered) + "\n"
        case .text: return TextOutput.render(ordered)
        case .table: return TableOutput.render(ordered, title: operation.apiName, terminal: terminal)
        }
    }

    /// A paged answer: JSON and table print the joined result, text prints page by page (as the AWS CLI's
    /// text formatter streams pages) and then the resume token.
    public static func render(
        _ result: Paginator.Result, resultKey: String, operation: OperationShape, format: OutputFormat,
        terminal: TableTerminal = TableTerminal()
    ) -> String {
        guard format == .text else {
            return render(result.fullResult(resultKey: resultKey), operation: operation, format: format, terminal: terminal)
        }
        var output = ""
        for page in result.pages {
            let items = page[resultKey].map { ModelOrder.apply(operation.output, to: .object([(resultKey, $0)])) }
            output += TextOutput.render(items ?? .object([]))
        }
        if let token = result.resumeToken {
            output += TextOutput.render(.object([("NextToken", .object([("NextToken", .string(token))]))]))
        }
        return output
    }
}
