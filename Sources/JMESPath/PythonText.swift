// Python's `str()` of the objects python jmespath holds, which its error messages embed
// (e.g. "invalid type for value: [1, 'a']" or a literal token "{'a': True}").

/// Python's `str(value)`: a top-level string is itself; everything else is its `repr`.
func pythonStr(_ value: JMESValue) -> String {
    if case .string(let text) = value { return text }
    var output = ""
    writePythonRepr(value, to: &output)
    return output
}

/// Python's `repr(value)` for the dict/list/str/int/float/bool/None equivalent of `value`.
func writePythonRepr(_ value: JMESValue, to output: inout String) {
    switch value {
    case .null:
        output += "None"
    case .bool(let flag):
        output += flag ? "True" : "False"
    case .integer(let number):
        output += String(number)
    case .double(let number):
        output += pythonFloatRepr(number)
    case .string(let text):
        output += pythonStringRepr(text)
    case .array(let elements):
        output += "["
        for (offset, element) in elements.enumerated() {
            if offset > 0 { output += ", " }
            writePythonRepr(element, to: &output)
        }
        output += "]"
    case .object(let members):
        output += "{"
        for (offset, member) in members.enumerated() {
            if offset > 0 { output += ", " }
            output += pythonStringRepr(member.key)
            output += ": "
            writePythonRepr(member.value, to: &output)
        }
        output += "}"
    case .deferred:
        writePythonRepr(value.resolved, to: &output)
    }
}

/// Python's `repr(str)`: single quotes unless the text has a single quote and no double quote;
/// backslash escapes for the quote, backslash, \t \n \r and non-printable code points.
func pythonStringRepr(_ text: String) -> String {
    let scalars = text.unicodeScalars
    let quote: Unicode.Scalar = scalars.contains("'") && !scalars.contains("\"") ? "\"" : "'"
    var output = String(quote)
    for scalar in scalars {
        switch scalar {
        case quote, "\\":
            output += "\\" + String(scalar)
        case "\t":
            output += "\\t"
        case "\n":
            output += "\\n"
        case "\r":
            output += "\\r"
        default:
            if isPythonPrintable(scalar) {
                output.unicodeScalars.append(scalar)
            } else if scalar.value <= 0xFF {
                output += "\\x" + hexDigits(scalar.value, width: 2)
            } else if scalar.value <= 0xFFFF {
                output += "\\u" + hexDigits(scalar.value, width: 4)
            } else {
                output += "\\U" + hexDigits(scalar.value, width: 8)
            }
        }
    }
    output.unicodeScalars.append(quote)
    return output
}

/// Python's `str.isprintable()` for one code point: everything but the "Other" and "Separator"
/// categories, with the ASCII space allowed.
private func isPythonPrintable(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == " " { return true }
    if scalar.value < 0x7F { return scalar.value >= 0x20 }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned,
        .lineSeparator, .paragraphSeparator, .spaceSeparator:
        return false
    default:
        return true
    }
}

/// Lowercase hexadecimal, zero-padded to `width`.
func hexDigits(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// Python's list `repr` of strings, e.g. `['array-number', 'array-string']`.
func pythonListRepr(_ items: [String]) -> String {
    "[" + items.map(pythonStringRepr).joined(separator: ", ") + "]"
}
