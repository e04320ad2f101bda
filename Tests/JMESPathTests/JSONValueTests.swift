import JMESPath
import Testing

/// `JMESValue(json:)` reads JSON as python's `json.loads` does; `jsonText` writes it as
/// `json.dumps(value, separators=(',', ':'))` does.
@Suite struct JSONValueTests {
    @Test func numbers() throws {
        #expect(try JMESValue(json: "1") == .integer(1))
        #expect(try JMESValue(json: "-0").jsonText == "0")
        #expect(try JMESValue(json: "1.0").jsonText == "1.0")
        #expect(try JMESValue(json: "1e2").jsonText == "100.0")
        #expect(try JMESValue(json: "1E-7").jsonText == "1e-07")
        #expect(try JMESValue(json: "[NaN, Infinity, -Infinity]").jsonText == "[NaN,Infinity,-Infinity]")
        // Python keeps integers beyond 64 bits exact; here they become the nearest double.
        #expect(try JMESValue(json: "123456789012345678901234567890") == .double(1.2345678901234568e29))
    }

    @Test func repeatedKeysKeepTheirFirstPosition() throws {
        let value = try JMESValue(json: #"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value.jsonText == #"{"a":3,"b":2}"#)
    }

    @Test func strings() throws {
        #expect(try JMESValue(json: #""\ud83d\ude00 \u00e9 \/ \b\f\n\r\t""#) == .string("😀 é / \u{8}\u{C}\n\r\t"))
        // A lone surrogate (Python keeps it) cannot live in a Swift String.
        #expect(try JMESValue(json: #""\ud800""#) == .string("\u{FFFD}"))
        #expect(JMESValue.string("é😀\u{1}\u{7F}\"\\").jsonText == #""\u00e9\ud83d\ude00\u0001\u007f\"\\""#)
    }

    @Test func errorsUsePythonWording() {
        let cases: [(String, String)] = [
            ("", "Expecting value"),
            ("[1,]", "Expecting value"),
            ("[1 2]", "Expecting ',' delimiter"),
            (#"{"a" 1}"#, "Expecting ':' delimiter"),
            (#"{"a": 1,}"#, "Expecting property name enclosed in double quotes"),
            ("\"a\u{1}\"", "Invalid control character at"),
            (#""\x""#, "Invalid \\escape"),
            (#""\u12""#, "Invalid \\uXXXX escape"),
            (#""abc"#, "Unterminated string starting at"),
            ("1 2", "Extra data"),
            ("01", "Extra data"),
        ]
        for (text, message) in cases {
            #expect(throws: JSONSyntaxError.self, "\(text)") { try JMESValue(json: text) }
            do {
                _ = try JMESValue(json: text)
            } catch {
                #expect(error.message == message, "\(text)")
            }
        }
    }

    @Test func equalityIgnoresMemberOrderAndNumberType() throws {
        #expect(try JMESValue(json: #"{"a": 1, "b": [2.0]}"#) == JMESValue(json: #"{"b": [2], "a": 1.0}"#))
        #expect(JMESValue.bool(true) != .integer(1))
        #expect(JMESValue.string("é") != .string("e\u{301}"))
    }

    @Test func literalsAndAccessors() {
        let value: JMESValue = ["z": 1, "a": [true, nil, 2.5, "x"]]
        #expect(value.jsonText == #"{"z":1,"a":[true,null,2.5,"x"]}"#)
        #expect(value["a"]?.typeName == "array")
        #expect(value["missing"] == nil)
        #expect(value.description == value.jsonText)
    }
}
