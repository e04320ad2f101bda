/// A JSON parser with python `json.loads` semantics (see `JMESValue.init(json:)`).
/// It reads UTF-8 bytes; the input came from a Swift `String`, so it is valid UTF-8.
struct JSONReader {
    /// Python's own parser stops with a RecursionError near this depth; this keeps the stack safe.
    static let maximumDepth = 500

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func parse(_ text: String) throws(JSONSyntaxError) -> JMESValue {
        var text = text
        let result: Result<JMESValue, JSONSyntaxError> = text.withUTF8 { buffer in
            var reader = JSONReader(bytes: buffer)
            do throws(JSONSyntaxError) {
                return .success(try reader.readDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private mutating func readDocument() throws(JSONSyntaxError) -> JMESValue {
        skipWhitespace()
        let value = try readValue()
        skipWhitespace()
        if position != bytes.count { throw failure("Extra data") }
        return value
    }

    // MARK: - Values

    private mutating func readValue() throws(JSONSyntaxError) -> JMESValue {
        guard position < bytes.count else { throw failure("Expecting value") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            return try readObject()
        case UInt8(ascii: "["):
            return try readArray()
        case UInt8(ascii: "\""):
            return .string(try readString())
        case UInt8(ascii: "n") where matches("null"):
            return .null
        case UInt8(ascii: "t") where matches("true"):
            return .bool(true)
        case UInt8(ascii: "f") where matches("false"):
            return .bool(false)
        case UInt8(ascii: "N") where matches("NaN"):
            return .double(.nan)
        case UInt8(ascii: "I") where matches("Infinity"):
            return .double(.infinity)
        case UInt8(ascii: "-") where matches("-Infinity"):
            return .double(-.infinity)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try readNumber()
        default:
            throw failure("Expecting value")
        }
    }

    /// Consumes `word` when the input continues with it.
    private mutating func matches(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        let pattern = UnsafeBufferPointer(start: word.utf8Start, count: count)
        for offset in 0..<count where bytes[position + offset] != pattern[offset] { return false }
        position += count
        return true
    }

    private mutating func readObject() throws(JSONSyntaxError) -> JMESValue {
        try enterContainer()
        position += 1
        var members = OrderedMembers()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object([])
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else {
                throw failure("Expecting property name enclosed in double quotes")
            }
            let key = try readString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw failure("Expecting ':' delimiter") }
            position += 1
            skipWhitespace()
            members.set(key, try readValue())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return .object(members.list)
            default:
                throw failure("Expecting ',' delimiter")
            }
        }
    }

    private mutating func readArray() throws(JSONSyntaxError) -> JMESValue {
        try enterContainer()
        position += 1
        var elements: [JMESValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array([])
        }
        while true {
            elements.append(try readValue())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return .array(elements)
            default:
                throw failure("Expecting ',' delimiter")
            }
        }
    }

    private mutating func enterContainer() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw failure("Nesting too deep") }
    }

    /// Python's number pattern `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`: an integer unless a
    /// fraction or exponent follows.
    private mutating func readNumber() throws(JSONSyntaxError) -> JMESValue {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(), isDigit(first) else {
            position = start
            throw failure("Expecting value")
        }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        var isInteger = true
        if peek() == UInt8(ascii: "."), let next = peek(1), isDigit(next) {
            position += 1
            skipDigits()
            isInteger = false
        }
        if let marker = peek(), marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            var lookahead = 1
            if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { lookahead = 2 }
            if let digit = peek(lookahead), isDigit(digit) {
                position += lookahead
                skipDigits()
                isInteger = false
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger, let integer = Int(text) { return .integer(integer) }
        // Integers beyond Int (Python keeps them exact) become the nearest double.
        return .double(Double(text) ?? .nan)
    }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { position += 1 }
    }

    // MARK: - Strings

    /// Reads a string starting at its opening quote, with python's strict rules: control
    /// characters must be escaped. A lone surrogate escape (Python keeps it) becomes U+FFFD,
    /// which a Swift `String` can hold.
    mutating func readString() throws(JSONSyntaxError) -> String {
        let start = position
        position += 1
        let contentStart = position
        // Fast path: no escapes.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<(position - 1)]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            position += 1
        }
        var buffer = Array(bytes[contentStart..<position])
        while true {
            guard position < bytes.count else {
                position = start
                throw failure("Unterminated string starting at")
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte < 0x20 { throw failure("Invalid control character at") }
            if byte != UInt8(ascii: "\\") {
                buffer.append(byte)
                position += 1
                continue
            }
            position += 1
            guard let escape = peek() else {
                position = start
                throw failure("Unterminated string starting at")
            }
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                buffer.append(escape)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                position += 1
                let scalar = try readUnicodeEscape()
                UTF8.encode(scalar) { buffer.append($0) }
                continue
            default:
                throw failure("Invalid \\escape")
            }
            position += 1
        }
    }

    /// Reads the hex digits after `\u` (and a following `\uDCxx` when the first is a high surrogate).
    private mutating func readUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        // Python wants the four digits and at least one more character (the closing quote).
        guard bytes.count - position > 4, let value = hexValue(at: position) else {
            throw failure("Invalid \\uXXXX escape")
        }
        position += 4
        if (0xD800...0xDBFF).contains(value), bytes.count - position > 6,
            bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
        {
            guard let low = hexValue(at: position + 2) else {
                position += 2
                throw failure("Invalid \\uXXXX escape")
            }
            if (0xDC00...0xDFFF).contains(low) {
                position += 6
                let combined = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                return Unicode.Scalar(combined) ?? "\u{FFFD}"
            }
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private func hexValue(at start: Int) -> UInt32? {
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[start + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    // MARK: - Helpers

    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipWhitespace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        {
            position += 1
        }
    }

    private func failure(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, offset: position)
    }
}
