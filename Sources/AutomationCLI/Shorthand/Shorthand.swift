import AutomationModel

/// awscli's shorthand syntax (`Key=value,Other=[a,b]`), parsed exactly as `awscli.shorthand.ShorthandParser`
/// parses it: objects, lists and strings only; the model-driven conversions happen in `ParameterInput`.
public enum Shorthand {
    public static func parse(_ text: String) throws(ShorthandError) -> JSONValue {
        var parser = ShorthandParser(text)
        return try parser.parameter()
    }
}

/// A line-by-line port of awscli/shorthand.py's recursive descent parser, over Unicode scalars because Python
/// indexes strings by code point. Its backtracking and the flag for `key@=file://…` are kept as they are there.
struct ShorthandParser {
    private let text: String
    private let input: [Unicode.Scalar]
    private var index = 0
    private var resolvesParamFiles = false

    init(_ text: String) {
        self.text = text
        self.input = Array(text.unicodeScalars)
    }

    /// parameter = keyval *("," keyval)
    mutating func parameter() throws(ShorthandError) -> JSONValue {
        var parameters: [String: JSONValue] = [:]
        let (firstKey, firstValue) = try keyValue()
        parameters[firstKey] = firstValue
        var lastIndex = index
        while index < input.count {
            try expect(",", consumingWhitespace: true)
            let (key, value) = try keyValue()
            if parameters[key] != nil {
                throw ShorthandError(kind: .duplicateKey(key), input: text, index: lastIndex + 1)
            }
            parameters[key] = value
            lastIndex = index
        }
        return .object(parameters)
    }

    /// keyval = key "=" [values] / key "@=" [file-optional-values]
    private mutating func keyValue() throws(ShorthandError) -> (String, JSONValue) {
        let key = self.key()
        try expectEqualsOrFileEquals()
        return (key, try values())
    }

    private mutating func expectEqualsOrFileEquals() throws(ShorthandError) {
        resolvesParamFiles = false
        do {
            try expect("@", consumingWhitespace: true)
            resolvesParamFiles = true
        } catch {
            // No "@": a plain "=". The whitespace skipped looking for "@" stays skipped, as in awscli.
        }
        try expect("=", consumingWhitespace: true)
    }

    private mutating func key() -> String {
        let start = index
        while index < input.count, ShorthandCharacters.isKey(input[index]) { index += 1 }
        return string(input[start..<index])
    }

    /// values = csv-list / explicit-list / hash-literal
    private mutating func values() throws(ShorthandError) -> JSONValue {
        if atEOF { return .string("") }
        switch input[index] {
        case "[": return try explicitList()
        case "{": return try hashLiteral()
        default: return try csvValue()
        }
    }

    /// `foo=bar` is "bar"; `foo=bar,baz` is ["bar", "baz"]; in `foo=a,b=c` the list ends before `b`.
    private mutating func csvValue() throws(ShorthandError) -> JSONValue {
        let first = try firstValue()
        consumeWhitespace()
        if atEOF || input[index] != "," { return first }
        try expect(",", consumingWhitespace: true)
        var list = [first]
        while true {
            do {
                let current = try secondValue()
                consumeWhitespace()
                if atEOF {
                    list.append(current)
                    break
                }
                try expect(",", consumingWhitespace: true)
                list.append(current)
            } catch {
                guard case .syntax = error.kind, !atEOF else { throw error }
                // The value was the next key: back up to the comma before it.
                backtrack(to: ",")
                break
            }
        }
        return list.count == 1 ? first : .array(list)
    }

    /// explicit-list = "[" [value *("," value)] "]"
    private mutating func explicitList() throws(ShorthandError) -> JSONValue {
        try expect("[", consumingWhitespace: true)
        var values: [JSONValue] = []
        while current != "]" {
            values.append(try explicitValue())
            consumeWhitespace()
            if current != "]" {
                try expect(",")
                consumeWhitespace()
            }
        }
        try expect("]")
        return .array(values)
    }

    private mutating func explicitValue() throws(ShorthandError) -> JSONValue {
        switch current {
        case "[": return try explicitList()
        case "{": return try hashLiteral()
        default: return try firstValue()
        }
    }

    /// hash-literal = "{" keyval *("," keyval) "}"; a repeated key here keeps the last value, as in awscli.
    private mutating func hashLiteral() throws(ShorthandError) -> JSONValue {
        try expect("{", consumingWhitespace: true)
        var pairs: [String: JSONValue] = [:]
        while current != "}" {
            let key = self.key()
            try expectEqualsOrFileEquals()
            let value = try explicitValue()
            consumeWhitespace()
            if current != "}" {
                try expect(",")
                consumeWhitespace()
            }
            pairs[key] = value
        }
        try expect("}")
        return .object(pairs)
    }

    /// first-value = value / single-quoted-val / double-quoted-val
    private mutating func firstValue() throws(ShorthandError) -> JSONValue {
        switch current {
        case "'": return try quotedValue(quote: "'", regexName: "singled quoted")
        case "\"": return try quotedValue(quote: "\"", regexName: "double quoted")
        default:
            // `_value`: no match is an empty value, not an error.
            guard let end = bareValueEnd(startsWith: ShorthandCharacters.startsWord, continuesWith: ShorthandCharacters.followsFirst)
            else { return .string("") }
            return try bareValue(until: end)
        }
    }

