import JMESPath
import Testing

/// Results that depend on Python's data model: integers apart from doubles, code-point string
/// ordering, ordered objects, Python equality. Each expected text is python jmespath 1.1.0's result
/// printed with `json.dumps(result, separators=(",", ":"))`, which `jsonText` reproduces byte for byte.
@Suite struct PythonSemanticsTests {
    // Expected results captured from python jmespath 1.1.0 (json.dumps with separators=(",", ":")).
    static let integersStayApartFromDoubles: (data: String, cases: [(String, String)]) = (
        "{\"i\":[1,2,3],\"f\":[1.5,2.0],\"m\":[1,2.5],\"x\":3.0,\"s\":\"12\"}",
        [
            ("i", "[1,2,3]"),
            ("f", "[1.5,2.0]"),
            ("x", "3.0"),
            ("length(i)", "3"),
            ("sum(i)", "6"),
            ("sum(f)", "3.5"),
            ("sum(m)", "3.5"),
            ("sum(`[]`)", "0"),
            ("avg(i)", "2.0"),
            ("avg(f)", "1.75"),
            ("ceil(`1.2`)", "2"),
            ("floor(`-1.2`)", "-2"),
            ("ceil(`3`)", "3"),
            ("abs(`-3`)", "3"),
            ("abs(`-3.0`)", "3.0"),
            ("to_number(s)", "12"),
            ("to_number('1.5')", "1.5"),
            ("to_number('1e3')", "1000.0"),
            ("to_number(' 7 ')", "7"),
            ("to_number('1_000')", "1000"),
            ("to_number('x')", "null"),
            ("to_number(x)", "3.0"),
            ("max(`[1, 1.0]`)", "1"),
            ("max(`[1.0, 1]`)", "1.0"),
            ("min(`[2, 2.0]`)", "2"),
            ("`1.0`", "1.0"),
            ("`1e2`", "100.0"),
            ("`100`", "100"),
            ("to_string(x)", "\"3.0\""),
            ("to_string(i)", "\"[1,2,3]\""),
            ("to_string(`0.1`)", "\"0.1\""),
            ("i[?@ == `2.0`]", "[2]"),
            ("`1` == `1.0`", "true"),
            ("f[0] > i[0]", "true"),
        ]
    )
    static let doublesPrintLikePythonRepr: (data: String, cases: [(String, String)]) = (
        "null",
        [
            ("`1e-05`", "1e-05"),
            ("`1e16`", "1e+16"),
            ("`1.5e300`", "1.5e+300"),
            ("`0.0001`", "0.0001"),
            ("`123456789012345.0`", "123456789012345.0"),
            ("`12345678901234567.0`", "1.2345678901234568e+16"),
            ("`1e15`", "1000000000000000.0"),
            ("`-0.0`", "-0.0"),
            ("`5e-324`", "5e-324"),
            ("`0.30000000000000004`", "0.30000000000000004"),
            ("to_string(`[1e-05, 1e16, 2.5]`)", "\"[1e-05,1e+16,2.5]\""),
            ("`[1e22, 1e21, 1e-7]`", "[1e+22,1e+21,1e-07]"),
        ]
    )
    static let stringsCompareByCodePoint: (data: String, cases: [(String, String)]) = (
        "{\"w\":[\"b\",\"a\",\"\\u00e9\",\"e\\u0301\",\"Z\",\"\\ud83d\\ude00\",\"\\uffff\",\"\",\"aa\"]}",
        [
            ("sort(w)", "[\"\",\"Z\",\"a\",\"aa\",\"b\",\"e\\u0301\",\"\\u00e9\",\"\\uffff\",\"\\ud83d\\ude00\"]"),
            ("max(w)", "\"\\ud83d\\ude00\""),
            ("min(w)", "\"\""),
            ("sort_by(w, &@)", "[\"\",\"Z\",\"a\",\"aa\",\"b\",\"e\\u0301\",\"\\u00e9\",\"\\uffff\",\"\\ud83d\\ude00\"]"),
            ("w[?@ > 'e']", "[\"\\u00e9\",\"e\\u0301\",\"\\ud83d\\ude00\",\"\\uffff\"]"),
            ("w[?@ == 'é']", "[\"\\u00e9\"]"),
            ("length('é')", "2"),
            ("length('😀')", "1"),
            ("reverse('ab😀')", "\"\\ud83d\\ude00ba\""),
            ("contains(w, 'é')", "true"),
            ("starts_with('éx', 'e')", "true"),
            ("ends_with('xé', '́')", "true"),
            ("'é' == 'é'", "false"),
            ("'a' < 'b'", "true"),
            ("'B' < 'a'", "true"),
        ]
    )
    static let objectsKeepInsertionOrder: (data: String, cases: [(String, String)]) = (
        "{\"z\":1,\"a\":2,\"m\":{\"y\":1,\"b\":2}}",
        [
            ("@", "{\"z\":1,\"a\":2,\"m\":{\"y\":1,\"b\":2}}"),
            ("keys(@)", "[\"z\",\"a\",\"m\"]"),
            ("values(@)", "[1,2,{\"y\":1,\"b\":2}]"),
            ("{z: a, a: z, m: m}", "{\"z\":2,\"a\":1,\"m\":{\"y\":1,\"b\":2}}"),
            ("{b: a, a: a, b: z}", "{\"b\":1,\"a\":2}"),
            ("merge(m, `{\"c\": 3, \"y\": 4}`)", "{\"y\":4,\"b\":2,\"c\":3}"),
            ("m.*", "[1,2]"),
            ("to_string(@)", "\"{\\\"z\\\":1,\\\"a\\\":2,\\\"m\\\":{\\\"y\\\":1,\\\"b\\\":2}}\""),
            ("*", "[1,2,{\"y\":1,\"b\":2}]"),
        ]
    )
    static let equalityFollowsPython: (data: String, cases: [(String, String)]) = (
        "null",
        [
            ("`0` == `false`", "false"),
            ("`1` == `true`", "false"),
            ("`[0]` == `[false]`", "true"),
            ("`{\"a\": 1}` == `{\"a\": true}`", "true"),
            ("`{\"a\": 1, \"b\": 2}` == `{\"b\": 2, \"a\": 1}`", "true"),
            ("`[1, 2]` == `[1.0, 2.0]`", "true"),
            ("contains(`[1]`, `true`)", "true"),
            ("contains(`[1.0]`, `1`)", "true"),
            ("`null` == `null`", "true"),
            ("'1' == `1`", "false"),
            ("`[]` != `{}`", "true"),
        ]
    )
    static let truthinessAndOrdering: (data: String, cases: [(String, String)]) = (
        "{\"e\":[],\"o\":{},\"s\":\"\",\"z\":0}",
        [
            ("e || `\"x\"`", "\"x\""),
            ("z || `\"x\"`", "0"),
            ("s && `\"x\"`", "\"\""),
            ("!z", "false"),
            ("!e", "true"),
            ("!o", "true"),
            ("!s", "true"),
            ("`\"a\"` < `\"b\"`", "true"),
            ("`[1]` < `[2]`", "null"),
            ("`true` < `false`", "null"),
            ("`1` < `2.5`", "true"),
            ("`null` >= `1`", "null"),
        ]
    )
    static let toStringMatchesJsonDumps: (data: String, cases: [(String, String)]) = (
        "{\"v\":{\"t\":true,\"n\":null,\"u\":\"\\u00e9\\ud83d\\ude00\\n\\\"\\\\\\u0001\\u007f\",\"l\":[1,2.5,-0.0]}}",
        [
            ("to_string(v)", "\"{\\\"t\\\":true,\\\"n\\\":null,\\\"u\\\":\\\"\\\\u00e9\\\\ud83d\\\\ude00\\\\n\\\\\\\"\\\\\\\\\\\\u0001\\\\u007f\\\",\\\"l\\\":[1,2.5,-0.0]}\""),
            ("to_string(`\"x\"`)", "\"x\""),
            ("to_string(`1e400`)", "\"Infinity\""),
        ]
    )
    static let slicesFollowPython: (data: String, cases: [(String, String)]) = (
        "{\"a\":[0,1,2,3,4,5,6,7,8,9]}",
        [
            ("a[::-1]", "[9,8,7,6,5,4,3,2,1,0]"),
            ("a[-3:]", "[7,8,9]"),
            ("a[5:1:-2]", "[5,3]"),
            ("a[100:]", "[]"),
            ("a[:-100:-3]", "[9,6,3,0]"),
            ("a[0][1:2]", "null"),
            ("s[1:]", "null"),
            ("a[0:2 3]", "[0,1,2]"),
            ("a[-1]", "9"),
            ("a[10]", "null"),
        ]
    )
    static let projectionsAndPipes: (data: String, cases: [(String, String)]) = (
        "{\"r\":[{\"i\":[{\"id\":\"a\"},{\"id\":\"b\"}]},{\"i\":[{\"id\":\"c\"}]},{\"x\":1}]}",
        [
            ("r[].i[].id", "[\"a\",\"b\",\"c\"]"),
            ("r[*].i[*].id", "[[\"a\",\"b\"],[\"c\"]]"),
            ("r[*].i[*].id | [0]", "[\"a\",\"b\"]"),
            ("r[].i[].id | [0]", "\"a\""),
            ("r[?i].i[0].id", "[\"a\",\"c\"]"),
            ("r[*].x", "[1]"),
            ("missing.to_string(@)", "\"null\""),
            ("r[*].[x, i[0].id]", "[[null,\"a\"],[null,\"c\"],[1,null]]"),
            ("r[-1].{x: x}", "{\"x\":1}"),
            ("r[].i[?id > `\"a\"`].id", "[[\"b\"],[\"c\"]]"),
            ("r[0].i[*].id | length(@)", "2"),
            ("r | [0].i[1].id", "\"b\""),
            ("map(&x, r)", "[null,null,1]"),
            ("sort_by(r[*].i[], &id)[-1]", "{\"id\":\"c\"}"),
            ("max_by(r[*].i[], &id).id", "\"c\""),
        ]
    )

