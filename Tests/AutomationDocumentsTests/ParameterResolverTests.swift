import AutomationDocuments
import AutomationModel
import Testing

struct ParameterResolverTests {
    static let definitions: [ParameterDefinition] = [
        ParameterDefinition(name: "Name", type: .string),
        ParameterDefinition(name: "Ids", type: .stringList, defaultValue: ["mi-1"]),
        ParameterDefinition(name: "Count", type: .integer, defaultValue: 3),
        ParameterDefinition(name: "Force", type: .boolean, defaultValue: false),
        ParameterDefinition(name: "Targets", type: .mapList, defaultValue: [["Key": "InstanceIds", "Values": ["mi-1"]]]),
        ParameterDefinition(name: "Tags", type: .stringMap, defaultValue: ["team": "ops"]),
        ParameterDefinition(name: "Dir", type: .string, defaultValue: ""),
    ]

    static func resolve(
        _ provided: AutomationParameterMap?, definitions: [ParameterDefinition] = definitions, maxValueLength: Int = 512
    ) throws(ServiceError) -> ResolvedParameters {
        try ParameterResolver.resolve(definitions: definitions, provided: provided, maxValueLength: maxValueLength)
    }

    @Test func fillsDefaultsAndShowsEveryParameterOnTheAPI() throws {
        let resolved = try Self.resolve(["Name": ["web"]])
        #expect(
            resolved.values
                == [
                    "Name": "web", "Ids": ["mi-1"], "Count": 3, "Force": false,
                    "Targets": [["Key": "InstanceIds", "Values": ["mi-1"]]], "Tags": ["team": "ops"], "Dir": "",
                ])
        #expect(
            resolved.apiParameters
                == [
                    "Name": ["web"], "Ids": ["mi-1"], "Count": ["3"], "Force": ["false"],
                    "Targets": [#"{"Key":"InstanceIds","Values":["mi-1"]}"#], "Tags": [#"{"team":"ops"}"#], "Dir": [""],
                ])
    }

    @Test func typesProvidedValuesAndEchoesThemOnTheAPI() throws {
        let provided: AutomationParameterMap = [
            "Name": ["web"], "Ids": ["a", "b"], "Count": ["42"], "Force": ["TRUE"],
            "Targets": [#"{"Key": "tag:Env", "Values": ["prod"]}"#, #"{"Key":"InstanceIds","Values":["i-1"]}"#],
            "Tags": [#"{"a": "1", "b": "2"}"#],
        ]
        let resolved = try Self.resolve(provided)
        #expect(resolved.values["Ids"] == ["a", "b"])
        #expect(resolved.values["Count"] == 42)
        #expect(resolved.values["Force"] == true)
        #expect(
            resolved.values["Targets"]
                == [["Key": "tag:Env", "Values": ["prod"]], ["Key": "InstanceIds", "Values": ["i-1"]]])
        #expect(resolved.values["Tags"] == ["a": "1", "b": "2"])
        for (name, wire) in provided { #expect(resolved.apiParameters[name] == wire) }
    }

    @Test func acceptsAWholeMapListGivenAsOneJSONArray() throws {
        let resolved = try Self.resolve(["Name": ["x"], "Targets": [#"[{"Key":"InstanceIds","Values":["i-1","i-2"]}]"#]])
        #expect(resolved.values["Targets"] == [["Key": "InstanceIds", "Values": ["i-1", "i-2"]]])
    }

    @Test func treatsNilLikeNoParameters() throws {
        let resolved = try Self.resolve(nil, definitions: [ParameterDefinition(name: "A", type: .string, defaultValue: "a")])
        #expect(resolved.values == ["A": "a"])
    }

    @Test func coercesTextDefaultsOfDocumentsBuiltInCode() throws {
        let resolved = try Self.resolve(
            nil, definitions: [ParameterDefinition(name: "N", type: .integer, defaultValue: "7")])
        #expect(resolved.values["N"] == 7)
        #expect(resolved.apiParameters["N"] == ["7"])
    }

    @Test func rejectsAnUndeclaredParameter() {
        expectServiceError(
            .invalidAutomationExecutionParametersException, containing: ["'Nmae' is not declared", "Name, Ids"]
        ) { try Self.resolve(["Name": ["x"], "Nmae": ["y"]]) }
    }

    @Test func rejectsAMissingRequiredParameter() {
        expectServiceError(
            .invalidAutomationExecutionParametersException, containing: ["'Name' is required", "--parameters Name="]
        ) { try Self.resolve([:]) }
    }

    @Test(arguments: [
        (["Name": ["a", "b"]] as AutomationParameterMap, ["'Name'", "exactly one value", "given 2"]),
        (["Name": []], ["'Name'", "exactly one value", "given 0"]),
        (["Name": ["x"], "Count": ["4.5"]], ["'Count'", "whole number", "'4.5'"]),
        (["Name": ["x"], "Count": ["ten"]], ["'Count'", "whole number"]),
        (["Name": ["x"], "Force": ["yes"]], ["'Force'", "true or false", "'yes'"]),
        (["Name": ["x"], "Targets": ["not json"]], ["'Targets'", "MapList", "JSON object"]),
        (["Name": ["x"], "Targets": ["[1, 2]"]], ["'Targets'", "MapList"]),
        (["Name": ["x"], "Tags": ["[1]"]], ["'Tags'", "JSON object"]),
        (["Name": ["x"], "Tags": ["{}", "{}"]], ["'Tags'", "exactly one value"]),
    ])
    func rejectsValuesOfTheWrongType(provided: AutomationParameterMap, fragments: [String]) {
        expectServiceError(.invalidAutomationExecutionParametersException, containing: fragments) {
            try Self.resolve(provided)
        }
    }

    @Test func limitsValueLengthButLetsLongTaskTokensThrough() throws {
        let token = String(repeating: "A", count: 1500)
        let definitions = [ParameterDefinition(name: "taskToken", type: .string)]
        expectServiceError(
            .invalidAutomationExecutionParametersException, containing: ["'taskToken'", "1500 characters", "at most 512"]
        ) { try Self.resolve(["taskToken": [token]], definitions: definitions, maxValueLength: 512) }
        let resolved = try Self.resolve(["taskToken": [token]], definitions: definitions, maxValueLength: 2048)
        #expect(resolved.values["taskToken"] == .string(token))
        #expect(resolved.apiParameters["taskToken"] == [token])
    }

    @Test func limitsEachItemOfAList() {
        expectServiceError(.invalidAutomationExecutionParametersException, containing: ["'Ids'", "11 characters"]) {
            try Self.resolve(["Name": ["x"], "Ids": ["short", String(repeating: "x", count: 11)]], maxValueLength: 10)
        }
    }

    @Test(arguments: [
        (ParameterDefinition(name: "Env", type: .string, allowedValues: ["dev", "prod"]), ["test"], ["'Env'", "one of: dev, prod", "'test'"]),
        (ParameterDefinition(name: "Ids", type: .stringList, allowedValues: ["a", "b"]), ["a", "c"], ["'Ids'", "one of: a, b", "'c'"]),
        (ParameterDefinition(name: "Id", type: .string, allowedPattern: "i-[0-9a-f]+"), ["i-12x"], ["'Id'", "pattern i-[0-9a-f]+"]),
        // The pattern must match the whole value, even when it has alternatives.
        (ParameterDefinition(name: "Id", type: .string, allowedPattern: "a|ab"), ["abc"], ["pattern a|ab"]),
        (ParameterDefinition(name: "Ids", type: .stringList, minItems: 2), ["a"], ["'Ids'", "at least 2 items", "has 1"]),
        (ParameterDefinition(name: "Ids", type: .stringList, maxItems: 1), ["a", "b"], ["at most 1 item", "has 2"]),
        (ParameterDefinition(name: "S", type: .string, minChars: 3), ["ab"], ["'S'", "at least 3 characters", "has 2"]),
        (ParameterDefinition(name: "S", type: .stringList, maxChars: 2), ["ab", "abc"], ["at most 2 characters", "'abc'"]),
        (ParameterDefinition(name: "N", type: .integer, allowedValues: ["1", "2"]), ["3"], ["one of: 1, 2"]),
    ])
    func enforcesTheParametersRules(definition: ParameterDefinition, wire: [String], fragments: [String]) {
        expectServiceError(.invalidAutomationExecutionParametersException, containing: fragments) {
            try Self.resolve([definition.name: wire], definitions: [definition])
        }
    }

    @Test func acceptsValuesWithinTheRules() throws {
        let definitions = [
            ParameterDefinition(name: "Env", type: .string, allowedValues: ["dev", "prod"]),
            ParameterDefinition(name: "Id", type: .string, allowedPattern: "a|ab"),
            ParameterDefinition(name: "Ids", type: .stringList, minItems: 1, maxItems: 2, minChars: 1, maxChars: 3),
        ]
        let resolved = try Self.resolve(["Env": ["prod"], "Id": ["ab"], "Ids": ["abc", "d"]], definitions: definitions)
        #expect(resolved.values == ["Env": "prod", "Id": "ab", "Ids": ["abc", "d"]])
    }
}
