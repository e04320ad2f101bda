/// Token kinds, named as python jmespath names them (its error messages print these names).
enum TokenKind: String, Sendable {
    case eof
    case unquotedIdentifier = "unquoted_identifier"
    case quotedIdentifier = "quoted_identifier"
    case literal
    case rbracket, rparen, comma, rbrace, number, current, expref, colon
    case pipe, or, and
    case eq, gt, lt, gte, lte, ne
    case flatten, star, filter, dot, not, lbrace, lbracket, lparen

    /// Python jmespath's binding powers. Tokens below `projectionStop` end a projection.
    var bindingPower: Int {
        switch self {
        case .eof, .unquotedIdentifier, .quotedIdentifier, .literal, .rbracket, .rparen, .comma,
            .rbrace, .number, .current, .expref, .colon:
            0
        case .pipe: 1
        case .or: 2
        case .and: 3
        case .eq, .gt, .lt, .gte, .lte, .ne: 5
        case .flatten: 9
        case .star: 20
        case .filter: 21
        case .dot: 40
        case .not: 45
        case .lbrace: 50
        case .lbracket: 55
        case .lparen: 60
        }
    }

    static let projectionStop = 10
}

/// What a token carries besides its kind.
enum TokenValue: Sendable {
    /// The source text, or the decoded name of an identifier.
    case text(String)
    /// A number token; `display` is Python's `str(int(text))`, which drops leading zeros.
    case number(Int, display: String)
    case literal(JMESValue)
}

struct Token: Sendable {
    let kind: TokenKind
    let value: TokenValue
    /// Position in code points (Python string indices), used in error messages.
    let start: Int

    /// Python's `str(token['value'])`, as error messages print it.
    var displayValue: String {
        switch value {
        case .text(let text): text
        case .number(_, let display): display
        case .literal(let literal): pythonStr(literal)
        }
    }

    var text: String {
        if case .text(let text) = value { return text }
        return displayValue
    }

    var number: Int {
        if case .number(let number, _) = value { return number }
        return 0
    }
}
