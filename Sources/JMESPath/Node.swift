/// The syntax tree, with the node types of python jmespath's AST (the parser's choices depend on them).
indirect enum Node: Sendable {
    /// `foo`: a member of an object.
    case field(String)
    /// `a.b.c`: each child applied to the previous result.
    case subexpression([Node])
    /// `a[0]`: each child applied to the previous result, like a subexpression.
    case indexExpression([Node])
    case index(Int)
    case slice(start: Int?, stop: Int?, step: Int?)
    /// Applies `right` to each element of the array `left` gives, dropping nulls.
    case projection(left: Node, right: Node)
    /// Applies `right` to each value of the object `left` gives, dropping nulls.
    case valueProjection(left: Node, right: Node)
    /// Like `projection`, for the elements that satisfy `condition`.
    case filterProjection(left: Node, right: Node, condition: Node)
    case flatten(Node)
    /// The value itself, where the grammar leaves a side empty (`[*]`, `a[]`).
    case identity
    /// `@`.
    case current
    case literal(JMESValue)
    case comparison(Comparator, Node, Node)
    case and(Node, Node)
    case or(Node, Node)
    case not(Node)
    case pipe(Node, Node)
    case multiSelectList([Node])
    case multiSelectHash([(key: String, value: Node)])
    case function(FunctionCall)
    /// `&expr`: an expression handed unevaluated to a function such as `sort_by`.
    case expressionReference(Node)
}

enum Comparator: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

    /// The Python operator symbol, used in TypeError messages.
    var symbol: String {
        switch self {
        case .equal: "=="
        case .notEqual: "!="
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        }
    }
}

/// A function call. The builtin is looked up once at compile time; an unknown name is only an
/// error when the call is evaluated, as in python.
struct FunctionCall: Sendable {
    let name: String
    let builtin: BuiltinFunction?
    let signature: Signature?
    let arguments: [Node]

    init(name: String, arguments: [Node]) {
        self.name = name
        self.builtin = BuiltinFunction(rawValue: name)
        self.signature = builtin?.signature
        self.arguments = arguments
    }
}
