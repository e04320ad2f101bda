/// Writes JSON exactly as Python's `json.dumps(value, indent=4, ensure_ascii=False)` does, which is what the
/// AWS CLI prints, so scripts that compare or parse its output see the same bytes. With `ensureASCII` it is
/// `json.dumps`'s default instead (non-ASCII as \u escapes), as the CLI's skeletons are written.
public enum PythonJSONWriter {
    public static func render(_ value: WireJSON, indent: Int = 4, ensureASCII: Bool = false) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(value, level: 0, indent: indent, ensureASCII: ensureASCII, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    // Written as bytes: appending 30,000 small pieces (a listing of 1,000 executions) to a String cost more
    // than the bytes themselves.
    private static func write(_ value: WireJSON, level: Int, indent: Int, ensureASCII: Bool, to output: inout [UInt8]) {
        switch value {
        case .string(let text): appendQuoted(text, ensureASCII: ensureASCII, to: &output)
        case .number(let text): output.append(contentsOf: PythonNumber.repr(text).utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .array(let items):
            guard !items.isEmpty else {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newLine(level: level + 1, indent: indent, to: &output)
                write(item, level: level + 1, indent: indent, ensureASCII: ensureASCII, to: &output)
            }
            newLine(level: level, indent: indent, to: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newLine(level: level + 1, indent: indent, to: &output)
                appendQuoted(member.key, ensureASCII: ensureASCII, to: &output)
                output.append(contentsOf: ": ".utf8)
                write(member.value, level: level + 1, indent: indent, ensureASCII: ensureASCII, to: &output)
            }
            newLine(level: level, indent: indent, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newLine(level: Int, indent: Int, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * indent))
    }

    /// Python escapes the quote, the backslash and control characters, and with ensure_ascii every non-ASCII
    /// character as UTF-16 \u escapes.
    static func quoted(_ text: String, ensureASCII: Bool = false) -> String {
        var bytes: [UInt8] = []
        appendQuoted(text, ensureASCII: ensureASCII, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendQuoted(_ text: String, ensureASCII: Bool, to output: inout [UInt8]) {
        // Most text needs no escape: copied whole.
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && !(ensureASCII && byte > 0x7E)
        }
        if plain {
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: text.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        output.append(contentsOf: escaped(text, ensureASCII: ensureASCII).utf8)
    }

    private static func escaped(_ text: String, ensureASCII: Bool) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case _ where scalar.value < 0x20 || (ensureASCII && scalar.value > 0x7E):
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// Numbers as Python prints what `json.loads` made of them: integers as written, anything with a fraction or
/// exponent as a float's shortest repr (`1.0`, `1763770226.48`, `1e+16`).
enum PythonNumber {
    static func repr(_ literal: String) -> String {
        let isFloat = literal.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        guard isFloat else { return literal.hasPrefix("+") ? String(literal.dropFirst()) : literal }
        guard let value = Double(literal) else { return literal }
        return floatRepr(value)
    }

    static func floatRepr(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description has the same shortest round-trip digits as Python's repr. In fixed notation it is
        // Python's repr as it is (Swift writes fixed notation for a part of the range where Python does, up to
        // 2^53 rather than 1e16); only exponent notation needs laying out again. Nearly every number a listing
        // prints is a time in fixed notation.
        let description = value.description
        if !description.utf8.contains(UInt8(ascii: "e")) { return description }
        return pythonLayout(description)
    }

    /// Swift's description of a finite, non-zero double laid out as Python's repr lays out the same digits.
    static func pythonLayout(_ description: String) -> String {
        let (negative, digits, exponent) = decompose(description)
        let sign = negative ? "-" : ""
        // Python uses fixed notation for 1e-4 <= |x| < 1e16, with the decimal point at `exponent` digits.
        if exponent >= -4 && exponent < 16 {
            if exponent < 0 {
                return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
            }
            let whole = exponent + 1
            if digits.count <= whole {
                return sign + digits + String(repeating: "0", count: whole - digits.count) + ".0"
            }
            return sign + digits.prefix(whole) + "." + digits.dropFirst(whole)
        }
        let mantissa = digits.count == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst()
        let exponentText = String(abs(exponent))
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exponentText.count < 2 ? "0" : "") + exponentText
    }

    /// The significant digits (no leading or trailing zeros) and the decimal exponent of the first digit.
    static func decompose(_ text: String) -> (negative: Bool, digits: String, exponent: Int) {
        var body = Substring(text)
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        var exponentPart = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponentPart = Int(body[body.index(after: e)...]) ?? 0
            body = body[..<e]
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var all = integer + fraction
        var exponent = integer.count - 1 + exponentPart
        while all.hasPrefix("0") && all.count > 1 {
            all.removeFirst()
            exponent -= 1
        }
        while all.hasSuffix("0") && all.count > 1 { all.removeLast() }
        return (negative, all, exponent)
    }
}
