/// Evaluates a syntax tree against a value, following python jmespath's `TreeInterpreter`.
///
/// `evaluate` only dispatches: each node kind has its own function, so the frame that every
/// nesting level puts on the stack stays small (unoptimized builds reserve room for all locals).
enum Interpreter {
    static func evaluate(_ node: Node, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        // One call site, with the rule looked up in a table: every nesting level repeats this frame,
        // and unoptimized builds reserve stack for every call's temporaries.
        // Values arrive and leave with their top level expanded, so the rules below never see `.deferred`
        // at the top; only what they read inside a value (elements, members) may still be deferred.
        try rule(for: node)(node, value.resolved).resolved
    }

    private typealias Rule = (Node, JMESValue) throws(JMESPathError) -> JMESValue

    private static func rule(for node: Node) -> Rule {
        switch node {
        case .identity, .current: { _, value in value }
        case .field: field
        case .subexpression, .indexExpression: chain
        case .index: index
        case .slice: slice
        case .projection: projection
        case .valueProjection: valueProjection
        case .filterProjection: filterProjection
        case .flatten: flatten
        case .literal: { node, _ in literal(node) }
        case .comparison: comparison
        case .and: and
        case .or: or
        case .not: not
        case .pipe: pipe
        case .multiSelectList: multiSelectList
        case .multiSelectHash: multiSelectHash
        case .function: callFunction
        // Python returns an internal object here that it cannot print; only functions use exprefs.
        case .expressionReference: { _, _ in .null }
        }
    }

    private static func field(_ node: Node, _ value: JMESValue) -> JMESValue {
        guard case .field(let name) = node, case .object(let members) = value else { return .null }
        for member in members where sameCodePoints(member.key, name) { return member.value }
        return .null
    }

    private static func literal(_ node: Node) -> JMESValue {
        guard case .literal(let literal) = node else { return .null }
        return literal
    }

    /// No short cut on null: python applies every step (`missing.to_string(@)` is "null").
    @inline(never)
    private static func chain(_ node: Node, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        let children: [Node]
        switch node {
        case .subexpression(let steps), .indexExpression(let steps): children = steps
        default: return .null
        }
        var result = value
        for child in children { result = try evaluate(child, result) }
        return result
    }

    private static func index(_ node: Node, _ value: JMESValue) -> JMESValue {
        guard case .index(let position) = node, case .array(let elements) = value else { return .null }
        let resolved = position < 0 ? position + elements.count : position
        return elements.indices.contains(resolved) ? elements[resolved] : .null
    }

    @inline(never)
    private static func projection(_ node: Node, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        guard case .projection(let left, let right) = node,
            case .array(let base) = try evaluate(left, value)
        else { return .null }
        return .array(try project(base, through: right))
    }

    @inline(never)
    private static func valueProjection(_ node: Node, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        guard case .valueProjection(let left, let right) = node,
            case .object(let members) = try evaluate(left, value)
        else { return .null }
        return .array(try project(members.map(\.value), through: right))
    }

    private static func project(_ base: [JMESValue], through right: Node) throws(JMESPathError) -> [JMESValue] {
        if case .identity = right { return base.filter { if case .null = $0 { false } else { true } } }
        var collected: [JMESValue] = []
        collected.reserveCapacity(base.count)
        for element in base {
            let result = try evaluate(right, element)
            if case .null = result { continue }
            collected.append(result)
        }
        return collected
    }

    @inline(never)
    private static func filterProjection(_ node: Node, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        guard case .filterProjection(let left, let right, let condition) = node,
            case .array(let base) = try evaluate(left, value)
        else { return .null }
        var collected: [JMESValue] = []
        for element in base where isTruthy(try evaluate(condition, element)) {
            let result = try evaluate(right, element)
            if case .null = result { continue }
            collected.append(result)
        }
        return .array(collected)
    }

    @inline(never)
    private static func flatten(_ node: Node, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        guard case .flatten(let inner) = node, case .array(let base) = try evaluate(inner, value) else { return .null }
        var merged: [JMESValue] = []
        merged.reserveCapacity(base.count)
        for element in base {
            if case .array(let nested) = element.resolved {
                merged.append(contentsOf: nested)
            } else {
                merged.append(element)
            }
        }
        return .array(merged)
    }

    @inline(never)
    private static func and(_ node: Node, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        guard case .and(let left, let right) = node else { return .null }
        let first = try evaluate(left, value)
        return isTruthy(first) ? try evaluate(right, value) : first
    }

    @inline(never)
    private static func or(_ node: Node, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        guard case .or(let left, let right) = node else { return .null }
        let first = try evaluate(left, value)
        return isTruthy(first) ? first : try evaluate(right, value)
    }

    /// Python's `not`, except that 0 is true in JMESPath: no number is ever negated to true.
    @inline(never)
    private static func not(_ node: Node, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        guard case .not(let inner) = node else { return .null }
        let result = try evaluate(inner, value)
        switch result {
        case .integer, .double: return .bool(false)
        default: return .bool(!isTruthy(result))
        }
    }

