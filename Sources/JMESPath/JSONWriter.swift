/// Writes JSON as python's `json.dumps(value, separators=(',', ':'))` does: compact, with
/// `ensure_ascii` escaping (lowercase `\uXXXX`, surrogate pairs above U+FFFF), doubles in Python's
/// `repr` form and non-finite doubles as `NaN` / `Infinity` / `-Infinity`.
enum JSONWriter {
    static func write(_ value: JMESValue, to output: inout String) {
        switch value {
        case .null:
            output += "null"
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .integer(let number):
            output += String(number)
        case .double(let number):
            if number.isNaN {
                output += "NaN"
            } else if number.isInfinite {
                output += number < 0 ? "-Infinity" : "Infinity"
            } else {
                output += pythonFloatRepr(number)
            }
        case .string(let text):
            writeString(text, to: &output)
        case .array(let elements):
            output += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output += "," }
                write(element, to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (offset, member) in members.enumerated() {
                if offset > 0 { output += "," }
                writeString(member.key, to: &output)
                output += ":"
                write(member.value, to: &output)
            }
            output += "}"
        case .deferred:
            write(value.resolved, to: &output)
        }
    }

    static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case " "..."~": output.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x10000 {
                    output += "\\u" + hexDigits(scalar.value, width: 4)
                } else {
                    let offset = scalar.value - 0x10000
                    output += "\\u" + hexDigits(0xD800 + (offset >> 10), width: 4)
                    output += "\\u" + hexDigits(0xDC00 + (offset & 0x3FF), width: 4)
                }
            }
        }
        output += "\""
    }
}
