/// A top-down operator precedence (Pratt) parser, a port of python jmespath's `Parser` that keeps
/// its binding powers, its node shapes and its error messages.
struct Parser {
    /// Nesting limit: each nested sub-expression, each projection or dot right-hand side and each
    /// operator chained onto a left side counts one level. Python stops with a RecursionError after
    /// 250 to 500 repetitions of a construct; this accepts at least as much, and keeps parsing and
    /// evaluation, which recurse, within about 0.5 MB of stack in release builds (4 MB unoptimized).
    static let maximumDepth = 1000

    private let expression: String
    private let tokens: [Token]
    /// The tokens' kinds, read on every step without copying whole tokens.
    private let kinds: [TokenKind]
    private var index = 0
    private var depth = 0

    static func parse(_ expression: String) throws(JMESPathError) -> Node {
        var parser = Parser(expression: expression, tokens: try Lexer.tokenize(expression))
        let node = try parser.parseExpression(0)
        if parser.currentKind != .eof {
            let token = parser.token(at: 0)
            throw parser.parseError(token, "Unexpected token: \(token.displayValue)")
        }
        return node
    }

    private init(expression: String, tokens: [Token]) {
        self.expression = expression
        self.tokens = tokens
        self.kinds = tokens.map(\.kind)
    }

    // MARK: - Pratt loop

    // Every nesting level passes through `parseExpression` and a rule, so they are kept to few call
    // sites: unoptimized builds reserve stack for every call's temporaries, and the rules are looked
    // up in tables rather than called from one large switch.

    private mutating func parseExpression(_ bindingPower: Int) throws(JMESPathError) -> Node {
        try deepen()
        let startDepth = depth
        let start = index
        index += 1
        var left = try Self.prefixRule(for: kind(at: -1))(&self, start)
        while bindingPower < currentKind.bindingPower {
            try extend(&left)
        }
        depth = startDepth - 1
        return left
    }

    /// Applies the infix token at the current position to `left`.
    private mutating func extend(_ left: inout Node) throws(JMESPathError) {
        let operatorKind = currentKind
        guard let rule = Self.infixRule(for: operatorKind) else { throw parseError(token(at: 0), "invalid token") }
        // A chain the tree keeps flat (`a.b.c`, `a[0][1]`) costs no depth.
        if !appendsToLeft(operatorKind, left) { try deepen() }
        index += 1
        try rule(&self, &left)
    }

    /// Counts one more level of nesting at the current token.
    private mutating func deepen() throws(JMESPathError) {
        guard depth < Self.maximumDepth else { throw parseError(token(at: 0), "Expression is nested too deeply") }
        depth += 1
    }

    /// Whether the infix rule will add to `left`'s children rather than wrap it in a new node.
    private func appendsToLeft(_ operatorKind: TokenKind, _ left: Node) -> Bool {
        switch (operatorKind, left) {
        case (.dot, .subexpression): kind(at: 1) != .star
        case (.lbracket, .indexExpression): kind(at: 1) == .number || kind(at: 1) == .colon
        default: false
        }
    }

    // MARK: - Prefix rules (python's "nud")

    /// A rule gets the position of its token, which has been consumed.
    private typealias PrefixRule = (inout Parser, Int) throws(JMESPathError) -> Node

    private static func prefixRule(for kind: TokenKind) -> PrefixRule {
        switch kind {
        case .literal: literal
        case .unquotedIdentifier: field
        case .quotedIdentifier: quotedField
        case .star: valueProjection
        case .filter: filter
        case .lbrace: { parser, _ throws(JMESPathError) in try parser.parseMultiSelectHash() }
        case .lparen: parenthesized
        case .flatten: flatten
        case .not: not
        case .lbracket: bracket
        case .current: { _, _ in .current }
        case .expref: expressionReference
        case .eof: { parser, _ throws(JMESPathError) in throw JMESPathError.incomplete(expression: parser.expression) }
        default: { parser, start throws(JMESPathError) in throw parser.parseError(parser.token(at: start - parser.index), "invalid token") }
        }
    }

