/// Python's `repr(float)`: the shortest digits that read back as the same double (Swift's
/// `description` finds the same digits), laid out by Python's rules: positional notation when
/// the decimal exponent is in -4 ..< 16, else `d.ddde+XX` with at least two exponent digits;
/// a positional whole number ends in `.0`.
func pythonFloatRepr(_ number: Double) -> String {
    if number.isNaN { return "nan" }
    if number.isInfinite { return number < 0 ? "-inf" : "inf" }
    if number == 0 { return number.sign == .minus ? "-0.0" : "0.0" }

    let (digits, pointPosition) = shortestDigits(of: number.magnitude)
    let sign = number < 0 ? "-" : ""
    // `pointPosition` is where the decimal point sits in `digits`: value = 0.DIGITS × 10^pointPosition.
    if pointPosition <= -4 || pointPosition > 16 {
        var mantissa = String(digits[0])
        if digits.count > 1 { mantissa += "." + String(digits[1...]) }
        let exponent = pointPosition - 1
        let exponentDigits = String(exponent.magnitude)
        let padded = exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + padded
    }
    if pointPosition <= 0 {
        return sign + "0." + String(repeating: "0", count: -pointPosition) + String(digits)
    }
    if pointPosition >= digits.count {
        return sign + String(digits) + String(repeating: "0", count: pointPosition - digits.count) + ".0"
    }
    return sign + String(digits[..<pointPosition]) + "." + String(digits[pointPosition...])
}

/// The shortest round-trip digits of a positive finite double, without leading or trailing zeros,
/// and the decimal point position, read off Swift's `description` (e.g. "1.25e-05" or "0.0001").
private func shortestDigits(of number: Double) -> (digits: [Character], pointPosition: Int) {
    let text = number.description
    var mantissa = Substring(text)
    var exponent = 0
    if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = text[..<marker]
        exponent = Int(text[text.index(after: marker)...]) ?? 0
    }
    var digits: [Character] = []
    var pointPosition: Int?
    for character in mantissa {
        if character == "." {
            pointPosition = digits.count
        } else {
            digits.append(character)
        }
    }
    var position = (pointPosition ?? digits.count) + exponent
    while let first = digits.first, first == "0", digits.count > 1 {
        digits.removeFirst()
        position -= 1
    }
    while let last = digits.last, last == "0", digits.count > 1 {
        digits.removeLast()
    }
    return (digits, position)
}
