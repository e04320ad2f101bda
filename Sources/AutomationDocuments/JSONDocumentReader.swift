import AutomationModel

/// Reads JSON (RFC 8259) into a `DocumentNode`, keeping object member order, which Foundation's parsers drop.
enum JSONDocumentReader {
    static func read(_ content: String) throws(ServiceError) -> DocumentNode {
        var scanner = Scanner(bytes: Array(content.utf8))
        if scanner.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }  // a byte order mark
        scanner.skipWhitespace()
        let node = try scanner.value(depth: 0)
        scanner.skipWhitespace()
        guard scanner.isAtEnd else {
            throw scanner.error("unexpected text after the end of the document")
        }
        return node
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        /// Deep enough for any document; stops hostile input from exhausting the stack.
        static let maximumDepth = 256

        init(bytes: [UInt8]) { self.bytes = bytes }

        var isAtEnd: Bool { index >= bytes.count }
        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        func error(_ problem: String) -> ServiceError {
            var line = 1
            var column = 1
            for byte in bytes[..<min(index, bytes.count)] {
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            return ServiceError(
                .invalidDocumentContent,
                "The document is not valid JSON: \(problem) at line \(line), column \(column). Check for a missing comma, quote or bracket there."
            )
        }

        mutating func value(depth: Int) throws(ServiceError) -> DocumentNode {
            guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
            switch current {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""):
                let text = try string()
                return .scalar(.string(text), text: text)
            case UInt8(ascii: "t"): try literal("true"); return .scalar(.bool(true), text: "true")
            case UInt8(ascii: "f"): try literal("false"); return .scalar(.bool(false), text: "false")
            case UInt8(ascii: "n"): try literal("null"); return .scalar(.null, text: "null")
            case .some(let byte) where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte): return try number()
            case nil: throw error("the document ends where a value was expected")
            default: throw error("expected a value (object, array, string, number, true, false or null)")
            }
        }

        mutating func object(depth: Int) throws(ServiceError) -> DocumentNode {
            index += 1
            var entries: [DocumentNode.Entry] = []
            var seen: Set<String> = []
            skipWhitespace()
            if current == UInt8(ascii: "}") { index += 1; return .mapping([]) }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else { throw error("expected a quoted member name") }
                let keyStart = index
                let key = try string()
                guard seen.insert(key).inserted else {
                    index = keyStart
                    throw error("the member \"\(key)\" appears twice in one object; keep one")
                }
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw error("expected ':' after \"\(key)\"") }
                index += 1
                skipWhitespace()
                entries.append(.init(key: key, value: try value(depth: depth + 1)))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1; return .mapping(entries)
                default: throw error("expected ',' or '}' after the value of \"\(key)\"")
                }
            }
        }

        mutating func array(depth: Int) throws(ServiceError) -> DocumentNode {
            index += 1
            var items: [DocumentNode] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") { index += 1; return .sequence([]) }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"): index += 1; return .sequence(items)
                default: throw error("expected ',' or ']' in an array")
                }
            }
        }

        mutating func literal(_ word: String) throws(ServiceError) {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
                throw error("expected \(word)")
            }
            index += expected.count
        }

        mutating func number() throws(ServiceError) -> DocumentNode {
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            guard let first = current, (0x30...0x39).contains(first) else { throw error("expected digits in a number") }
            if first == UInt8(ascii: "0") { index += 1 } else { skipDigits() }
            if current == UInt8(ascii: ".") {
                index += 1
                guard let digit = current, (0x30...0x39).contains(digit) else { throw error("expected digits after '.'") }
                skipDigits()
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard let digit = current, (0x30...0x39).contains(digit) else { throw error("expected digits in an exponent") }
                skipDigits()
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let number = Double(text) else { throw error("'\(text)' is not a number") }
            return .scalar(.number(number), text: text)
        }

        mutating func skipDigits() {
            while let byte = current, (0x30...0x39).contains(byte) { index += 1 }
        }

        mutating func string() throws(ServiceError) -> String {
            index += 1
            var utf8: [UInt8] = []
            while true {
                guard let byte = current else { throw error("a string is not closed with '\"'") }
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: utf8, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    try escape(into: &utf8)
                case 0x00..<0x20:
                    index -= 1
                    throw error("a control character (such as a raw line break or tab) inside a string; write it as \\n or \\t")
                default:
                    utf8.append(byte)
                }
            }
        }

        mutating func escape(into utf8: inout [UInt8]) throws(ServiceError) {
            guard let byte = current else { throw error("a string ends inside an escape") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hexQuad()
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must pair with a following \u low surrogate.
                    guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error("an unpaired \\u surrogate")
                    }
                    index += 2
                    let low = try hexQuad()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("an unpaired \\u surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw error("an invalid \\u escape") }
                utf8.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                index -= 1
                throw error("an unknown escape '\\\(Character(Unicode.Scalar(byte)))'")
            }
        }

        mutating func hexQuad() throws(ServiceError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = current.flatMap({ Character(Unicode.Scalar($0)).hexDigitValue }) else {
                    throw error("a \\u escape needs four hex digits")
                }
                value = value * 16 + UInt32(digit)
                index += 1
            }
            return value
        }
    }
}
