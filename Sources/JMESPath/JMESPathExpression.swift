/// A compiled JMESPath expression, evaluated with the semantics of python jmespath 1.1.0 (the
/// library behind the AWS CLI's `--query`).
///
/// ```swift
/// let query = try JMESPathExpression("Reservations[].Instances[].InstanceId")
/// let ids = try query.search(response)
/// ```
///
/// Compile once and search many times; a compiled expression is immutable and can be shared
/// across tasks.
public struct JMESPathExpression: Sendable {
    /// The expression's source text.
    public let text: String
    private let root: Node

    /// Compiles `text`. Throws the lexer and parser errors python raises when compiling
    /// (`LexerError`, `ParseError`, `IncompleteExpressionError`, `EmptyExpressionError`).
    /// Unknown functions and wrong argument counts are reported by `search`, as in python.
    public init(_ text: String) throws(JMESPathError) {
        self.text = text
        self.root = try Parser.parse(text)
    }

    /// Evaluates the expression against `value`. Throws python's runtime errors: `ArityError`,
    /// `VariadictArityError`, `JMESPathTypeError`, `UnknownFunctionError`, and Python's own
    /// `TypeError`, `ValueError` and `OverflowError` where python jmespath lets those through.
    public func search(_ value: JMESValue) throws(JMESPathError) -> JMESValue {
        try Interpreter.evaluate(root, value)
    }

    /// Compiles `expression` and evaluates it against `value` (python's `jmespath.search`).
    public static func search(_ expression: String, in value: JMESValue) throws(JMESPathError) -> JMESValue {
        try JMESPathExpression(expression).search(value)
    }
}
