import JMESPath
import Testing

/// Deeply nested expressions end in a ParseError instead of exhausting the stack.
///
/// Near the nesting limit an unoptimized build uses a few megabytes of stack. The suite runs on the
/// main actor, which is the main thread (8 MB) on macOS, where other test threads have 512 KB;
/// on Linux every test thread has 8 MB.
@Suite @MainActor struct NestingTests {
    static let data: JMESValue = ["a": [["a": [1, ["a": 2]]], ["a": ["a": [3]]]]]

    nonisolated static func repeated(_ prefix: String, _ middle: String, _ suffix: String, _ count: Int) -> String {
        String(repeating: prefix, count: count) + middle + String(repeating: suffix, count: count)
    }

    /// Shapes that nest (or chain onto a left side) once per repetition.
    static let shapes: [(name: String, make: @Sendable (Int) -> String)] = [
        ("parentheses", { repeated("(", "a", ")", $0) }),
        ("lists", { repeated("[", "a", "]", $0) }),
        ("hashes", { repeated("{a: ", "a", "}", $0) }),
        ("negations", { repeated("!", "a", "", $0) }),
        ("functions", { repeated("length(", "a", ")", $0) }),
        ("sort_by", { repeated("sort_by(a, &", "@", ")", $0) }),
        ("pipes", { "a" + String(repeating: " | a", count: $0) }),
        ("ors", { "a" + String(repeating: " || a", count: $0) }),
        ("comparisons", { "a" + String(repeating: " == a", count: $0) }),
        ("projections", { "a" + String(repeating: "[*]", count: $0) }),
        ("filters", { "a" + String(repeating: "[?a]", count: $0) }),
        ("flattens", { "a" + String(repeating: "[]", count: $0) }),
        ("slices", { "a" + String(repeating: "[:]", count: $0) }),
        ("value projections", { String(repeating: "*.", count: $0) + "a" }),
    ]

    @Test func hugeNestingIsAParseError() {
        for shape in Self.shapes {
            do {
                _ = try JMESPathExpression(shape.make(20_000))
                Issue.record("\(shape.name): compiled")
            } catch {
                #expect(error.kind == .parseError, "\(shape.name)")
                #expect(error.description.hasPrefix("Expression is nested too deeply: Parse error at column "))
            }
        }
    }

    @Test func nestingPythonAcceptsStillWorks() throws {
        // Python's own recursion limit stops these shapes at 250 to 500 repetitions.
        for shape in Self.shapes {
            let expression = try JMESPathExpression(shape.make(240))
            _ = try? expression.search(Self.data)
        }
        #expect(try JMESPathExpression(Self.repeated("(", "a", ")", 990)).search(["a": 7]) == 7)
        #expect(try JMESPathExpression(Self.repeated("[", "@", "]", 990)).search(1) != .null)
    }

    @Test func flatChainsAreNotNesting() throws {
        // `a.a.a` and `a[0][0]` stay flat in the tree, as in python, so length is no limit.
        let chain = "a" + String(repeating: ".a", count: 20_000)
        #expect(try JMESPathExpression(chain).search(["a": "x"]) == .null)
        let indexes = "@" + String(repeating: "[0]", count: 20_000)
        #expect(try JMESPathExpression(indexes).search([1]) == .null)
    }

    @Test func deepLiteralsAreRejected() {
        let literal = "`" + Self.repeated("[", "", "]", 100_000) + "`"
        #expect(throws: JMESPathError.self) { try JMESPathExpression(literal) }
        #expect(throws: JSONSyntaxError.self) { try JMESValue(json: Self.repeated("[", "", "]", 100_000)) }
        #expect(throws: Never.self) { try JMESValue(json: Self.repeated("[", "", "]", 400)) }
    }
}