    private mutating func secondValue() throws(ShorthandError) -> JSONValue {
        switch current {
        case "'": return try quotedValue(quote: "'", regexName: "singled quoted")
        case "\"": return try quotedValue(quote: "\"", regexName: "double quoted")
        default:
            guard let end = bareValueEnd(startsWith: ShorthandCharacters.startsWord, continuesWith: ShorthandCharacters.followsSecond)
            else { throw syntaxError(expected: "<second>", actual: "<none>") }
            return try bareValue(until: end)
        }
    }

    /// A bare value: `\,` is a comma, trailing whitespace is dropped.
    private mutating func bareValue(until end: Int) throws(ShorthandError) -> JSONValue {
        let consumed = Array(input[index..<end])
        index = end
        var scalars = Self.replacing(consumed, ["\\", ","], with: [","])
        while let last = scalars.last, ShorthandCharacters.isPythonSpace(last) { scalars.removeLast() }
        return try resolved(string(scalars[...]))
    }

    /// Where `(\\,|[start])(\\,|[follow])*` matching at `index` ends, or nil when it does not match.
    private func bareValueEnd(startsWith: (Unicode.Scalar) -> Bool, continuesWith: (Unicode.Scalar) -> Bool) -> Int? {
        var position = index
        var accepts = startsWith
        while position < input.count {
            if input[position] == "\\", position + 1 < input.count, input[position + 1] == "," {
                position += 2
            } else if accepts(input[position]) {
                position += 1
            } else {
                break
            }
            accepts = continuesWith
        }
        return position == index ? nil : position
    }

    /// `'(?:\\'|[^'])*'`: the greedy match ends at the first unescaped quote; with none, Python's regex backtracks
    /// to the last `\'` and ends the string at its quote.
    private mutating func quotedValue(quote: Unicode.Scalar, regexName: String) throws(ShorthandError) -> JSONValue {
        var position = index + 1
        var lastEscapedQuote: Int?
        var end: Int?
        while position < input.count {
            if input[position] == "\\", position + 1 < input.count, input[position + 1] == quote {
                lastEscapedQuote = position + 1
                position += 2
            } else if input[position] == quote {
                end = position + 1
                break
            } else {
                position += 1
            }
        }
        if end == nil, let escapedQuote = lastEscapedQuote { end = escapedQuote + 1 }
        guard let end else { throw syntaxError(expected: "<\(regexName)>", actual: "<none>") }
        let content = Array(input[(index + 1)..<(end - 1)])
        index = end
        let unescaped = Self.replacing(Self.replacing(content, ["\\", quote], with: [quote]), ["\\", "\\"], with: ["\\"])
        return try resolved(string(unescaped[...]))
    }

    /// After `key@=`, a `file://` value is replaced by the file's text.
    private func resolved(_ value: String) throws(ShorthandError) -> JSONValue {
        guard resolvesParamFiles else { return .string(value) }
        do {
            // Shorthand values are strings: raw bytes would have no member to go to.
            return .string(
                try ParamFile.contents(
                    of: value,
                    binaryRefusal: "Unable to load paramfile \(value): a shorthand value is text; use file:// rather than fileb://."
                ) ?? value)
        } catch {
            throw ShorthandError(kind: .paramFile(error.message), input: text, index: index)
        }
    }

    private mutating func expect(_ character: Unicode.Scalar, consumingWhitespace: Bool = false) throws(ShorthandError) {
        if consumingWhitespace { consumeWhitespace() }
        guard index < input.count else { throw syntaxError(expected: String(character), actual: "EOF") }
        guard input[index] == character else {
            throw syntaxError(expected: String(character), actual: String(input[index]))
        }
        index += 1
        if consumingWhitespace { consumeWhitespace() }
    }

    private func syntaxError(expected: String, actual: String) -> ShorthandError {
        ShorthandError(kind: .syntax(expected: expected, actual: actual), input: text, index: index)
    }

    private var current: Unicode.Scalar? { index < input.count ? input[index] : nil }
    private var atEOF: Bool { index >= input.count }

    private mutating func backtrack(to character: Unicode.Scalar) {
        while index >= 0, input[index] != character { index -= 1 }
    }

    private mutating func consumeWhitespace() {
        while index < input.count, ShorthandCharacters.isASCIIWhitespace(input[index]) { index += 1 }
    }

    private func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    /// Python's `str.replace`: left to right, without overlaps.
    static func replacing(_ scalars: [Unicode.Scalar], _ target: [Unicode.Scalar], with replacement: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var position = 0
        while position < scalars.count {
            if position + target.count <= scalars.count, Array(scalars[position..<(position + target.count)]) == target {
                result += replacement
                position += target.count
            } else {
                result.append(scalars[position])
                position += 1
            }
        }
        return result
    }
}
