/// Splits an expression into tokens, a port of python jmespath's `Lexer`, including where it
/// reports positions (in code points) and the wording of its errors.
struct Lexer {
    private let expression: String
    private let characters: [Unicode.Scalar]
    private var position = 0
    private var current: Unicode.Scalar?
    private var tokens: [Token] = []

    static func tokenize(_ expression: String) throws(JMESPathError) -> [Token] {
        var lexer = Lexer(expression: expression)
        try lexer.run()
        return lexer.tokens
    }

    private init(expression: String) {
        self.expression = expression
        self.characters = Array(expression.unicodeScalars)
        self.current = characters.first
    }

    private mutating func run() throws(JMESPathError) {
        if characters.isEmpty { throw .empty }
        while let character = current {
            if let kind = Self.simpleTokens[character] {
                emit(kind, .text(String(character)), start: position)
                advance()
            } else if Self.isIdentifierStart(character) {
                let start = position
                var name = String(character)
                while let next = advance(), Self.isIdentifierPart(next) { name.unicodeScalars.append(next) }
                emit(.unquotedIdentifier, .text(name), start: start)
            } else if Self.whitespace.contains(character) {
                advance()
            } else if character == "[" {
                let start = position
                switch advance() {
                case "]":
                    advance()
                    emit(.flatten, .text("[]"), start: start)
                case "?":
                    advance()
                    emit(.filter, .text("[?"), start: start)
                default:
                    emit(.lbracket, .text("["), start: start)
                }
            } else if character == "'" {
                try readRawString()
            } else if character == "|" {
                matchOrElse("|", .or, .pipe)
            } else if character == "&" {
                matchOrElse("&", .and, .expref)
            } else if character == "`" {
                try readLiteral()
            } else if Self.isDigit(character) {
                let start = position
                emitNumber(readNumber(), start: start)
            } else if character == "-" {
                let start = position
                let text = readNumber()
                guard text.count > 1 else { throw lexerError("Unknown token '-'", at: start) }
                emitNumber(text, start: start)
            } else if character == "\"" {
                try readQuotedIdentifier()
            } else if character == "<" {
                matchOrElse("=", .lte, .lt)
            } else if character == ">" {
                matchOrElse("=", .gte, .gt)
            } else if character == "!" {
                matchOrElse("=", .ne, .not)
            } else if character == "=" {
                if advance() == "=" {
                    emit(.eq, .text("=="), start: position - 1)
                    advance()
                } else {
                    // At the end python never advanced, so the '=' is at the current position.
                    throw lexerError("Unknown token '='", at: current == nil ? position : position - 1)
                }
            } else {
                throw lexerError("Unknown token \(character)", at: position)
            }
        }
        emit(.eof, .text(""), start: characters.count)
    }

    // MARK: - Cursor

    /// Python's `_next`: at the last character the position stays put and `current` becomes nil.
    @discardableResult
    private mutating func advance() -> Unicode.Scalar? {
        if position >= characters.count - 1 {
            current = nil
        } else {
            position += 1
            current = characters[position]
        }
        return current
    }

    private mutating func emit(_ kind: TokenKind, _ value: TokenValue, start: Int) {
        tokens.append(Token(kind: kind, value: value, start: start))
    }

    private mutating func matchOrElse(_ expected: Unicode.Scalar, _ matched: TokenKind, _ otherwise: TokenKind) {
        let start = position
        let first = current.map(String.init) ?? ""
        if advance() == expected {
            advance()
            emit(matched, .text(first + String(expected)), start: start)
        } else {
            emit(otherwise, .text(first), start: start)
        }
    }

    // MARK: - Numbers

    private mutating func readNumber() -> String {
        var text = current.map(String.init) ?? ""
        while let next = advance(), Self.isDigit(next) { text.unicodeScalars.append(next) }
        return text
    }

    /// Python keeps the value as an unbounded int; out-of-range values are clamped, which gives the
    /// same index and slice results. The display text is Python's `str(int(text))`.
    private mutating func emitNumber(_ text: String, start: Int) {
        let negative = text.hasPrefix("-")
        var digits = Substring(negative ? String(text.dropFirst()) : text)
        while digits.count > 1, digits.first == "0" { digits = digits.dropFirst() }
        let isZero = digits == "0"
        let display = (negative && !isZero ? "-" : "") + digits
        let value = Int(display) ?? (negative ? Int.min : Int.max)
        emit(.number, .number(value, display: display), start: start)
    }

