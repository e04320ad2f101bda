import AutomationDocuments
import AutomationModel
import Testing

struct BranchEvaluatorTests {
    static func choose(_ condition: [String: JSONValue], default defaultStep: String? = nil) throws(ServiceError) -> String? {
        var choice = condition
        choice["NextStep"] = "matched"
        var inputs: [String: JSONValue] = ["Choices": [.object(choice)]]
        if let defaultStep { inputs["Default"] = .string(defaultStep) }
        return try BranchEvaluator.nextStep(inputs: .object(inputs))
    }

    static func holds(_ condition: [String: JSONValue]) throws(ServiceError) -> Bool {
        try choose(condition) == "matched"
    }

    @Test func takesTheFirstMatchingChoice() throws {
        let inputs: JSONValue = [
            "Choices": [
                ["NextStep": "first", "Variable": "prod", "StringEquals": "dev"],
                ["NextStep": "second", "Variable": "prod", "StringEquals": "prod"],
                ["NextStep": "third", "Variable": "prod", "StartsWith": "p"],
            ],
            "Default": "fallback",
        ]
        #expect(try BranchEvaluator.nextStep(inputs: inputs) == "second")
    }

    @Test func fallsBackToDefaultThenNil() throws {
        #expect(try Self.choose(["Variable": "a", "StringEquals": "b"], default: "fallback") == "fallback")
        #expect(try Self.choose(["Variable": "a", "StringEquals": "b"]) == nil)
    }

    @Test func comparesText() throws {
        #expect(try Self.holds(["Variable": "Prod", "StringEquals": "Prod"]))
        #expect(try !Self.holds(["Variable": "Prod", "StringEquals": "prod"]))
        #expect(try Self.holds(["Variable": "Prod", "EqualsIgnoreCase": "pROD"]))
        #expect(try Self.holds(["Variable": "web-01", "StartsWith": "web"]))
        #expect(try !Self.holds(["Variable": "web-01", "StartsWith": "01"]))
        #expect(try Self.holds(["Variable": "web-01", "EndsWith": "-01"]))
        #expect(try Self.holds(["Variable": "health=ok\n", "Contains": "health=ok"]))
        #expect(try !Self.holds(["Variable": "health=bad", "Contains": "health=ok"]))
        #expect(try Self.holds(["Variable": 42, "StringEquals": "42"]))
    }

    @Test func containsOnAListChecksMembership() throws {
        #expect(try Self.holds(["Variable": ["a", "bc"], "Contains": "bc"]))
        #expect(try !Self.holds(["Variable": ["a", "bc"], "Contains": "b"]))
    }

    @Test func comparesNumbersIncludingNumericText() throws {
        #expect(try Self.holds(["Variable": 5, "NumericEquals": 5]))
        #expect(try Self.holds(["Variable": "5", "NumericEquals": "5.0"]))
        #expect(try Self.holds(["Variable": 6, "NumericGreater": 5]))
        #expect(try !Self.holds(["Variable": 5, "NumericGreater": 5]))
        #expect(try Self.holds(["Variable": 4, "NumericLesser": 5]))
        #expect(try Self.holds(["Variable": 5, "NumericGreaterOrEquals": 5]))
        #expect(try Self.holds(["Variable": " 5\n", "NumericLesserOrEquals": 5]))
        #expect(try !Self.holds(["Variable": 6, "NumericLesserOrEquals": 5]))
    }

    @Test func comparesBooleans() throws {
        #expect(try Self.holds(["Variable": true, "BooleanEquals": true]))
        #expect(try Self.holds(["Variable": "false", "BooleanEquals": false]))
        #expect(try !Self.holds(["Variable": true, "BooleanEquals": false]))
    }

    @Test func combinesConditions() throws {
        let yes: JSONValue = ["Variable": "a", "StringEquals": "a"]
        let no: JSONValue = ["Variable": "a", "StringEquals": "b"]
        #expect(try Self.holds(["And": [yes, yes]]))
        #expect(try !Self.holds(["And": [yes, no]]))
        #expect(try Self.holds(["Or": [no, yes]]))
        #expect(try !Self.holds(["Or": [no, no]]))
        #expect(try Self.holds(["Not": no]))
        #expect(try !Self.holds(["Not": yes]))
        #expect(try Self.holds(["And": [["Not": no], ["Or": [no, ["And": [yes, ["Not": no]]]]]]]))
    }

    @Test func explainsTypeMismatches() {
        expectServiceError(.validationException, containing: ["NumericGreater compares numbers", "Variable is \"abc\""]) {
            try Self.holds(["Variable": "abc", "NumericGreater": 1])
        }
        expectServiceError(.validationException, containing: ["NumericEquals compares numbers", "NumericEquals is \"x\""]) {
            try Self.holds(["Variable": 1, "NumericEquals": "x"])
        }
        expectServiceError(.validationException, containing: ["BooleanEquals compares true or false"]) {
            try Self.holds(["Variable": "maybe", "BooleanEquals": true])
        }
        expectServiceError(.validationException, containing: ["StringEquals compares text"]) {
            try Self.holds(["Variable": ["a"], "StringEquals": "a"])
        }
    }

    @Test func explainsMalformedInputs() {
        expectServiceError(.validationException, containing: ["needs inputs.Choices"]) {
            try BranchEvaluator.nextStep(inputs: ["Default": "x"])
        }
        expectServiceError(.validationException, containing: ["Choices item 1 has no NextStep"]) {
            try BranchEvaluator.nextStep(inputs: ["Choices": [["Variable": "a", "StringEquals": "a"]]])
        }
        expectServiceError(.validationException, containing: ["Choices item 1 has no operator"]) {
            try Self.holds(["Variable": "a"])
        }
        expectServiceError(.validationException, containing: ["Default must be a step name"]) {
            try BranchEvaluator.nextStep(inputs: ["Choices": [], "Default": 3])
        }
    }
}