    private static func literal(_ parser: inout Parser, _ start: Int) -> Node {
        if case .literal(let value) = parser.token(at: start - parser.index).value { return .literal(value) }
        return .literal(.null)
    }

    private static func field(_ parser: inout Parser, _ start: Int) -> Node {
        .field(parser.token(at: start - parser.index).text)
    }

    private static func quotedField(_ parser: inout Parser, _ start: Int) throws(JMESPathError) -> Node {
        if parser.currentKind == .lparen {
            throw parser.parseError(parser.token(at: 0), "Quoted identifier not allowed for function names.", position: 0)
        }
        return .field(parser.token(at: start - parser.index).text)
    }

    private static func valueProjection(_ parser: inout Parser, _ start: Int) throws(JMESPathError) -> Node {
        let right =
            parser.currentKind == .rbracket ? Node.identity : try parser.parseProjectionRight(TokenKind.star.bindingPower)
        return .valueProjection(left: .identity, right: right)
    }

    private static func filter(_ parser: inout Parser, _ start: Int) throws(JMESPathError) -> Node {
        try parser.parseFilter(.identity)
    }

    private static func parenthesized(_ parser: inout Parser, _ start: Int) throws(JMESPathError) -> Node {
        let inner = try parser.parseExpression(0)
        try parser.match(.rparen)
        return inner
    }

    private static func flatten(_ parser: inout Parser, _ start: Int) throws(JMESPathError) -> Node {
        .projection(left: .flatten(.identity), right: try parser.parseProjectionRight(TokenKind.flatten.bindingPower))
    }

    private static func not(_ parser: inout Parser, _ start: Int) throws(JMESPathError) -> Node {
        .not(try parser.parseExpression(TokenKind.not.bindingPower))
    }

    private static func expressionReference(_ parser: inout Parser, _ start: Int) throws(JMESPathError) -> Node {
        .expressionReference(try parser.parseExpression(TokenKind.expref.bindingPower))
    }

    private static func bracket(_ parser: inout Parser, _ start: Int) throws(JMESPathError) -> Node {
        if parser.currentKind == .number || parser.currentKind == .colon {
            return try parser.projectIfSlice(.identity, try parser.parseIndexExpression())
        }
        if parser.currentKind == .star, parser.kind(at: 1) == .rbracket {
            parser.index += 2
            return .projection(left: .identity, right: try parser.parseProjectionRight(TokenKind.star.bindingPower))
        }
        return try parser.parseMultiSelectList()
    }

    // MARK: - Infix rules (python's "led")

    private typealias InfixRule = (inout Parser, inout Node) throws(JMESPathError) -> Void

    /// nil for tokens that bind but cannot follow an expression (`!`, `*`, `{`): python's "invalid token".
    private static func infixRule(for kind: TokenKind) -> InfixRule? {
        switch kind {
        case .dot: dot
        case .pipe: { parser, left throws(JMESPathError) in left = .pipe(left, try parser.parseExpression(1)) }
        case .or: { parser, left throws(JMESPathError) in left = .or(left, try parser.parseExpression(2)) }
        case .and: { parser, left throws(JMESPathError) in left = .and(left, try parser.parseExpression(3)) }
        case .lparen: functionCall
        case .filter: { parser, left throws(JMESPathError) in left = try parser.parseFilter(left) }
        case .eq: { parser, left throws(JMESPathError) in try parser.parseComparison(.equal, &left) }
        case .ne: { parser, left throws(JMESPathError) in try parser.parseComparison(.notEqual, &left) }
        case .gt: { parser, left throws(JMESPathError) in try parser.parseComparison(.greater, &left) }
        case .gte: { parser, left throws(JMESPathError) in try parser.parseComparison(.greaterOrEqual, &left) }
        case .lt: { parser, left throws(JMESPathError) in try parser.parseComparison(.less, &left) }
        case .lte: { parser, left throws(JMESPathError) in try parser.parseComparison(.lessOrEqual, &left) }
        case .flatten: flattenAfter
        case .lbracket: bracketAfter
        default: nil
        }
    }

