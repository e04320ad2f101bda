/// A parity subcommand's command line, split as the AWS CLI splits it: the operation's own parameters
/// (still as text, by member name), global options, paging options and the input-document options.
public struct ParsedArguments: Sendable {
    public var operation: OperationShape
    /// Member name → the words given after its flag. Booleans hold "true" or "false".
    public var parameters: [String: [String]] = [:]
    public var global = GlobalOptions()
    public var paging = PagingOptions()
    public var cliInputJSON: String?
    public var cliInputYAML: String?
    public var skeleton: SkeletonKind?
    public var help = false
    public var version = false
    /// `--query`, compiled.
    public var query: OutputQuery?

    public init(operation: OperationShape) {
        self.operation = operation
    }
}
