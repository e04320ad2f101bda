/// An error from compiling or evaluating an expression, carrying the class name and the
/// `str(exception)` text that python jmespath 1.1.0 gives for the same input, since the AWS CLI
/// prints those.
public struct JMESPathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Python exception class. The first eight are python jmespath's own; the last three are
    /// Python built-in exceptions that python jmespath lets escape for some inputs.
    public enum Kind: String, Sendable, CaseIterable {
        case lexerError = "LexerError"
        case parseError = "ParseError"
        case incompleteExpression = "IncompleteExpressionError"
        case emptyExpression = "EmptyExpressionError"
        case arity = "ArityError"
        case variadicArity = "VariadictArityError"
        case invalidType = "JMESPathTypeError"
        case unknownFunction = "UnknownFunctionError"
        /// Python's `TypeError`, e.g. ordering a string against a number.
        case typeError = "TypeError"
        /// Python's `ValueError`, e.g. a slice step of zero.
        case valueError = "ValueError"
        /// Python's `OverflowError`, e.g. `ceil` of infinity.
        case overflowError = "OverflowError"

        /// The Python class name, e.g. `LexerError`.
        public var pythonClassName: String { rawValue }

        /// True for the errors python reports while compiling (all subclasses of `ParseError`,
        /// plus `EmptyExpressionError`). Arity errors are `ParseError`s in Python too, but are only
        /// raised when the function is called.
        public var isSyntaxError: Bool {
            switch self {
            case .lexerError, .parseError, .incompleteExpression, .emptyExpression: true
            default: false
            }
        }
    }

    public let kind: Kind
    /// Python's `str(exception)`.
    public let description: String

    public init(kind: Kind, description: String) {
        self.kind = kind
        self.description = description
    }
}

extension JMESPathError {
    static func lexer(_ message: String, position: Int, expression: String) -> JMESPathError {
        let caret = String(repeating: " ", count: position) + "^"
        return JMESPathError(
            kind: .lexerError, description: "Bad jmespath expression: \(message):\n\(expression)\n\(caret)")
    }

    static func parse(_ message: String, token: Token, position: Int? = nil, expression: String) -> JMESPathError {
        let column = position ?? token.start
        let caret = String(repeating: " ", count: column + 1) + "^"
        return JMESPathError(
            kind: .parseError,
            description: "\(message): Parse error at column \(column), token \"\(token.displayValue)\" "
                + "(\(token.kind.rawValue.uppercased())), for expression:\n\"\(expression)\"\n\(caret)")
    }

    static func incomplete(expression: String) -> JMESPathError {
        let caret = String(repeating: " ", count: expression.unicodeScalars.count + 1) + "^"
        return JMESPathError(
            kind: .incompleteExpression,
            description: "Invalid jmespath expression: Incomplete expression:\n\"\(expression)\"\n\(caret)")
    }

    static let empty = JMESPathError(
        kind: .emptyExpression, description: "Invalid JMESPath expression: cannot be empty.")

    static func arity(function: String, expected: Int, received: Int, variadic: Bool) -> JMESPathError {
        let noun = expected == 1 ? "argument" : "arguments"
        return JMESPathError(
            kind: variadic ? .variadicArity : .arity,
            description: "Expected \(variadic ? "at least " : "")\(expected) \(noun) for function \(function)(), "
                + "received \(received)")
    }

    /// `value` is Python's `str()` of the offending value; `received` a JMESPath or Python type name.
    static func invalidType(function: String, value: String, received: String, expected: [String]) -> JMESPathError {
        JMESPathError(
            kind: .invalidType,
            description: "In function \(function)(), invalid type for value: \(value), "
                + "expected one of: \(pythonListRepr(expected)), received: \"\(received)\"")
    }

    static func unknownFunction(_ name: String) -> JMESPathError {
        JMESPathError(kind: .unknownFunction, description: "Unknown function: \(name)()")
    }

    /// Python's TypeError for `<`, `<=`, `>` or `>=` between values it cannot order.
    static func unorderable(_ symbol: String, _ left: String, _ right: String) -> JMESPathError {
        JMESPathError(
            kind: .typeError,
            description: "'\(symbol)' not supported between instances of '\(left)' and '\(right)'")
    }
}
