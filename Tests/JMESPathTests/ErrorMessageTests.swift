import JMESPath
import Testing

/// Error kinds and texts for bad expressions. The expected kinds and `str(exception)` texts were
/// captured from python jmespath 1.1.0 (the AWS CLI prints these texts). Python prints an expression
/// reference with its memory address (`<jmespath.visitor._Expression object at 0x7f...>`); the
/// address is left out here and by this implementation.
@Suite struct ErrorMessageTests {
    static let data: JMESValue = [
        "a": [["b": 1]], "foo": ["bar": 1], "s": "abc", "n": [3, 1.5], "o": ["k": "v"],
    ]

    static let cases: [(String, JMESPathError.Kind, String)] = [
        ("", .emptyExpression, "Invalid JMESPath expression: cannot be empty."),
        (" ", .incompleteExpression, "Invalid jmespath expression: Incomplete expression:\n\" \"\n  ^"),
        ("a.", .parseError, "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: eof: Parse error at column 2, token \"\" (EOF), for expression:\n\"a.\"\n   ^"),
        ("a[", .incompleteExpression, "Invalid jmespath expression: Incomplete expression:\n\"a[\"\n   ^"),
        ("{a: b,}", .parseError, "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: rbrace: Parse error at column 6, token \"}\" (RBRACE), for expression:\n\"{a: b,}\"\n       ^"),
        ("[a,]", .parseError, "invalid token: Parse error at column 3, token \"]\" (RBRACKET), for expression:\n\"[a,]\"\n    ^"),
        ("a[b]", .parseError, "Expecting: star, got: unquoted_identifier: Parse error at column 2, token \"b\" (UNQUOTED_IDENTIFIER), for expression:\n\"a[b]\"\n   ^"),
        ("a..b", .parseError, "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: dot: Parse error at column 2, token \".\" (DOT), for expression:\n\"a..b\"\n   ^"),
        ("a.`1`", .parseError, "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: literal: Parse error at column 2, token \"1\" (LITERAL), for expression:\n\"a.`1`\"\n   ^"),
        ("a !b", .parseError, "invalid token: Parse error at column 2, token \"!\" (NOT), for expression:\n\"a !b\"\n   ^"),
        ("a *", .parseError, "invalid token: Parse error at column 2, token \"*\" (STAR), for expression:\n\"a *\"\n   ^"),
        ("(a", .incompleteExpression, "Invalid jmespath expression: Incomplete expression:\n\"(a\"\n   ^"),
        (")", .parseError, "invalid token: Parse error at column 0, token \")\" (RPAREN), for expression:\n\")\"\n ^"),
        ("a:b", .parseError, "Unexpected token: :: Parse error at column 1, token \":\" (COLON), for expression:\n\"a:b\"\n  ^"),
        ("|a", .parseError, "invalid token: Parse error at column 0, token \"|\" (PIPE), for expression:\n\"|a\"\n ^"),
        ("!", .incompleteExpression, "Invalid jmespath expression: Incomplete expression:\n\"!\"\n  ^"),
        ("a[?]", .parseError, "invalid token: Parse error at column 3, token \"]\" (RBRACKET), for expression:\n\"a[?]\"\n    ^"),
        ("a[1:2:3:4]", .parseError, "syntax error: Parse error at column 7, token \":\" (COLON), for expression:\n\"a[1:2:3:4]\"\n        ^"),
        ("a[1 2]", .parseError, "Expecting: rbracket, got: number: Parse error at column 4, token \"2\" (NUMBER), for expression:\n\"a[1 2]\"\n     ^"),
        ("a[-]", .lexerError, "Bad jmespath expression: Unknown token '-':\na[-]\n  ^"),
        ("-", .lexerError, "Bad jmespath expression: Unknown token '-':\n-\n^"),
        ("a = b", .lexerError, "Bad jmespath expression: Unknown token '=':\na = b\n  ^"),
        ("a =", .lexerError, "Bad jmespath expression: Unknown token '=':\na =\n  ^"),
        ("a ^ b", .lexerError, "Bad jmespath expression: Unknown token ^:\na ^ b\n  ^"),
        ("€", .lexerError, "Bad jmespath expression: Unknown token €:\n€\n^"),
        ("@€", .lexerError, "Bad jmespath expression: Unknown token €:\n@€\n ^"),
        ("`abc", .lexerError, "Bad jmespath expression: Unclosed ` delimiter:\n`abc\n^"),
        ("'abc", .lexerError, "Bad jmespath expression: Unclosed ' delimiter:\n'abc\n^"),
        ("\"abc", .lexerError, "Bad jmespath expression: Unclosed \" delimiter:\n\"abc\n^"),
        ("\"a\\x\"", .lexerError, "Bad jmespath expression: Invalid \\escape:\n\"a\\x\"\n^"),
        ("\"a\\u12\"", .lexerError, "Bad jmespath expression: Invalid \\uXXXX escape:\n\"a\\u12\"\n^"),
        ("\"a\tb\"", .lexerError, "Bad jmespath expression: Invalid control character at:\n\"a\tb\"\n^"),
        ("`{\"a\": }`", .lexerError, "Bad jmespath expression: Bad token {\"a\": }:\n`{\"a\": }`\n^"),
        ("`\"a\"b`", .lexerError, "Bad jmespath expression: Bad token \"a\"b:\n`\"a\"b`\n^"),
        ("\"foo\"(a)", .parseError, "Quoted identifier not allowed for function names.: Parse error at column 0, token \"(\" (LPAREN), for expression:\n\"\"foo\"(a)\"\n ^"),
        ("@(b)", .parseError, "Invalid function name '@': Parse error at column 0, token \"@\" (CURRENT), for expression:\n\"@(b)\"\n ^"),
        ("a(,)", .parseError, "invalid token: Parse error at column 2, token \",\" (COMMA), for expression:\n\"a(,)\"\n   ^"),
        ("[ ]", .parseError, "invalid token: Parse error at column 2, token \"]\" (RBRACKET), for expression:\n\"[ ]\"\n   ^"),
        ("foo[`[1]`", .parseError, "Expecting: star, got: literal: Parse error at column 4, token \"[1]\" (LITERAL), for expression:\n\"foo[`[1]`\"\n     ^"),
        ("a.`{\"k\": [1, 2.5, true, null, \"x'y\"]}`", .parseError, "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: literal: Parse error at column 2, token \"{'k': [1, 2.5, True, None, \"x'y\"]}\" (LITERAL), for expression:\n\"a.`{\"k\": [1, 2.5, true, null, \"x'y\"]}`\"\n   ^"),
        ("a.`\"é\\u0001\"`", .parseError, "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: literal: Parse error at column 2, token \"é\u{1}\" (LITERAL), for expression:\n\"a.`\"é\\u0001\"`\"\n   ^"),
        ("é", .lexerError, "Bad jmespath expression: Unknown token é:\né\n^"),
        ("aé ^", .lexerError, "Bad jmespath expression: Unknown token é:\naé ^\n ^"),
        ("foo.bar(x)", .unknownFunction, "Unknown function: bar()"),
        ("unknown(@)", .unknownFunction, "Unknown function: unknown()"),
        ("abs(`1`, `2`)", .arity, "Expected 1 argument for function abs(), received 2"),
        ("abs()", .arity, "Expected 1 argument for function abs(), received 0"),
        ("not_null()", .variadicArity, "Expected at least 1 argument for function not_null(), received 0"),
        ("merge()", .variadicArity, "Expected at least 1 argument for function merge(), received 0"),
        ("length(a, s)", .arity, "Expected 1 argument for function length(), received 2"),
        ("abs(s)", .invalidType, "In function abs(), invalid type for value: abc, expected one of: ['number'], received: \"string\""),
        ("abs(`true`)", .invalidType, "In function abs(), invalid type for value: True, expected one of: ['number'], received: \"boolean\""),
        ("abs(&a)", .invalidType, "In function abs(), invalid type for value: <jmespath.visitor._Expression object>, expected one of: ['number'], received: \"expref\""),
        ("length(`1`)", .invalidType, "In function length(), invalid type for value: 1, expected one of: ['string', 'array', 'object'], received: \"number\""),
        ("sum(`[\"a\"]`)", .invalidType, "In function sum(), invalid type for value: a, expected one of: ['array-number'], received: \"str\""),
        ("avg(n[*].to_string(@))", .invalidType, "In function avg(), invalid type for value: 3, expected one of: ['array-number'], received: \"str\""),
        ("max(`[1, \"a\"]`)", .invalidType, "In function max(), invalid type for value: a, expected one of: ['array-number', 'array-string'], received: \"str\""),
        ("max(`[{}, 1]`)", .invalidType, "In function max(), invalid type for value: {}, expected one of: ['array-number', 'array-string'], received: \"dict\""),
        ("sort(`[\"a\", 1]`)", .invalidType, "In function sort(), invalid type for value: 1, expected one of: ['array-string', 'array-number'], received: \"int\""),
        ("join(`\",\"`, `[\"a\", 1]`)", .invalidType, "In function join(), invalid type for value: 1, expected one of: ['array-string'], received: \"int\""),
        ("sort_by(`[{\"b\": 1}, {\"b\": \"x\"}]`, &b)", .invalidType, "In function sort_by(), invalid type for value: x, expected one of: ['number'], received: \"string\""),
        ("sort_by(`[{\"b\": null}]`, &b)", .invalidType, "In function sort_by(), invalid type for value: {'b': None}, expected one of: ['string', 'number'], received: \"null\""),
        ("min_by(`[{\"b\": [1]}]`, &b)", .invalidType, "In function min_by(), invalid type for value: [1], expected one of: ['number', 'string'], received: \"array\""),
        ("max_by(`[{\"b\": 1}, {\"b\": \"x\"}]`, &b)", .typeError, "'>' not supported between instances of 'str' and 'int'"),
        ("map(`1`, @)", .invalidType, "In function map(), invalid type for value: 1, expected one of: ['expref'], received: \"number\""),
        ("keys(s)", .invalidType, "In function keys(), invalid type for value: abc, expected one of: ['object'], received: \"string\""),
        ("values(a)", .invalidType, "In function values(), invalid type for value: [{'b': 1}], expected one of: ['object'], received: \"array\""),
        ("starts_with(s, `1`)", .invalidType, "In function starts_with(), invalid type for value: 1, expected one of: ['string'], received: \"number\""),
        ("contains(s, `1`)", .typeError, "'in <string>' requires string as left operand, not int"),
        ("s < `1`", .typeError, "'<' not supported between instances of 'str' and 'int'"),
        ("`1` >= s", .typeError, "'>=' not supported between instances of 'int' and 'str'"),
        ("a[::0]", .valueError, "slice step cannot be zero"),
        ("ceil(`Infinity`)", .overflowError, "cannot convert float infinity to integer"),
        ("floor(`NaN`)", .valueError, "cannot convert float NaN to integer"),
        ("merge(o, `1`)", .typeError, "'int' object is not iterable"),
        ("merge(o, 'ab')", .valueError, "dictionary update sequence element #0 has length 1; 2 is required"),
        ("merge(o, `[1]`)", .typeError, "cannot convert dictionary update sequence element #0 to a sequence"),
        ("merge(o, `[[1, 2, 3]]`)", .valueError, "dictionary update sequence element #0 has length 3; 2 is required"),
        ("merge(o, `[[[1], 2]]`)", .typeError, "unhashable type: 'list'"),
        ("to_number(&a)", .typeError, "int() argument must be a string, a bytes-like object or a real number, not '_Expression'"),
    ]