    static func mismatches(_ group: (data: String, cases: [(String, String)])) throws -> [String] {
        let data = try JMESValue(json: group.data)
        var mismatches: [String] = []
        for (expression, expected) in group.cases {
            do {
                let result = try JMESPathExpression(expression).search(data).jsonText
                if result != expected { mismatches.append("\(expression): expected \(expected), got \(result)") }
            } catch {
                mismatches.append("\(expression): \(error.kind.rawValue) \(error)")
            }
        }
        return mismatches
    }

    @Test func integersStayApartFromDoubles() throws {
        let failures = try Self.mismatches(Self.integersStayApartFromDoubles)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func doublesPrintLikePythonRepr() throws {
        let failures = try Self.mismatches(Self.doublesPrintLikePythonRepr)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func stringsCompareByCodePoint() throws {
        let failures = try Self.mismatches(Self.stringsCompareByCodePoint)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func objectsKeepInsertionOrder() throws {
        let failures = try Self.mismatches(Self.objectsKeepInsertionOrder)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func equalityFollowsPython() throws {
        let failures = try Self.mismatches(Self.equalityFollowsPython)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func truthinessAndOrdering() throws {
        let failures = try Self.mismatches(Self.truthinessAndOrdering)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func toStringMatchesJsonDumps() throws {
        let failures = try Self.mismatches(Self.toStringMatchesJsonDumps)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func slicesFollowPython() throws {
        let failures = try Self.mismatches(Self.slicesFollowPython)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func projectionsAndPipes() throws {
        let failures = try Self.mismatches(Self.projectionsAndPipes)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func sortIsStable() throws {
        let data = try JMESValue(json: #"[{"k": 2, "i": 0}, {"k": 1, "i": 1}, {"k": 2.0, "i": 2}, {"k": 1.0, "i": 3}, {"k": 1, "i": 4}]"#)
        let sorted = try JMESPathExpression("sort_by(@, &k)[*].i").search(data)
        #expect(sorted == [1, 3, 4, 0, 2])
        // max_by and min_by return the first of equal keys, as Python's max() and min() do.
        #expect(try JMESPathExpression("max_by(@, &k).i").search(data) == 0)
        #expect(try JMESPathExpression("min_by(@, &k).i").search(data) == 1)
    }

    @Test func resultsAreTypedValues() throws {
        let data: JMESValue = ["list": [1, 2.5, "x", nil, true]]
        #expect(try JMESPathExpression.search("list[0]", in: data) == .integer(1))
        #expect(try JMESPathExpression.search("list[1]", in: data) == .double(2.5))
        #expect(try JMESPathExpression.search("length(list)", in: data) == .integer(5))
        #expect(try JMESPathExpression.search("avg(`[1, 2]`)", in: data) == .double(1.5))
        #expect(try JMESPathExpression.search("type(list[4])", in: data) == "boolean")
    }
}
