import JMESPath

/// `--query`: a JMESPath expression applied to the answer before it is printed, as the AWS CLI applies it.
/// It is compiled when the command line is read, so a bad expression fails before anything is sent.
public struct OutputQuery: Sendable {
    public let expression: JMESPathExpression

    /// The AWS CLI's wording for an expression that does not compile (awscli's globalargs._resolve_query),
    /// after the blank line its error writer prints first.
    public init(_ text: String) throws(CLIFailure) {
        do {
            expression = try JMESPathExpression(text)
        } catch {
            throw CLIFailure.input("\nBad value for --query \(text): \(error.description)")
        }
    }

    /// The expression's result. An evaluation error (a function given the wrong type, an unknown function)
    /// reaches the AWS CLI's catch-all handler, which prints python's message after a blank line and exits 255.
    public func apply(_ value: WireJSON) throws(CLIFailure) -> WireJSON {
        do {
            return WireJSON(try expression.search(JMESValue(value)))
        } catch {
            throw CLIFailure.other("\n\(error.description)")
        }
    }
}

extension Optional where Wrapped == OutputQuery {
    /// The value itself without a query.
    func apply(_ value: WireJSON) throws(CLIFailure) -> WireJSON {
        guard let query = self else { return value }
        return try query.apply(value)
    }
}
