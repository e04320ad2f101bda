import JMESPath
import Testing

/// Corners of the grammar where python jmespath's parser is more lenient or more particular than
/// the specification; expected results come from python jmespath 1.1.0.
@Suite struct ExpressionSyntaxTests {
    static let data: JMESValue = ["a": [1, 2, 3], "s": "abc", "foo": ["bar": "baz"], "😀": "smile", "it's": 1]

    static func search(_ text: String) throws -> JMESValue {
        try JMESPathExpression(text).search(data)
    }

    @Test func lenientForms() throws {
        #expect(throws: JMESPathError(kind: .arity, description: "Expected 1 argument for function length(), received 2")) {
            try Self.search("length(a b)")
        }
        #expect(try Self.search("length(a,)") == 3)
        #expect(try Self.search("{x: a[0] y: s}") == ["x": 1, "y": "abc"])
        #expect(try Self.search("a[0:2 3]") == [1, 2, 3])
        #expect(try Self.search("(length)(a)") == 3)
        #expect(try Self.search("foo.length(@)") == 1)
    }

    @Test func identifiersAndLiterals() throws {
        #expect(try Self.search(#""\ud83d\ude00""#) == "smile")
        #expect(try Self.search(#""it's""#) == 1)
        #expect(try Self.search(#"'it\'s'"#) == "it's")
        #expect(try Self.search(#"'a\\'"#) == #"a\\"#)
        #expect(try Self.search("`\"a\\`b\"`") == "a`b")
        #expect(try Self.search("` foo`") == "foo")  // python's deprecated bare literal
        #expect(try Self.search("`[1, {\"k\": null}]`") == [1, ["k": nil]])
    }

    @Test func precedence() throws {
        let data: JMESValue = [
            "a": false, "b": "b", "c": "c", "l": [["x": [1, 2]], ["x": [3]]], "m": [[["y": 1], ["y": 2]]],
        ]
        func search(_ text: String) throws -> JMESValue { try JMESPathExpression(text).search(data) }
        #expect(try search("a || b && c") == "c")
        #expect(try search("!a && b") == "b")
        #expect(try search("l[*].x | [0]") == [1, 2])
        #expect(try search("l[*].x[0]") == [1, 3])
        #expect(try search("l[].x[]") == [1, 2, 3])
        #expect(try search("l[?x[0] > `1`].x") == [[3]])
        #expect(try search("l[0:1].x") == [[1, 2]])
        #expect(try search("l[0].x[0:1].y") == [])
        // Python adds a slice to an existing index expression without projecting.
        #expect(try search("m[0][0:2].y") == .null)
        #expect(try search("(m[0])[0:2].y") == .null)
        #expect(try search("m[0:1][0].y") == [1])
    }
}
