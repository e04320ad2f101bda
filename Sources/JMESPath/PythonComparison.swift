// Equality and ordering with Python's rules: integers and doubles compare exactly by value
// (`1 == 1.0`), strings by code point, dicts as unordered maps.

extension JMESValue: Equatable {
    /// Python equality, except that booleans never equal numbers (Python has `True == 1`; JMESPath
    /// does not at the top level). Objects compare as unordered maps.
    public static func == (left: JMESValue, right: JMESValue) -> Bool {
        valuesEqual(left, right, booleansAreNumbers: false)
    }
}

/// Python's `==`. With `booleansAreNumbers`, `True == 1` and `False == 0.0` as in Python, which
/// is what python jmespath gives inside arrays and objects (`[0] == [false]` is true there).
func valuesEqual(_ left: JMESValue, _ right: JMESValue, booleansAreNumbers: Bool) -> Bool {
    switch (left.resolved, right.resolved) {
    case (.null, .null):
        return true
    case (.bool(let a), .bool(let b)):
        return a == b
    case (.string(let a), .string(let b)):
        return sameCodePoints(a, b)
    case (.array(let a), .array(let b)):
        guard a.count == b.count else { return false }
        for index in a.indices where !valuesEqual(a[index], b[index], booleansAreNumbers: booleansAreNumbers) {
            return false
        }
        return true
    case (.object(let a), .object(let b)):
        return objectsEqual(a, b, booleansAreNumbers: booleansAreNumbers)
    default:
        guard let a = numericValue(left, booleansAreNumbers: booleansAreNumbers),
            let b = numericValue(right, booleansAreNumbers: booleansAreNumbers)
        else { return false }
        return compareNumbers(a, b) == 0
    }
}

/// The equality of python jmespath's `==` comparator: Python equality, but a number never equals a boolean.
func comparatorEquals(_ left: JMESValue, _ right: JMESValue) -> Bool {
    switch (left, right) {
    case (.bool, .integer), (.bool, .double), (.integer, .bool), (.double, .bool):
        return false
    default:
        return valuesEqual(left, right, booleansAreNumbers: true)
    }
}

private func objectsEqual(
    _ a: [(key: String, value: JMESValue)], _ b: [(key: String, value: JMESValue)], booleansAreNumbers: Bool
) -> Bool {
    guard a.count == b.count else { return false }
    if a.count > 16 {
        let other = OrderedMembers(b)
        return a.allSatisfy { member in
            guard let position = other.position(of: member.key) else { return false }
            return valuesEqual(member.value, other.list[position].value, booleansAreNumbers: booleansAreNumbers)
        }
    }
    return a.allSatisfy { member in
        guard let match = b.first(where: { sameCodePoints($0.key, member.key) }) else { return false }
        return valuesEqual(member.value, match.value, booleansAreNumbers: booleansAreNumbers)
    }
}

/// A number as Python holds it.
enum Number {
    case integer(Int)
    case double(Double)
}

func numericValue(_ value: JMESValue, booleansAreNumbers: Bool = false) -> Number? {
    switch value {
    case .integer(let number): .integer(number)
    case .double(let number): .double(number)
    case .bool(let flag) where booleansAreNumbers: .integer(flag ? 1 : 0)
    default: nil
    }
}

/// -1, 0 or 1 as Python orders the two numbers exactly (no rounding of large integers);
/// nil when a NaN makes them unordered.
func compareNumbers(_ left: Number, _ right: Number) -> Int? {
    switch (left, right) {
    case (.integer(let a), .integer(let b)):
        return a < b ? -1 : (a > b ? 1 : 0)
    case (.double(let a), .double(let b)):
        if a.isNaN || b.isNaN { return nil }
        return a < b ? -1 : (a > b ? 1 : 0)
    case (.integer(let a), .double(let b)):
        return compareIntegerToDouble(a, b)
    case (.double(let a), .integer(let b)):
        return compareIntegerToDouble(b, a).map { -$0 }
    }
}

private func compareIntegerToDouble(_ integer: Int, _ double: Double) -> Int? {
    if double.isNaN { return nil }
    // 2^63 is exactly representable; every Int lies in [-2^63, 2^63).
    if double >= 9_223_372_036_854_775_808.0 { return -1 }
    if double < -9_223_372_036_854_775_808.0 { return 1 }
    let whole = truncatedTowardZero(double)
    let wholeInteger = Int(whole)
    if integer != wholeInteger { return integer < wholeInteger ? -1 : 1 }
    let fraction = double - whole
    return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0)
}

/// Python's `left < right` for two numbers or two strings (nil for any other pair, which Python
/// rejects with a TypeError the caller reports).
func pythonLess(_ left: JMESValue, _ right: JMESValue) -> Bool? {
    if case .string(let a) = left, case .string(let b) = right { return precedesByCodePoint(a, b) }
    guard let a = numericValue(left), let b = numericValue(right) else { return nil }
    return compareNumbers(a, b) == -1
}

/// `number.rounded(.towardZero)` for a finite double, without libm (which this module does not link).
func truncatedTowardZero(_ number: Double) -> Double {
    // From 2^52 on every double is a whole number; below it the conversion through Int is exact.
    number.magnitude < 4_503_599_627_370_496.0 ? Double(Int(number)) : number
}
