import Foundation
import JMESPath
import Testing

/// The JMESPath compliance suite (Compliance/*.json, copied unchanged from the upstream suite).
/// Each case either gives a result, compared with Python's equality (objects unordered, `1 == 1.0`),
/// or names the error class it expects.
@Suite struct ComplianceTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Compliance")

    static var fileNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    struct Case {
        let file: String
        let expression: String
        let given: JMESValue
        let expected: Expected
    }

    enum Expected {
        case result(JMESValue)
        case error(String)
        /// A case with neither (benchmark cases): it only has to run.
        case anything
    }

    static func cases(in file: String) throws -> [Case] {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        guard case .array(let suites) = try JMESValue(json: text) else { return [] }
        var cases: [Case] = []
        for suite in suites {
            let given = suite["given"] ?? .null
            guard case .array(let entries)? = suite["cases"] else { continue }
            for entry in entries {
                guard case .string(let expression)? = entry["expression"] else { continue }
                let expected: Expected
                if let result = entry["result"] {
                    expected = .result(result)
                } else if case .string(let error)? = entry["error"] {
                    expected = .error(error)
                } else {
                    expected = .anything
                }
                cases.append(Case(file: file, expression: expression, given: given, expected: expected))
            }
        }
        return cases
    }

    /// The suite's error names for python jmespath's exception classes.
    static func suiteName(for kind: JMESPathError.Kind) -> String {
        switch kind {
        case .lexerError, .parseError, .incompleteExpression, .emptyExpression: "syntax"
        case .invalidType, .typeError: "invalid-type"
        case .valueError, .overflowError: "invalid-value"
        case .arity, .variadicArity: "invalid-arity"
        case .unknownFunction: "unknown-function"
        }
    }

    /// nil when the case passes, else why it failed.
    static func failure(of testCase: Case) -> String? {
        let outcome: Result<JMESValue, JMESPathError>
        do {
            outcome = .success(try JMESPathExpression(testCase.expression).search(testCase.given))
        } catch {
            outcome = .failure(error)
        }
        switch (testCase.expected, outcome) {
        case (.anything, _):
            return nil
        case (.result(let expected), .success(let actual)):
            return expected == actual ? nil : "expected \(expected), got \(actual)"
        case (.result(let expected), .failure(let error)):
            return "expected \(expected), got \(error.kind.rawValue): \(error)"
        case (.error(let expected), .success(let actual)):
            return "expected error \(expected), got \(actual)"
        case (.error(let expected), .failure(let error)):
            let actual = suiteName(for: error.kind)
            return actual == expected ? nil : "expected error \(expected), got \(actual) (\(error.kind.rawValue))"
        }
    }

    @Test(arguments: fileNames)
    func file(_ name: String) throws {
        let cases = try Self.cases(in: name)
        #expect(!cases.isEmpty)
        let failures = cases.compactMap { testCase in
            Self.failure(of: testCase).map { "\(testCase.expression): \($0)" }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count) failed:\n\(failures.joined(separator: "\n"))")
    }

    @Test func wholeSuiteRunsAndPasses() throws {
        let names = Self.fileNames
        #expect(names.count == 15)
        var total = 0
        var failed: [String] = []
        for name in names {
            for testCase in try Self.cases(in: name) {
                total += 1
                if let reason = Self.failure(of: testCase) { failed.append("\(name) \(testCase.expression): \(reason)") }
            }
        }
        #expect(total == 892, "the suite has 892 cases; found \(total)")
        #expect(failed.isEmpty, "\(failed.count) of \(total) cases failed:\n\(failed.joined(separator: "\n"))")
    }
}