    @Test func messagesMatchPython() {
        var mismatches: [String] = []
        for (expression, kind, message) in Self.cases {
            do {
                let result = try JMESPathExpression(expression).search(Self.data)
                mismatches.append("\(expression): no error, got \(result)")
            } catch {
                if error.kind != kind || error.description != message {
                    mismatches.append("\(expression): got \(error.kind.rawValue) \(error.description)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(Self.cases.count):\n\(mismatches.joined(separator: "\n"))")
    }

    @Test func syntaxErrorsAreRaisedWhenCompiling() {
        for (expression, kind, _) in Self.cases where kind.isSyntaxError {
            #expect(throws: JMESPathError.self, "\(expression)") { try JMESPathExpression(expression) }
        }
    }

    @Test func functionErrorsWaitForEvaluation() throws {
        // As in python, an unknown function or a wrong argument count is only an error when called.
        let unknown = try JMESPathExpression("[*].nope(@)")
        #expect(try unknown.search([]) == [])
        let arity = try JMESPathExpression("[*].abs(@, @)")
        #expect(try arity.search([]) == [])
        #expect(throws: JMESPathError(kind: .unknownFunction, description: "Unknown function: nope()")) {
            try unknown.search([1])
        }
    }

    @Test func kindsNamePythonClasses() {
        #expect(JMESPathError.Kind.variadicArity.pythonClassName == "VariadictArityError")
        #expect(JMESPathError.Kind.invalidType.pythonClassName == "JMESPathTypeError")
        #expect(JMESPathError.Kind.incompleteExpression.isSyntaxError)
        #expect(!JMESPathError.Kind.arity.isSyntaxError)
    }
}
