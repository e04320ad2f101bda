import JMESPath
import Testing

/// Values whose arrays and objects are deferred (expanded a level at a time, as the CLI's answers are) give
/// every compliance case the same result as the same values built whole.
@Suite struct DeferredValueTests {
    /// A value held whole, handed out one level at a time.
    struct Deferring: DeferredJMESValue {
        let value: JMESValue

        var isArray: Bool {
            if case .array = value { true } else { false }
        }

        func expanded() -> JMESValue {
            switch value {
            case .array(let elements): .array(elements.map(Self.deferring))
            case .object(let members): .object(members.map { ($0.key, Self.deferring($0.value)) })
            default: value
            }
        }

        static func deferring(_ value: JMESValue) -> JMESValue {
            switch value {
            case .array, .object: .deferred(Deferring(value: value))
            default: value
            }
        }
    }

    @Test(arguments: ComplianceTests.fileNames)
    func complianceCasesOnDeferredValues(_ name: String) throws {
        let cases = try ComplianceTests.cases(in: name)
        #expect(!cases.isEmpty)
        let failures = cases.compactMap { testCase in
            let deferred = ComplianceTests.Case(
                file: testCase.file, expression: testCase.expression, given: Deferring.deferring(testCase.given),
                expected: testCase.expected)
            return ComplianceTests.failure(of: deferred).map { "\(testCase.expression): \($0)" }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count) failed:\n\(failures.joined(separator: "\n"))")
    }

    @Test func aDeferredValueReadsPrintsAndComparesAsTheWholeValue() throws {
        let whole = try JMESValue(json: #"{"a": [1, 2.5, {"b": null}], "c": "d", "e": {}}"#)
        let deferred = Deferring.deferring(whole)
        #expect(deferred.typeName == "object")
        #expect(deferred.jsonText == whole.jsonText)
        #expect(deferred == whole)
        #expect(deferred["c"] == .string("d"))
        let expression = try JMESPathExpression("to_string(a)")
        #expect(try expression.search(deferred) == expression.search(whole))
        #expect(try JMESPathExpression("a[2]").search(deferred).typeName == "object")
        #expect(try JMESPathExpression("type(e)").search(deferred) == .string("object"))
        #expect(try JMESPathExpression("!e").search(deferred) == .bool(true))
    }
}
