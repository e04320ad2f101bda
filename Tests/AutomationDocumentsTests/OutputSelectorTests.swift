import AutomationDocuments
import AutomationModel
import Testing

struct OutputSelectorTests {
    static let result: JSONValue = [
        "Payload": [
            "message": "hello", "count": 3, "countText": "4", "ok": true, "okText": "false",
            "list": ["a", 1, true], "items": [["id": 1], ["id": 2]], "map": ["k": "v"],
            "key with spaces": ["inner": "found"],
        ]
    ]

    static func select(_ selector: String, _ type: String) throws(ServiceError) -> JSONValue {
        try OutputSelector(name: "Out", selector: selector, type: type).select(from: result)
    }

    @Test func selectsByPathAndConvertsToTheDeclaredType() throws {
        #expect(try Self.select("$.Payload.message", "String") == "hello")
        #expect(try Self.select("$.Payload.count", "String") == "3")
        #expect(try Self.select("$.Payload.count", "Integer") == 3)
        #expect(try Self.select("$.Payload.countText", "Integer") == 4)
        #expect(try Self.select("$.Payload.ok", "Boolean") == true)
        #expect(try Self.select("$.Payload.okText", "Boolean") == false)
        #expect(try Self.select("$.Payload.list", "StringList") == ["a", "1", "true"])
        #expect(try Self.select("$.Payload.map", "StringMap") == ["k": "v"])
        #expect(try Self.select("$.Payload.items", "MapList") == [["id": 1], ["id": 2]])
    }

    @Test func supportsIndexesBracketKeysAndTheRoot() throws {
        #expect(try Self.select("$.Payload.list[0]", "String") == "a")
        #expect(try Self.select("$.Payload.items[1].id", "Integer") == 2)
        #expect(try Self.select("$['Payload']['key with spaces'].inner", "String") == "found")
        #expect(try Self.select(#"$.Payload["map"].k"#, "String") == "v")
        #expect(try Self.select("$", "StringMap") == Self.result)
    }

    @Test func explainsAMissingPath() {
        expectServiceError(.validationException, containing: ["Output Out", "nothing at $.Payload.absent"]) {
            try Self.select("$.Payload.absent", "String")
        }
        expectServiceError(.validationException, containing: ["nothing at $.Payload.list[3]"]) {
            try Self.select("$.Payload.list[3]", "String")
        }
        expectServiceError(.validationException, containing: ["nothing at $.Payload.message.deeper"]) {
            try Self.select("$.Payload.message.deeper", "String")
        }
    }

    @Test(arguments: [
        ("$.Payload.message", "Integer", "not a whole number"),
        ("$.Payload.ok", "Integer", "not a whole number"),
        ("$.Payload.message", "Boolean", "not true or false"),
        ("$.Payload.map", "String", "not text"),
        ("$.Payload.items", "StringList", "not a list of text values"),
        ("$.Payload.list", "MapList", "not a list of JSON objects"),
        ("$.Payload.list", "StringMap", "not a JSON object"),
    ])
    func explainsATypeMismatch(selector: String, type: String, fragment: String) {
        expectServiceError(.validationException, containing: [fragment, "Change the output's Type or Selector"]) {
            try Self.select(selector, type)
        }
    }

    @Test(arguments: ["Payload.message", "$.", "$..x", "$[x]", "$[-1]", "$.a[", "$x"])
    func rejectsUnsupportedSelectors(selector: String) {
        expectServiceError(.validationException, containing: ["Selector is not supported", "$.List[0]"]) {
            try Self.select(selector, "String")
        }
    }

    @Test func rejectsAnUnknownType() {
        expectServiceError(.validationException, containing: ["unknown Type", "StringMap"]) {
            try Self.select("$.Payload.message", "Text")
        }
    }
}
