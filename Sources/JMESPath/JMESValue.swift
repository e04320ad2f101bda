/// A JSON value, shaped like the Python objects that `jmespath` works on.
///
/// Integers stay apart from doubles (Python prints `3` and `3.0` differently) and object members keep
/// their insertion order (Python dicts are ordered and the AWS CLI prints them in that order).
/// Object keys are expected to be unique; lookups use the first member with a matching key.
public enum JMESValue: Sendable {
    case null
    case bool(Bool)
    /// A whole number. Python's integers are unbounded; values outside `Int` become `.double`.
    case integer(Int)
    case double(Double)
    case string(String)
    case array([JMESValue])
    case object([(key: String, value: JMESValue)])
    /// An array or object still held in its own representation, converted one level at a time as an expression
    /// reaches into it: a query that reads a little of a large answer converts only that little. The
    /// interpreter meets it only nested inside values (`resolved` is applied to every value it evaluates).
    indirect case deferred(any DeferredJMESValue)
}

/// An array or object that becomes a `JMESValue` when the expression first looks inside it.
public protocol DeferredJMESValue: Sendable {
    /// Whether it is an array; otherwise it is an object.
    var isArray: Bool { get }
    /// The value one level down: `.array` or `.object`, whose elements or members may be deferred again.
    func expanded() -> JMESValue
}

extension JMESValue {
    /// The JMESPath type name: `null`, `boolean`, `number`, `string`, `array` or `object`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        case .deferred(let value): value.isArray ? "array" : "object"
        }
    }

    /// The value with a deferred top level expanded; nested values may stay deferred.
    public var resolved: JMESValue {
        guard case .deferred(let value) = self else { return self }
        return value.expanded()
    }

    /// The member named `key` of an object; nil for a missing key or for a value that is not an object.
    public subscript(key: String) -> JMESValue? {
        guard case .object(let members) = resolved else { return nil }
        return members.first { sameCodePoints($0.key, key) }?.value
    }

    /// The value as compact JSON, exactly as python's `json.dumps(value, separators=(',', ':'))` writes it
    /// (what `to_string` returns): non-ASCII escaped as `\uXXXX`, doubles in Python's `repr` form.
    public var jsonText: String {
        var output = ""
        JSONWriter.write(self, to: &output)
        return output
    }

    /// Parses JSON the way python's `json.loads` does: `NaN`, `Infinity` and `-Infinity` are accepted,
    /// numbers with a fraction or exponent become doubles, and a repeated key keeps its first position
    /// with its last value.
    public init(json text: String) throws(JSONSyntaxError) {
        self = try JSONReader.parse(text)
    }
}

extension JMESValue: CustomStringConvertible {
    public var description: String { jsonText }
}

extension JMESValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension JMESValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JMESValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .integer(value) }
}

extension JMESValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension JMESValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JMESValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: JMESValue...) { self = .array(elements) }
}

extension JMESValue: ExpressibleByDictionaryLiteral {
    /// Members keep the order they are written in.
    public init(dictionaryLiteral elements: (String, JMESValue)...) {
        var members = OrderedMembers()
        for (key, value) in elements { members.set(key, value) }
        self = .object(members.list)
    }
}
