// The built-in functions, with python jmespath's results: integer results stay integers where
// Python's do (`length`, `ceil`, `floor`, `sum` of integers), ordering is by code point, and
// `max`/`min` return the first of equal elements.

extension BuiltinFunction {
    /// Runs the function on arguments its `Signature` accepted.
    func call(_ arguments: [Argument]) throws(JMESPathError) -> JMESValue {
        let first = argument(0, of: arguments).value
        switch self {
        case .abs:
            switch first {
            case .integer(let number): return number == .min ? .double(-Double(number)) : .integer(Swift.abs(number))
            case .double(let number): return .double(number.magnitude)
            default: return .null
            }
        case .avg:
            let numbers = elements(of: first)
            if numbers.isEmpty { return .null }
            switch pythonSum(numbers) {
            case .integer(let total): return .double(Double(total) / Double(numbers.count))
            case .double(let total): return .double(total / Double(numbers.count))
            default: return .null
            }
        case .ceil:
            return try wholeNumber(first, roundingUp: true)
        case .floor:
            return try wholeNumber(first, roundingUp: false)
        case .contains:
            return .bool(try contains(first, argument(1, of: arguments)))
        case .endsWith:
            return .bool(hasCodePointSuffix(text(of: first), text(of: argument(1, of: arguments).value)))
        case .startsWith:
            return .bool(hasCodePointPrefix(text(of: first), text(of: argument(1, of: arguments).value)))
        case .join:
            let separator = text(of: first)
            return .string(elements(of: argument(1, of: arguments).value).map(text(of:)).joined(separator: separator))
        case .keys:
            return .array(members(of: first).map { .string($0.key) })
        case .values:
            return .array(members(of: first).map(\.value))
        case .length:
            switch first {
            case .string(let text): return .integer(text.unicodeScalars.count)
            case .array(let elements): return .integer(elements.count)
            case .object(let members): return .integer(members.count)
            default: return .null
            }
        case .map:
            guard case .expression(let expression) = argument(0, of: arguments) else { return .null }
            var results: [JMESValue] = []
            for element in elements(of: argument(1, of: arguments).value) {
                results.append(try Interpreter.evaluate(expression, element))
            }
            return .array(results)
        case .max:
            return extreme(elements(of: first), largest: true)
        case .min:
            return extreme(elements(of: first), largest: false)
        case .maxBy:
            return try extreme(arguments, largest: true)
        case .minBy:
            return try extreme(arguments, largest: false)
        case .merge:
            var merged = OrderedMembers()
            for argument in arguments { try pythonDictUpdate(&merged, with: argument) }
            return .object(merged.list)
        case .notNull:
            return arguments.first { if case .null = $0.value { false } else { true } }?.value ?? .null
        case .reverse:
            switch first {
            case .string(let text):
                var reversed = ""
                reversed.unicodeScalars.append(contentsOf: text.unicodeScalars.reversed())
                return .string(reversed)
            case .array(let elements):
                return .array(elements.reversed())
            default:
                return .null
            }
        case .sort:
            let values = elements(of: first)
            return .array(stableSortedIndices(values.count) { pythonLess(values[$0], values[$1]) ?? false }.map { values[$0] })
        case .sortBy:
            return try sortBy(arguments)
        case .sum:
            return pythonSum(elements(of: first))
        case .toArray:
            if case .array = first { return first }
            return .array([first])
        case .toNumber:
            if case .expression = argument(0, of: arguments) {
                throw JMESPathError(
                    kind: .typeError,
                    description: "int() argument must be a string, a bytes-like object or a real number, not '_Expression'")
            }
            switch first {
            case .integer, .double: return first
            case .string(let text):
                if let integer = pythonInt(text) { return .integer(integer) }
                return pythonFloat(text).map(JMESValue.double) ?? .null
            default: return .null
            }
        case .toString:
            if case .string = first { return first }
            return .string(first.jsonText)
        case .type:
            // Python answers None for an expression reference.
            if case .expression = argument(0, of: arguments) { return .null }
            return .string(first.typeName)
        }
    }

    // MARK: - Argument access (arity and types were checked by the signature)

    private func argument(_ position: Int, of arguments: [Argument]) -> Argument {
        position < arguments.count ? arguments[position] : .value(.null)
    }

    private func elements(of value: JMESValue) -> [JMESValue] {
        if case .array(let elements) = value { return elements }
        return []
    }

    private func members(of value: JMESValue) -> [(key: String, value: JMESValue)] {
        if case .object(let members) = value { return members }
        return []
    }

    private func text(of value: JMESValue) -> String {
        if case .string(let text) = value { return text }
        return ""
    }

    // MARK: - Implementations

