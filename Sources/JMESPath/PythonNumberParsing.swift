// `to_number` calls Python's `int(text)` and then `float(text)`; these follow their rules:
// surrounding whitespace, a sign, `_` between digits, and any Unicode decimal digit are accepted.

/// Python's `int(text)`; nil where Python raises ValueError, or where the value does not fit an `Int`
/// (Python would return an unbounded int; the caller then falls back to `float`).
func pythonInt(_ text: String) -> Int? {
    guard let ascii = asciiDigitsAndSpaces(text) else { return nil }
    var body = trimmedASCIISpaces(ascii)
    var sign = ""
    if let first = body.first, first == "+" || first == "-" {
        sign = first == "-" ? "-" : ""
        body.removeFirst()
    }
    guard let digits = removingUnderscoresBetweenDigits(body), !digits.isEmpty,
        digits.allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    return Int(sign + digits)
}

/// Python's `float(text)`; nil where Python raises ValueError.
func pythonFloat(_ text: String) -> Double? {
    guard let ascii = asciiDigitsAndSpaces(text) else { return nil }
    guard var body = removingUnderscoresBetweenDigits(trimmedASCIISpaces(ascii)) else { return nil }
    var negative = false
    if let first = body.first, first == "+" || first == "-" {
        negative = first == "-"
        body.removeFirst()
    }
    let signed = { (value: Double) in negative ? -value : value }
    switch body.lowercased() {
    case "inf", "infinity": return signed(.infinity)
    case "nan": return signed(.nan)
    default: break
    }
    guard isDecimalLiteral(body), let value = Double(body) else { return nil }
    return signed(value)
}

/// `digits [. digits] [e [sign] digits]` with at least one mantissa digit (`1.`, `.5` and `1e5` are fine).
private func isDecimalLiteral(_ text: String) -> Bool {
    var characters = Substring(text)
    let isDigit = { (character: Character) in character >= "0" && character <= "9" }
    let whole = characters.prefix(while: isDigit)
    characters = characters.dropFirst(whole.count)
    var fraction = Substring()
    if characters.first == "." {
        characters = characters.dropFirst()
        fraction = characters.prefix(while: isDigit)
        characters = characters.dropFirst(fraction.count)
    }
    guard !whole.isEmpty || !fraction.isEmpty else { return false }
    if let marker = characters.first, marker == "e" || marker == "E" {
        characters = characters.dropFirst()
        if let sign = characters.first, sign == "+" || sign == "-" { characters = characters.dropFirst() }
        let exponent = characters.prefix(while: isDigit)
        guard !exponent.isEmpty else { return false }
        characters = characters.dropFirst(exponent.count)
    }
    return characters.isEmpty
}

/// Python's first step for both: Unicode whitespace becomes a space and Unicode decimal digits
/// become ASCII digits; any other non-ASCII character makes the text invalid (nil).
private func asciiDigitsAndSpaces(_ text: String) -> String? {
    var result = ""
    for scalar in text.unicodeScalars {
        if pythonWhitespace.contains(scalar) {
            result += " "
        } else if scalar.isASCII {
            result.unicodeScalars.append(scalar)
        } else if scalar.properties.numericType == .decimal, let digit = scalar.properties.numericValue {
            result.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "0") + UInt8(digit)))
        } else {
            return nil
        }
    }
    return result
}

private func trimmedASCIISpaces(_ text: String) -> String {
    let spaces: Set<Character> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]
    let trimmedFront = text.drop { spaces.contains($0) }
    var end = trimmedFront.endIndex
    while end > trimmedFront.startIndex, spaces.contains(trimmedFront[trimmedFront.index(before: end)]) {
        end = trimmedFront.index(before: end)
    }
    return String(trimmedFront[..<end])
}

/// Drops underscores that sit between two digits; nil when any other underscore appears.
private func removingUnderscoresBetweenDigits(_ text: String) -> String? {
    let characters = Array(text)
    var result = ""
    for (offset, character) in characters.enumerated() {
        guard character == "_" else {
            result.append(character)
            continue
        }
        guard offset > 0, offset + 1 < characters.count,
            characters[offset - 1].isASCII, characters[offset - 1].isNumber,
            characters[offset + 1].isASCII, characters[offset + 1].isNumber
        else { return nil }
    }
    return result
}