    private static func dot(_ parser: inout Parser, _ left: inout Node) throws(JMESPathError) {
        guard parser.currentKind != .star else {
            parser.index += 1
            left = .valueProjection(left: left, right: try parser.parseProjectionRight(TokenKind.dot.bindingPower))
            return
        }
        let right = try parser.parseDotRight(TokenKind.dot.bindingPower)
        if case .subexpression(var children) = left {
            left = .identity  // drops the tree's reference so the append happens in place
            children.append(right)
            left = .subexpression(children)
        } else {
            left = .subexpression([left, right])
        }
    }

    private static func flattenAfter(_ parser: inout Parser, _ left: inout Node) throws(JMESPathError) {
        left = .projection(left: .flatten(left), right: try parser.parseProjectionRight(TokenKind.flatten.bindingPower))
    }

    private static func bracketAfter(_ parser: inout Parser, _ left: inout Node) throws(JMESPathError) {
        guard parser.currentKind == .number || parser.currentKind == .colon else {
            try parser.match(.star)
            try parser.match(.rbracket)
            left = .projection(left: left, right: try parser.parseProjectionRight(TokenKind.star.bindingPower))
            return
        }
        let right = try parser.parseIndexExpression()
        // Python appends to an existing index expression, even a slice, without projecting.
        if case .indexExpression(var children) = left {
            left = .identity  // drops the tree's reference so the append happens in place
            children.append(right)
            left = .indexExpression(children)
        } else {
            left = try parser.projectIfSlice(left, right)
        }
    }

    private static func functionCall(_ parser: inout Parser, _ left: inout Node) throws(JMESPathError) {
        guard case .field(let name) = left else {
            let nameToken = parser.token(at: -2)
            throw parser.parseError(nameToken, "Invalid function name '\(nameToken.displayValue)'")
        }
        var arguments: [Node] = []
        // Like python, commas are optional between arguments and one may trail.
        while parser.currentKind != .rparen {
            let argument = try parser.parseExpression(0)
            if parser.currentKind == .comma { try parser.match(.comma) }
            arguments.append(argument)
        }
        try parser.match(.rparen)
        left = .function(FunctionCall(name: name, arguments: arguments))
    }

    private mutating func parseFilter(_ left: Node) throws(JMESPathError) -> Node {
        let condition = try parseExpression(0)
        try match(.rbracket)
        let right = currentKind == .flatten ? Node.identity : try parseProjectionRight(TokenKind.filter.bindingPower)
        return .filterProjection(left: left, right: right, condition: condition)
    }

    private mutating func parseComparison(_ comparator: Comparator, _ left: inout Node) throws(JMESPathError) {
        left = .comparison(comparator, left, try parseExpression(TokenKind.eq.bindingPower))
    }

    // MARK: - Brackets

    private mutating func parseIndexExpression() throws(JMESPathError) -> Node {
        if kind(at: 0) == .colon || kind(at: 1) == .colon { return try parseSliceExpression() }
        let node = Node.index(token(at: 0).number)
        index += 1
        try match(.rbracket)
        return node
    }

    private mutating func parseSliceExpression() throws(JMESPathError) -> Node {
        var parts: [Int?] = [nil, nil, nil]
        var part = 0
        // As in python, a second number in the same part replaces the first (`[0:2 3]` is `[0:3]`).
        while currentKind != .rbracket && part < 3 {
            switch currentKind {
            case .colon:
                part += 1
                if part == 3 { throw parseError(token(at: 0), "syntax error") }
                index += 1
            case .number:
                parts[part] = token(at: 0).number
                index += 1
            default:
                throw parseError(token(at: 0), "syntax error")
            }
        }
        try match(.rbracket)
        return .slice(start: parts[0], stop: parts[1], step: parts[2])
    }

