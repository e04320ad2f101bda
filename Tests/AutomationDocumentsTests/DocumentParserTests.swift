import AutomationDocuments
import AutomationModel
import Testing

struct DocumentParserTests {
    static let fullYAML = """
        description: Restarts things
        schemaVersion: '0.3'
        assumeRole: '{{ AutomationAssumeRole }}'
        parameters:
          Zone:
            type: String
            description: Where
            default: eu
            allowedValues: [eu, us]
          AutomationAssumeRole:
            type: String
            default: ''
          Count:
            type: Integer
            default: '3'
          Flags:
            type: StringList
            default: [a, b]
            minItems: 1
            maxItems: 5
          Name:
            type: String
            allowedPattern: '^[a-z]+$'
            minChars: 1
            maxChars: 10
            displayType: textarea
        mainSteps:
          - name: first
            action: aws:runCommand
            description: Runs it
            maxAttempts: '3'
            timeoutSeconds: 120
            onFailure: step:cleanup
            onCancel: step:cleanup
            isCritical: 'false'
            nextStep: third
            inputs:
              DocumentName: AWS-RunShellScript
              InstanceIds: ['{{ Name }}']
              Parameters:
                commands: '{{ Flags }}'
            outputs:
              - Name: Extra
                Selector: $.Payload.extra
                Type: String
          - name: cleanup
            action: aws:sleep
            onFailure: Continue
            isEnd: 'true'
            inputs:
              Duration: PT1S
          - name: third
            action: aws:pause
        outputs:
          - first.Output
          - first.Extra
        """

    @Test func readsEveryFieldOfAYAMLDocument() throws {
        let doc = try DocumentParser.parse(Self.fullYAML, format: .yaml)
        #expect(doc.schemaVersion == "0.3")
        #expect(doc.description == "Restarts things")
        #expect(doc.assumeRole == "{{ AutomationAssumeRole }}")
        #expect(doc.parameters.map(\.name) == ["Zone", "AutomationAssumeRole", "Count", "Flags", "Name"])
        #expect(
            doc.parameters[0]
                == ParameterDefinition(
                    name: "Zone", type: .string, description: "Where", defaultValue: "eu", allowedValues: ["eu", "us"]))
        #expect(doc.parameters[1].defaultValue == "")
        #expect(doc.parameters[2].defaultValue == 3)
        #expect(doc.parameters[3].defaultValue == ["a", "b"])
        #expect(doc.parameters[3].minItems == 1 && doc.parameters[3].maxItems == 5)
        #expect(doc.parameters[4].isRequired)
        #expect(doc.parameters[4].allowedPattern == "^[a-z]+$")
        #expect(doc.parameters[4].minChars == 1 && doc.parameters[4].maxChars == 10)

        let first = doc.mainSteps[0]
        #expect(first.name == "first" && first.action == "aws:runCommand" && first.description == "Runs it")
        #expect(first.maxAttempts == 3)
        #expect(first.timeoutSeconds == 120)
        #expect(first.onFailure == .step("cleanup"))
        #expect(first.onCancel == .step("cleanup"))
        #expect(first.isCritical == false)
        #expect(first.isEnd == false)
        #expect(first.nextStep == "third")
        #expect(first.inputs["Parameters"] == ["commands": "{{ Flags }}"])
        #expect(first.inputs["InstanceIds"] == ["{{ Name }}"])
        #expect(first.outputs == [OutputSelector(name: "Extra", selector: "$.Payload.extra", type: "String")])

        let cleanup = doc.mainSteps[1]
        #expect(cleanup.onFailure == .continue)
        #expect(cleanup.onCancel == .abort)
        #expect(cleanup.isEnd)
        #expect(cleanup.maxAttempts == 1)
        #expect(cleanup.isCritical)