    // MARK: - Delimited tokens

    /// Python's `_consume_until`: reads up to an unescaped `delimiter`, keeping each backslash and
    /// the character after it as they are.
    private mutating func readUntil(_ delimiter: Unicode.Scalar) throws(JMESPathError) -> [Unicode.Scalar] {
        let start = position
        var content: [Unicode.Scalar] = []
        advance()
        while current != delimiter {
            if current == "\\" {
                content.append("\\")
                advance()
            }
            guard let character = current else {
                throw lexerError("Unclosed \(delimiter) delimiter", at: start)
            }
            content.append(character)
            advance()
        }
        advance()
        return content
    }

    private mutating func readRawString() throws(JMESPathError) {
        let start = position
        let content = Self.replacing(try readUntil("'"), escaped: "'")
        emit(.literal, .literal(.string(Self.string(content))), start: start)
    }

    private mutating func readLiteral() throws(JMESPathError) {
        let start = position
        let lexeme = Self.string(Self.replacing(try readUntil("`"), escaped: "`"))
        do {
            emit(.literal, .literal(try JSONReader.parse(lexeme)), start: start)
            return
        } catch let failure where failure.message != "Nesting too deep" {
            // Python still accepts the deprecated form: bare text taken as a JSON string.
            var trimmed = Substring(lexeme)
            while let first = trimmed.unicodeScalars.first, pythonWhitespace.contains(first) {
                trimmed = Substring(trimmed.unicodeScalars.dropFirst())
            }
            if let value = try? JSONReader.parse("\"" + trimmed + "\"") {
                emit(.literal, .literal(value), start: start)
                return
            }
        } catch {}
        throw lexerError("Bad token \(lexeme)", at: start)
    }

    private mutating func readQuotedIdentifier() throws(JMESPathError) {
        let start = position
        let lexeme = "\"" + Self.string(try readUntil("\"")) + "\""
        let parsed: JMESValue
        do {
            parsed = try JSONReader.parse(lexeme)
        } catch {
            // Python keeps the part of json's message before the position, e.g. "Invalid \\escape".
            throw lexerError(error.message, at: start)
        }
        guard case .string(let name) = parsed else { throw lexerError("Invalid identifier", at: start) }
        emit(.quotedIdentifier, .text(name), start: start)
    }

    private func lexerError(_ message: String, at position: Int) -> JMESPathError {
        .lexer(message, position: position, expression: expression)
    }

    // MARK: - Character classes

    private static let simpleTokens: [Unicode.Scalar: TokenKind] = [
        ".": .dot, "*": .star, "]": .rbracket, ",": .comma, ":": .colon, "@": .current,
        "(": .lparen, ")": .rparen, "{": .lbrace, "}": .rbrace,
    ]

    private static let whitespace: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r"]

    private static func isIdentifierStart(_ character: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(character) || ("A"..."Z").contains(character) || character == "_"
    }

    private static func isIdentifierPart(_ character: Unicode.Scalar) -> Bool {
        isIdentifierStart(character) || isDigit(character)
    }

    private static func isDigit(_ character: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(character)
    }

    /// Python's `text.replace('\\' + quote, quote)`, applied left to right without overlaps.
    private static func replacing(_ text: [Unicode.Scalar], escaped quote: Unicode.Scalar) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if text[index] == "\\", index + 1 < text.count, text[index + 1] == quote {
                result.append(quote)
                index += 2
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return result
    }

    private static func string(_ scalars: [Unicode.Scalar]) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }
}

/// The characters Python's `str.isspace()` accepts (used by `lstrip`, `strip`, `int()` and `float()`).
let pythonWhitespace: Set<Unicode.Scalar> = [
    "\u{09}", "\u{0A}", "\u{0B}", "\u{0C}", "\u{0D}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{1F}", "\u{20}",
    "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2001}", "\u{2002}", "\u{2003}", "\u{2004}", "\u{2005}",
    "\u{2006}", "\u{2007}", "\u{2008}", "\u{2009}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}",
    "\u{205F}", "\u{3000}",
]