    /// `ceil` and `floor`: Python's `math.ceil` / `math.floor` return an int, also for a float.
    private func wholeNumber(_ value: JMESValue, roundingUp: Bool) throws(JMESPathError) -> JMESValue {
        guard case .double(let number) = value else { return value }
        if number.isNaN { throw JMESPathError(kind: .valueError, description: "cannot convert float NaN to integer") }
        if number.isInfinite {
            throw JMESPathError(kind: .overflowError, description: "cannot convert float infinity to integer")
        }
        var whole = truncatedTowardZero(number)
        if roundingUp && whole < number { whole += 1 }
        if !roundingUp && whole > number { whole -= 1 }
        // Python's int is unbounded; beyond Int the whole double is the closest this type holds.
        if whole >= -9_223_372_036_854_775_808.0 && whole < 9_223_372_036_854_775_808.0 { return .integer(Int(whole)) }
        return .double(whole)
    }

    /// Python's `search in subject`: list membership with Python equality, or a substring test.
    private func contains(_ subject: JMESValue, _ search: Argument) throws(JMESPathError) -> Bool {
        switch subject {
        case .array(let elements):
            guard case .value(let needle) = search else { return false }
            return elements.contains { valuesEqual($0, needle, booleansAreNumbers: true) }
        case .string(let text):
            guard case .value(.string(let needle)) = search else {
                throw JMESPathError(
                    kind: .typeError,
                    description: "'in <string>' requires string as left operand, not \(search.pythonTypeName)")
            }
            return containsCodePoints(text, needle)
        default:
            return false
        }
    }

    /// Python's `max(values)` / `min(values)`: the first element no later element beats.
    private func extreme(_ values: [JMESValue], largest: Bool) -> JMESValue {
        guard var best = values.first else { return .null }
        for candidate in values.dropFirst() {
            let beats = largest ? pythonLess(best, candidate) : pythonLess(candidate, best)
            if beats == true { best = candidate }
        }
        return best
    }

    /// `max_by` / `min_by`: Python's `max(array, key=...)`, which checks each key as it goes.
    private func extreme(_ arguments: [Argument], largest: Bool) throws(JMESPathError) -> JMESValue {
        guard case .expression(let expression) = argument(1, of: arguments) else { return .null }
        let values = elements(of: argument(0, of: arguments).value)
        guard let first = values.first else { return .null }
        var best = first
        var bestKey = try sortKey(expression, first, allowed: ["number", "string"])
        for candidate in values.dropFirst() {
            let key = try sortKey(expression, candidate, allowed: ["number", "string"])
            let beats = largest ? pythonLess(bestKey, key) : pythonLess(key, bestKey)
            guard let beats else {
                throw .unorderable(largest ? ">" : "<", pythonTypeName(key), pythonTypeName(bestKey))
            }
            if beats {
                best = candidate
                bestKey = key
            }
        }
        return best
    }

    /// `sort_by`: the first key's type (number or string) is the one every key must have.
    private func sortBy(_ arguments: [Argument]) throws(JMESPathError) -> JMESValue {
        guard case .expression(let expression) = argument(1, of: arguments) else { return .null }
        let values = elements(of: argument(0, of: arguments).value)
        guard let first = values.first else { return .array(values) }
        let requiredType = try Interpreter.evaluate(expression, first).typeName
        guard requiredType == "number" || requiredType == "string" else {
            throw .invalidType(function: rawValue, value: pythonStr(first), received: requiredType, expected: ["string", "number"])
        }
        var keys: [JMESValue] = []
        keys.reserveCapacity(values.count)
        for value in values { keys.append(try sortKey(expression, value, allowed: [requiredType])) }
        return .array(stableSortedIndices(values.count) { pythonLess(keys[$0], keys[$1]) ?? false }.map { values[$0] })
    }

    /// Python jmespath's key function: the expression's result, which must have an allowed type.
    private func sortKey(_ expression: Node, _ value: JMESValue, allowed: [String]) throws(JMESPathError) -> JMESValue {
        let key = try Interpreter.evaluate(expression, value)
        guard allowed.contains(key.typeName) else {
            throw .invalidType(function: rawValue, value: pythonStr(key), received: key.typeName, expected: allowed)
        }
        return key
    }
}

/// Python's `sum(numbers)`: integers add exactly, and once a float joins the total is a float.
func pythonSum(_ numbers: [JMESValue]) -> JMESValue {
    var integerTotal = 0
    var doubleTotal: Double?
    for number in numbers {
        switch number {
        case .integer(let value):
            if let total = doubleTotal {
                doubleTotal = total + Double(value)
            } else {
                let (sum, overflow) = integerTotal.addingReportingOverflow(value)
                // Python's int would not overflow; a double is the closest this type holds.
                if overflow { doubleTotal = Double(integerTotal) + Double(value) } else { integerTotal = sum }
            }
        case .double(let value):
            doubleTotal = (doubleTotal ?? Double(integerTotal)) + value
        default:
            continue
        }
    }
    return doubleTotal.map(JMESValue.double) ?? .integer(integerTotal)
}
