import AutomationDocuments
import AutomationModel
import Testing

struct DocumentParameterTests {
    @Test func showsDefaultsAsText() {
        let cases: [(ParameterDefinition, String?)] = [
            (ParameterDefinition(name: "S", type: .string, defaultValue: "plain text"), "plain text"),
            (ParameterDefinition(name: "E", type: .string, defaultValue: ""), ""),
            (ParameterDefinition(name: "I", type: .integer, defaultValue: 3600), "3600"),
            (ParameterDefinition(name: "B", type: .boolean, defaultValue: true), "true"),
            (ParameterDefinition(name: "L", type: .stringList, defaultValue: ["a", "b"]), #"["a","b"]"#),
            (ParameterDefinition(name: "M", type: .stringMap, defaultValue: ["k": "v"]), #"{"k":"v"}"#),
            (ParameterDefinition(name: "R", type: .stringList), nil),
        ]
        for (definition, expected) in cases {
            #expect(definition.documentParameter.defaultValue == expected)
        }
    }

    @Test func carriesNameTypeAndDescription() {
        let parameter = ParameterDefinition(name: "Targets", type: .mapList, description: "Where to run").documentParameter
        #expect(parameter == DocumentParameter(name: "Targets", type: "MapList", description: "Where to run"))
    }
}