    private mutating func projectIfSlice(_ left: Node, _ right: Node) throws(JMESPathError) -> Node {
        let indexed = Node.indexExpression([left, right])
        guard case .slice = right else { return indexed }
        return .projection(left: indexed, right: try parseProjectionRight(TokenKind.star.bindingPower))
    }

    private mutating func parseMultiSelectList() throws(JMESPathError) -> Node {
        var elements: [Node] = []
        while true {
            elements.append(try parseExpression(0))
            if currentKind == .rbracket { break }
            try match(.comma)
        }
        try match(.rbracket)
        return .multiSelectList(elements)
    }

    private mutating func parseMultiSelectHash() throws(JMESPathError) -> Node {
        var pairs: [(key: String, value: Node)] = []
        while true {
            let keyToken = token(at: 0)
            guard currentKind == .quotedIdentifier || currentKind == .unquotedIdentifier else {
                throw errorMaybeAtEnd(expected: "['quoted_identifier', 'unquoted_identifier']", keyToken)
            }
            index += 1
            try match(.colon)
            pairs.append((key: keyToken.text, value: try parseExpression(0)))
            // Like python, a missing comma between pairs is accepted.
            if currentKind == .comma {
                try match(.comma)
            } else if currentKind == .rbrace {
                try match(.rbrace)
                break
            }
        }
        return .multiSelectHash(pairs)
    }

    // MARK: - Right-hand sides

    // The right-hand sides recurse through extra functions, so they count a level of their own.

    private mutating func parseProjectionRight(_ bindingPower: Int) throws(JMESPathError) -> Node {
        if currentKind.bindingPower < TokenKind.projectionStop { return .identity }
        try deepen()
        defer { depth -= 1 }
        switch currentKind {
        case .lbracket, .filter:
            return try parseExpression(bindingPower)
        case .dot:
            try match(.dot)
            return try parseDotRight(bindingPower)
        default:
            throw parseError(token(at: 0), "syntax error")
        }
    }

    private mutating func parseDotRight(_ bindingPower: Int) throws(JMESPathError) -> Node {
        try deepen()
        defer { depth -= 1 }
        switch currentKind {
        case .quotedIdentifier, .unquotedIdentifier, .star:
            return try parseExpression(bindingPower)
        case .lbracket:
            try match(.lbracket)
            return try parseMultiSelectList()
        case .lbrace:
            try match(.lbrace)
            return try parseMultiSelectHash()
        default:
            let found = token(at: 0)
            throw parseError(
                found,
                "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: \(found.kind.rawValue)"
            )
        }
    }

    // MARK: - Tokens

    private var currentKind: TokenKind { kind(at: 0) }

    private func kind(at offset: Int) -> TokenKind {
        kinds[min(max(index + offset, 0), kinds.count - 1)]
    }

    /// The token `offset` places from the current one, clamped to the token list (which ends with eof).
    private func token(at offset: Int) -> Token {
        let position = min(max(index + offset, 0), tokens.count - 1)
        return tokens[position]
    }

    private mutating func match(_ kind: TokenKind) throws(JMESPathError) {
        guard currentKind == kind else { throw errorMaybeAtEnd(expected: kind.rawValue, token(at: 0)) }
        index += 1
    }

    // Errors are built out of line: inlined, their string building would enlarge the frames of the
    // recursive functions that raise them.
    @inline(never)
    private func errorMaybeAtEnd(expected: String, _ found: Token) -> JMESPathError {
        if found.kind == .eof { return .incomplete(expression: expression) }
        return parseError(found, "Expecting: \(expected), got: \(found.kind.rawValue)")
    }

    @inline(never)
    private func parseError(_ token: Token, _ message: String, position: Int? = nil) -> JMESPathError {
        .parse(message, token: token, position: position, expression: expression)
    }
}