        let third = doc.mainSteps[2]
        #expect(third.inputs.isEmpty && third.onFailure == .abort && third.timeoutSeconds == nil)
        #expect(doc.outputs == ["first.Output", "first.Extra"])
    }

    @Test func readsJSONKeepingParameterOrder() throws {
        let json = """
            {
              "schemaVersion": "0.3",
              "parameters": {
                "zulu": {"type": "String", "default": "z"},
                "alpha": {"type": "Integer", "default": 7},
                "mike": {"type": "Boolean", "default": "true"}
              },
              "mainSteps": [
                {"name": "wait", "action": "aws:sleep", "maxAttempts": "2", "inputs": {"Duration": "PT1S"}}
              ]
            }
            """
        for format in [DocumentFormat.json, nil] {
            let doc = try DocumentParser.parse(json, format: format)
            #expect(doc.parameters.map(\.name) == ["zulu", "alpha", "mike"])
            #expect(doc.parameters.map(\.defaultValue) == ["z", 7, true])
            #expect(doc.mainSteps[0].maxAttempts == 2)
        }
    }

    @Test func detectsYAMLWhenNoFormatIsGiven() throws {
        let doc = try DocumentParser.parse(
            "schemaVersion: '0.3'\nmainSteps:\n  - name: a\n    action: aws:pause\n", format: nil)
        #expect(doc.mainSteps.map(\.name) == ["a"])
    }

    @Test func readsJSONSentAsYAMLAndFlowStyleYAML() throws {
        let json = #"{"schemaVersion": "0.3", "mainSteps": [{"name": "a", "action": "aws:pause", "description": "a\/b"}]}"#
        #expect(try DocumentParser.parse(json, format: .yaml).mainSteps[0].description == "a/b")
        let flow = "{schemaVersion: '0.3', mainSteps: [{name: a, action: 'aws:pause'}]}"
        for format in [DocumentFormat.yaml, nil] {
            #expect(try DocumentParser.parse(flow, format: format).mainSteps[0].name == "a")
        }
        #expect(try DocumentParser.parse("\u{FEFF}" + json, format: .json).mainSteps.count == 1)
    }

    @Test func reportsTheErrorOfTheClaimedFormat() {
        let broken = #"{"schemaVersion": "0.3", "mainSteps": [}"#
        expectServiceError(.invalidDocumentContent, containing: ["not valid JSON"]) {
            try DocumentParser.parse(broken, format: nil)
        }
        expectServiceError(.invalidDocumentContent, containing: ["not valid JSON"]) {
            try DocumentParser.parse(broken, format: .json)
        }
        expectServiceError(.invalidDocumentContent, containing: ["not valid YAML"]) {
            try DocumentParser.parse(broken, format: .yaml)
        }
    }

    @Test func keepsAStringDefaultAsWritten() throws {
        let doc = try DocumentParser.parse(
            "schemaVersion: '0.3'\nparameters:\n  V:\n    type: String\n    default: 3.10\nmainSteps:\n  - name: a\n    action: aws:pause\n",
            format: .yaml)
        #expect(doc.parameters[0].defaultValue == "3.10")
    }

    @Test func acceptsAnUnquotedSchemaVersion() throws {
        let doc = try DocumentParser.parse("schemaVersion: 0.3\nmainSteps:\n  - name: a\n    action: aws:pause\n", format: .yaml)
        #expect(doc.schemaVersion == "0.3")
    }

    @Test(arguments: ["'2.2'", "'1.2'", "0.30", "[0.3]"])
    func rejectsOtherSchemaVersions(version: String) {
        expectServiceError(.invalidDocumentSchemaVersion, containing: ["schemaVersion", "'0.3'"]) {
            try DocumentParser.parse("schemaVersion: \(version)\nmainSteps:\n  - name: a\n    action: aws:pause\n", format: .yaml)
        }
    }

    @Test func rejectsAMissingSchemaVersion() {
        expectServiceError(.invalidDocumentSchemaVersion, containing: ["no schemaVersion"]) {
            try DocumentParser.parse("mainSteps:\n  - name: a\n    action: aws:pause\n", format: .yaml)
        }
    }

    @Test func rejectsMismatchedAndTextFormats() {
        expectServiceError(.invalidDocumentContent, containing: ["DocumentFormat is JSON"]) {
            try DocumentParser.parse("schemaVersion: '0.3'\n", format: .json)
        }
        expectServiceError(.invalidDocumentContent, containing: ["TEXT"]) {
            try DocumentParser.parse("schemaVersion: '0.3'\n", format: .text)
        }
    }

    @Test func rejectsADocumentThatIsNotAMap() {
        expectServiceError(.invalidDocumentContent, containing: ["must be a map", "a list of 2 items"]) {
            try DocumentParser.parse("- a\n- b\n", format: .yaml)
        }
    }

    static let steps = "mainSteps:\n  - name: a\n    action: aws:pause\n"

    @Test(arguments: [
        // (document body after schemaVersion, fragments the message must name)
        ("mainStep: []\n", ["unknown field 'mainStep'", "mainSteps"]),
        ("description: x\n", ["no mainSteps"]),
        ("mainSteps: {a: 1}\n", ["mainSteps must be a list"]),
        ("mainSteps:\n  - action: aws:pause\n", ["Step 1 of mainSteps needs name"]),
        ("mainSteps:\n  - name: a\n", ["Step 'a' needs action"]),
        ("mainSteps:\n  - name: a\n    action: aws:pause\n    maxattempts: 2\n", ["unknown field 'maxattempts'", "Did you mean 'maxAttempts'?"]),
        ("mainSteps:\n  - name: a\n    action: aws:pause\n    maxAttempts: many\n", ["Step 'a'", "maxAttempts must be a whole number", "many"]),
        ("mainSteps:\n  - name: a\n    action: aws:pause\n    timeoutSeconds: 1.5\n", ["timeoutSeconds must be a whole number"]),
        ("mainSteps:\n  - name: a\n    action: aws:pause\n    isEnd: maybe\n", ["isEnd must be true or false"]),
        ("mainSteps:\n  - name: a\n    action: aws:pause\n    onFailure: Retry\n", ["onFailure is 'Retry'", "Abort, Continue or step:"]),
        ("mainSteps:\n  - name: a\n    action: aws:pause\n    onFailure: 'step:'\n", ["onFailure is 'step:'"]),
        ("mainSteps:\n  - name: a\n    action: aws:pause\n    onCancel: Continue\n", ["onCancel is 'Continue'", "Abort or step:"]),
        ("mainSteps:\n  - name: a\n    action: aws:pause\n    inputs: [1]\n", ["inputs must be a map"]),
        ("mainSteps:\n  - name: a\n    action: aws:pause\n    outputs: {Name: x}\n", ["outputs must be a list"]),
        ("mainSteps:\n  - name: a\n    action: aws:pause\n    outputs:\n      - Name: x\n        Type: String\n", ["output 1 needs Selector"]),
        ("mainSteps:\n  - name: a\n    action: [aws:pause]\n", ["action must be text"]),
        ("parameters: [a]\n" + steps, ["parameters must be a map"]),
        ("parameters:\n  P: String\n" + steps, ["parameter 'P' must be a map"]),
        ("parameters:\n  P:\n    description: x\n" + steps, ["parameter 'P' needs type"]),
        ("parameters:\n  P:\n    type: string\n" + steps, ["type 'string'", "Did you mean String?"]),
        ("parameters:\n  P:\n    type: Text\n" + steps, ["type 'Text'", "StringList"]),
        ("parameters:\n  P:\n    type: String\n    allowed: [a]\n" + steps, ["unknown field 'allowed'"]),
        ("parameters:\n  P:\n    type: String\n    allowedValues: a\n" + steps, ["allowedValues must be a list"]),
        ("parameters:\n  P:\n    type: String\n    allowedValues: [{a: 1}]\n" + steps, ["every item of allowedValues must be text"]),
        ("parameters:\n  P:\n    type: String\n    maxChars: ten\n" + steps, ["maxChars must be a whole number"]),
        ("outputs: a.b\n" + steps, ["outputs must be a list"]),
    ])
    func explainsMalformedFields(body: String, fragments: [String]) {
        expectServiceError(.invalidDocumentContent, containing: fragments) {
            try DocumentParser.parse("schemaVersion: '0.3'\n" + body, format: .yaml)
        }
    }

    @Test func validatesWhatItParses() {
        expectServiceError(.invalidDocumentContent, containing: ["nextStep names step 'nowhere'"]) {
            try DocumentParser.parse(
                "schemaVersion: '0.3'\nmainSteps:\n  - name: a\n    action: aws:pause\n    nextStep: nowhere\n",
                format: .yaml)
        }
    }

    @Test func treatsANullFieldAsAbsent() throws {
        let doc = try DocumentParser.parse(
            "schemaVersion: '0.3'\ndescription:\nmainSteps:\n  - name: a\n    action: aws:pause\n    inputs:\n    nextStep: ~\n",
            format: .yaml)
        #expect(doc.description == nil)
        #expect(doc.mainSteps[0].inputs.isEmpty)
        #expect(doc.mainSteps[0].nextStep == nil)
    }
}