    @inline(never)
    private static func pipe(_ node: Node, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        guard case .pipe(let left, let right) = node else { return .null }
        return try evaluate(right, try evaluate(left, value))
    }

    @inline(never)
    private static func multiSelectList(_ node: Node, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        guard case .multiSelectList(let elements) = node else { return .null }
        if case .null = value { return .null }
        var collected: [JMESValue] = []
        collected.reserveCapacity(elements.count)
        for element in elements { collected.append(try evaluate(element, value)) }
        return .array(collected)
    }

    @inline(never)
    private static func multiSelectHash(_ node: Node, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        guard case .multiSelectHash(let pairs) = node else { return .null }
        if case .null = value { return .null }
        var members = OrderedMembers()
        for pair in pairs { members.set(pair.key, try evaluate(pair.value, value)) }
        return .object(members.list)
    }

    /// Python's list slicing, `elements[start:stop:step]`.
    private static func slice(_ node: Node, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        guard case .slice(let start, let stop, let givenStep) = node, case .array(let elements) = value else {
            return .null
        }
        let step = givenStep ?? 1
        if step == 0 { throw JMESPathError(kind: .valueError, description: "slice step cannot be zero") }
        let count = elements.count
        let (lower, upper) = step > 0 ? (0, count) : (-1, count - 1)
        func clamp(_ bound: Int?, default fallback: Int) -> Int {
            guard var bound else { return fallback }
            if bound < 0 {
                bound += count
                return max(bound, lower)
            }
            return min(bound, upper)
        }
        var position = clamp(start, default: step > 0 ? lower : upper)
        let end = clamp(stop, default: step > 0 ? upper : lower)
        var result: [JMESValue] = []
        while step > 0 ? position < end : position > end {
            result.append(elements[position])
            let (next, overflow) = position.addingReportingOverflow(step)
            if overflow { break }
            position = next
        }
        return .array(result)
    }

    @inline(never)
    private static func comparison(_ node: Node, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        guard case .comparison(let comparator, let left, let right) = node else { return .null }
        let first = try evaluate(left, value)
        let second = try evaluate(right, value)
        return try compare(comparator, first, second)
    }

    private static func compare(_ comparator: Comparator, _ left: JMESValue, _ right: JMESValue) throws(JMESPathError) -> JMESValue {
        switch comparator {
        case .equal:
            return .bool(comparatorEquals(left, right))
        case .notEqual:
            return .bool(!comparatorEquals(left, right))
        default:
            // Python jmespath orders numbers and strings; anything else gives null.
            guard isOrderable(left), isOrderable(right) else { return .null }
            let order: Int?
            switch (left, right) {
            case (.string(let a), .string(let b)):
                order = sameCodePoints(a, b) ? 0 : (precedesByCodePoint(a, b) ? -1 : 1)
            default:
                guard let a = numericValue(left), let b = numericValue(right) else {
                    throw .unorderable(comparator.symbol, pythonTypeName(left), pythonTypeName(right))
                }
                order = compareNumbers(a, b)
            }
            guard let order else { return .bool(false) }
            switch comparator {
            case .less: return .bool(order < 0)
            case .lessOrEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        }
    }

    private static func isOrderable(_ value: JMESValue) -> Bool {
        switch value {
        case .integer, .double, .string: true
        default: false
        }
    }

    @inline(never)
    private static func callFunction(_ node: Node, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        guard case .function(let call) = node else { return .null }
        var arguments: [Argument] = []
        arguments.reserveCapacity(call.arguments.count)
        for node in call.arguments {
            if case .expressionReference(let inner) = node {
                arguments.append(.expression(inner))
            } else {
                arguments.append(.value(try evaluate(node, value)))
            }
        }
        guard let builtin = call.builtin, let signature = call.signature else { throw .unknownFunction(call.name) }
        try signature.validate(arguments)
        return try builtin.call(arguments)
    }
}

/// JMESPath truthiness: false, null, and empty strings, arrays and objects are false; numbers are true.
func isTruthy(_ value: JMESValue) -> Bool {
    switch value {
    case .null: false
    case .bool(let flag): flag
    case .integer, .double: true
    case .string(let text): !text.isEmpty
    case .array(let elements): !elements.isEmpty
    case .object(let members): !members.isEmpty
    case .deferred: isTruthy(value.resolved)
    }
}

/// The name of the Python type python jmespath would hold (`type(value).__name__`).
func pythonTypeName(_ value: JMESValue) -> String {
    switch value {
    case .null: "NoneType"
    case .bool: "bool"
    case .integer: "int"
    case .double: "float"
    case .string: "str"
    case .array: "list"
    case .object: "dict"
    case .deferred(let deferred): deferred.isArray ? "list" : "dict"
    }
}
