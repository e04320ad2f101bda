/// A function argument: a value, or an expression reference (`&expr`) for functions such as `sort_by`.
enum Argument {
    case value(JMESValue)
    case expression(Node)

    /// The argument as a value; an expression reference reads as null.
    var value: JMESValue {
        if case .value(let value) = self { return value }
        return .null
    }

    var pythonTypeName: String {
        switch self {
        case .value(let value): JMESPath.pythonTypeName(value)
        case .expression: "_Expression"
        }
    }

    /// Python's `str()` of the argument. Python prints an expression reference with its memory address.
    var pythonText: String {
        switch self {
        case .value(let value): pythonStr(value)
        case .expression: "<jmespath.visitor._Expression object>"
        }
    }
}

/// The built-in functions, named as in expressions.
enum BuiltinFunction: String, Sendable, CaseIterable {
    case abs, avg, ceil, contains, floor, join, keys, length, map, max, merge, min, reverse, sort, sum, type, values
    case endsWith = "ends_with"
    case maxBy = "max_by"
    case minBy = "min_by"
    case notNull = "not_null"
    case sortBy = "sort_by"
    case startsWith = "starts_with"
    case toArray = "to_array"
    case toNumber = "to_number"
    case toString = "to_string"

    /// Python jmespath's `@signature`: for each parameter the accepted types, written as it writes
    /// them (they appear in error messages); an empty list accepts anything. Built once per call
    /// site, when the expression is compiled.
    var signature: Signature {
        let written: [[String]] =
            switch self {
            case .abs, .ceil, .floor: [["number"]]
            case .avg, .sum: [["array-number"]]
            case .notNull, .toArray, .toString, .toNumber, .type: [[]]
            case .contains: [["array", "string"], []]
            case .length: [["string", "array", "object"]]
            case .endsWith, .startsWith: [["string"], ["string"]]
            case .reverse: [["array", "string"]]
            case .join: [["string"], ["array-string"]]
            case .map: [["expref"], ["array"]]
            case .max, .min: [["array-number", "array-string"]]
            case .merge, .keys, .values: [["object"]]
            case .sort: [["array-string", "array-number"]]
            case .sortBy, .minBy, .maxBy: [["array"], ["expref"]]
            }
        return Signature(
            function: rawValue, parameters: written.map(Parameter.init), isVariadic: self == .notNull || self == .merge)
    }
}

/// What a function accepts, checked as python jmespath's `_validate_arguments` does.
struct Signature: Sendable {
    let function: String
    let parameters: [Parameter]
    /// Whether the last parameter repeats.
    let isVariadic: Bool

    /// The arity, then each declared parameter's type. The extra arguments of a variadic
    /// function are not type-checked.
    func validate(_ arguments: [Argument]) throws(JMESPathError) {
        if isVariadic ? arguments.count < parameters.count : arguments.count != parameters.count {
            throw .arity(function: function, expected: parameters.count, received: arguments.count, variadic: isVariadic)
        }
        for (argument, parameter) in zip(arguments, parameters) where !parameter.written.isEmpty {
            try parameter.check(argument, in: function)
        }
    }
}

/// One parameter's accepted types, as python type names (python checks `type(value).__name__`).
struct Parameter: Sendable {
    let written: [String]
    let allowed: PythonTypes
    /// For array types, the element types (`array-number`); one group must hold for all elements.
    let elementGroups: [PythonTypes]

    init(_ written: [String]) {
        self.written = written
        var allowed: PythonTypes = []
        var elementGroups: [PythonTypes] = []
        for type in written {
            let parts = type.split(separator: "-", maxSplits: 1)
            allowed.formUnion(PythonTypes(jmespathType: parts[0]))
            if parts.count == 2 { elementGroups.append(PythonTypes(jmespathType: parts[1])) }
        }
        self.allowed = allowed
        self.elementGroups = elementGroups
    }

    func check(_ argument: Argument, in function: String) throws(JMESPathError) {
        guard allowed.contains(PythonTypes(of: argument)) else {
            throw .invalidType(
                function: function, value: argument.pythonText,
                received: jmespathTypeName(pythonType: argument.pythonTypeName), expected: written)
        }
        guard !elementGroups.isEmpty, case .value(.array(let elements)) = argument else { return }
        // As in python, element errors name the Python type ("str"), not the JMESPath one.
        var required = elementGroups[0]
        if elementGroups.count > 1 {
            // The first element picks which of the element types the rest must have.
            guard let first = elements.first else { return }
            let firstType = PythonTypes(of: .value(first))
            guard let group = elementGroups.first(where: { $0.contains(firstType) }) else {
                throw .invalidType(
                    function: function, value: pythonStr(first), received: pythonTypeName(first), expected: written)
            }
            required = group
        }
        for element in elements where !required.contains(PythonTypes(of: .value(element))) {
            throw .invalidType(
                function: function, value: pythonStr(element), received: pythonTypeName(element), expected: written)
        }
    }
}

/// A set of Python types, for checking arguments without building strings.
struct PythonTypes: OptionSet, Sendable {
    let rawValue: UInt8

    static let none = PythonTypes(rawValue: 1 << 0)
    static let bool = PythonTypes(rawValue: 1 << 1)
    static let int = PythonTypes(rawValue: 1 << 2)
    static let float = PythonTypes(rawValue: 1 << 3)
    static let str = PythonTypes(rawValue: 1 << 4)
    static let list = PythonTypes(rawValue: 1 << 5)
    static let dict = PythonTypes(rawValue: 1 << 6)
    static let expression = PythonTypes(rawValue: 1 << 7)

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The Python type of the argument.
    init(of argument: Argument) {
        switch argument {
        case .expression: self = .expression
        case .value(.null): self = .none
        case .value(.bool): self = .bool
        case .value(.integer): self = .int
        case .value(.double): self = .float
        case .value(.string): self = .str
        case .value(.array): self = .list
        case .value(.object): self = .dict
        case .value(.deferred(let value)): self = value.isArray ? .list : .dict
        }
    }

    /// Python jmespath's REVERSE_TYPES_MAP: the Python types a JMESPath type name covers.
    init(jmespathType: Substring) {
        switch jmespathType {
        case "boolean": self = .bool
        case "array": self = .list
        case "object": self = .dict
        case "null": self = .none
        case "string": self = .str
        case "number": self = [.int, .float]
        case "expref": self = .expression
        default: self = []
        }
    }
}

/// Python jmespath's TYPES_MAP: the JMESPath type of a Python type name.
func jmespathTypeName(pythonType: String) -> String {
    switch pythonType {
    case "bool": "boolean"
    case "list": "array"
    case "dict": "object"
    case "NoneType": "null"
    case "str": "string"
    case "float", "int": "number"
    case "_Expression": "expref"
    default: "unknown"
    }
}
