import AutomationDocuments
import AutomationModel
import Testing

struct DocumentValidatorTests {
    /// Specifications as the local engine's action registry hands them to the validator, for the actions
    /// these tests use.
    static let actions = [
        ActionSpecification(
            name: .runCommand, builtInOutputs: ["CommandId", "Status", "ResponseCode", "Output"],
            checkInputs: ActionSpecification.noDocumentRules),
        ActionSpecification(
            name: .executeScript, builtInOutputs: ["OutputPayload"], checkInputs: ActionSpecification.noDocumentRules),
        ActionSpecification(name: .executeAwsApi, builtInOutputs: [], checkInputs: ActionSpecification.noDocumentRules),
        ActionSpecification(name: .branch, builtInOutputs: [], checkInputs: BranchInputRules.check),
        ActionSpecification(name: .pause, builtInOutputs: [], checkInputs: ActionSpecification.noDocumentRules),
    ]

    static func pause(_ name: String, nextStep: String? = nil) -> StepDefinition {
        StepDefinition(name: name, action: "aws:pause", nextStep: nextStep)
    }

    static func document(
        parameters: [ParameterDefinition] = [], steps: [StepDefinition], outputs: [String] = [],
        assumeRole: String? = nil
    ) -> AutomationDocument {
        AutomationDocument(assumeRole: assumeRole, parameters: parameters, mainSteps: steps, outputs: outputs)
    }

    static func expectInvalid(
        _ doc: AutomationDocument, _ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expectServiceError(.invalidDocumentContent, containing: fragments, sourceLocation: sourceLocation) {
            try DocumentValidator.validate(doc, actions: actions)
        }
    }

    @Test func acceptsAConsistentDocument() throws {
        let doc = Self.document(
            parameters: [
                ParameterDefinition(name: "Ids", type: .stringList, defaultValue: ["mi-1"]),
                ParameterDefinition(name: "Env", type: .string, defaultValue: "dev", allowedValues: ["dev", "prod"]),
            ],
            steps: [
                StepDefinition(
                    name: "run", action: "aws:runCommand",
                    inputs: [
                        "InstanceIds": "{{ Ids }}",
                        "Parameters": ["commands": ["echo {{Env}} {{ automation:EXECUTION_ID }} {{global:REGION}}"]],
                    ],
                    onFailure: .step("cleanup"), onCancel: .step("cleanup")),
                StepDefinition(
                    name: "choose", action: "aws:branch",
                    inputs: [
                        "Choices": [["NextStep": "cleanup", "Variable": "{{ run.Status }}", "StringEquals": "Failed"]],
                        "Default": "cleanup",
                    ]),
                StepDefinition(
                    name: "cleanup", action: "aws:executeScript",
                    inputs: ["InputPayload": ["out": "{{ run.Output }}", "id": "{{ run.CommandId }}"]],
                    isEnd: true, outputs: [OutputSelector(name: "Result", selector: "$.Payload.r", type: "String")]),
            ],
            outputs: ["run.Output", "cleanup.Result", "cleanup.OutputPayload"])
        try DocumentValidator.validate(doc, actions: Self.actions)
    }

    @Test func requiresAtLeastOneStep() {
        Self.expectInvalid(Self.document(steps: []), ["mainSteps is empty"])
    }

    @Test(arguments: ["has space", "dash-name", "", "dot.name", "ünï"])
    func rejectsStepNamesOutsideTheAllowedCharacters(name: String) {
        Self.expectInvalid(Self.document(steps: [Self.pause(name)]), ["[a-zA-Z0-9_]+"])
    }

    @Test func rejectsDuplicateStepNames() {
        Self.expectInvalid(Self.document(steps: [Self.pause("a"), Self.pause("a")]), ["Two steps are named 'a'"])
    }

    @Test func rejectsFlowTargetsThatDoNotExist() {
        Self.expectInvalid(Self.document(steps: [Self.pause("a", nextStep: "b")]), ["nextStep names step 'b'", "Steps: a"])
        Self.expectInvalid(
            Self.document(steps: [StepDefinition(name: "a", action: "aws:pause", onFailure: .step("x"))]),
            ["onFailure names step 'x'"])
        Self.expectInvalid(
            Self.document(steps: [StepDefinition(name: "a", action: "aws:pause", onCancel: .step("y"))]),
            ["onCancel names step 'y'"])
    }

    @Test func rejectsBadCounts() {
        Self.expectInvalid(
            Self.document(steps: [StepDefinition(name: "a", action: "aws:pause", maxAttempts: 0)]), ["maxAttempts is 0"])
        Self.expectInvalid(
            Self.document(steps: [StepDefinition(name: "a", action: "aws:pause", timeoutSeconds: 0)]),
            ["timeoutSeconds is 0"])
    }

    @Test(arguments: ["pause", "aws:", ":pause", "aws:a:b"])
    func rejectsMalformedActionNames(action: String) {
        Self.expectInvalid(Self.document(steps: [StepDefinition(name: "a", action: action)]), ["must look like aws:runCommand"])
    }

    @Test func leavesUnknownActionsToTheEngine() throws {
        try DocumentValidator.validate(
            Self.document(steps: [StepDefinition(name: "a", action: "aws:createImage")]), actions: Self.actions)
    }

    /// A name longer than StartAutomationExecution accepts (1-50 characters) would be refused at every start.
    @Test func rejectsParameterNamesNoStartCouldGive() {
        let long = String(repeating: "P", count: 300)
        Self.expectInvalid(
            Self.document(parameters: [ParameterDefinition(name: long, type: .string)], steps: [Self.pause("a")]),
            ["1 to 50 characters long; it has 300", "Shorten the name"])
        let fifty = String(repeating: "P", count: 50)
        #expect(throws: Never.self) {
            try DocumentValidator.validate(
                Self.document(parameters: [ParameterDefinition(name: fifty, type: .string)], steps: [Self.pause("a")]),
                actions: Self.actions)
        }
    }

    @Test func rejectsBadParameterDeclarations() {
        Self.expectInvalid(
            Self.document(parameters: [ParameterDefinition(name: "bad-name", type: .string)], steps: [Self.pause("a")]),
            ["Parameter 'bad-name'", "letters, digits and underscores"])
        Self.expectInvalid(
            Self.document(
                parameters: [ParameterDefinition(name: "P", type: .string), ParameterDefinition(name: "P", type: .integer)],
                steps: [Self.pause("a")]),
            ["declared twice"])
        Self.expectInvalid(
            Self.document(
                parameters: [ParameterDefinition(name: "P", type: .string, allowedPattern: "([a-z")], steps: [Self.pause("a")]),
            ["allowedPattern ([a-z is not a valid regular expression"])
        Self.expectInvalid(
            Self.document(
                parameters: [ParameterDefinition(name: "P", type: .stringList, minItems: 3, maxItems: 1)],
                steps: [Self.pause("a")]),
            ["minItems 3 is more than maxItems 1"])
    }

    @Test(arguments: [
        (ParameterDefinition(name: "P", type: .integer, defaultValue: "abc"), "not of type Integer"),
        (ParameterDefinition(name: "P", type: .boolean, defaultValue: "yes"), "not of type Boolean"),
        (ParameterDefinition(name: "P", type: .stringList, defaultValue: "one"), "not of type StringList"),
        (ParameterDefinition(name: "P", type: .mapList, defaultValue: ["x"]), "not of type MapList"),
        (ParameterDefinition(name: "P", type: .stringMap, defaultValue: ["x"]), "not of type StringMap"),
        (ParameterDefinition(name: "P", type: .string, defaultValue: ["a": 1]), "not of type String"),
        (ParameterDefinition(name: "P", type: .string, defaultValue: "test", allowedValues: ["dev", "prod"]), "must be one of: dev, prod"),
        (ParameterDefinition(name: "P", type: .string, defaultValue: "ABC", allowedPattern: "[a-z]+"), "must match the pattern"),
        (ParameterDefinition(name: "P", type: .stringList, defaultValue: [], minItems: 1), "needs at least 1 item"),
        (ParameterDefinition(name: "P", type: .string, defaultValue: "toolong", maxChars: 3), "at most 3 characters"),
    ])
    func rejectsDefaultsThatBreakTheirOwnRules(parameter: ParameterDefinition, fragment: String) {
        Self.expectInvalid(Self.document(parameters: [parameter], steps: [Self.pause("a")]), ["Parameter 'P'", fragment])
    }

    @Test func checksEveryReferenceInInputs() {
        let step = { (value: JSONValue) in
            Self.document(
                parameters: [ParameterDefinition(name: "Known", type: .string, defaultValue: "x")],
                steps: [StepDefinition(name: "a", action: "aws:runCommand", inputs: ["Deep": ["List": [value]]])])
        }
        Self.expectInvalid(step("{{ Unknown }}"), ["{{ Unknown }} names no declared parameter", "Known"])
        Self.expectInvalid(step("x {{ nowhere.Output }}"), ["names step 'nowhere'"])
        Self.expectInvalid(step("{{ a.Typo }}"), ["output 'Typo' of step 'a'", "CommandId, Output, ResponseCode, Status"])
        Self.expectInvalid(step("{{ global:HOSTNAME }}"), ["{{ global:HOSTNAME }} is not a reference"])
        Self.expectInvalid(step("{{ automation:OTHER }}"), ["is not a reference"])
        Self.expectInvalid(step("{{ ssm:/my/param }}"), ["is not a reference"])
    }

    @Test func acceptsAnyOutputOfActionsItDoesNotKnow() throws {
        try DocumentValidator.validate(
            Self.document(steps: [
                StepDefinition(name: "image", action: "aws:createImage"),
                StepDefinition(name: "use", action: "aws:pause", inputs: ["Id": "{{ image.ImageId }}"]),
            ]), actions: Self.actions)
    }

    @Test func requiresDeclaredOutputsForExecuteAwsApi() {
        Self.expectInvalid(
            Self.document(steps: [
                StepDefinition(name: "call", action: "aws:executeAwsApi"),
                StepDefinition(name: "use", action: "aws:pause", inputs: ["X": "{{ call.Result }}"]),
            ]),
            ["Declare it in the step's outputs"])
    }

    @Test func checksAssumeRoleReferences() {
        Self.expectInvalid(
            Self.document(steps: [Self.pause("a")], assumeRole: "{{ AutomationAssumeRole }}"),
            ["assumeRole", "AutomationAssumeRole"])
    }

    @Test func checksDocumentOutputs() {
        Self.expectInvalid(Self.document(steps: [Self.pause("a")], outputs: ["b.Output"]), ["Document output 'b.Output'", "step 'b'"])
        Self.expectInvalid(Self.document(steps: [Self.pause("a")], outputs: ["justaname"]), ["StepName.OutputName"])
    }

    @Test func checksStepOutputDeclarations() {
        let step = { (outputs: [OutputSelector]) in
            Self.document(steps: [StepDefinition(name: "a", action: "aws:executeScript", outputs: outputs)])
        }
        Self.expectInvalid(step([OutputSelector(name: "x", selector: "Payload.x", type: "String")]), ["Selector 'Payload.x'"])
        Self.expectInvalid(step([OutputSelector(name: "x", selector: "$.x", type: "Text")]), ["Type 'Text'", "MapList"])
        Self.expectInvalid(
            step([
                OutputSelector(name: "x", selector: "$.x", type: "String"),
                OutputSelector(name: "x", selector: "$.y", type: "String"),
            ]), ["output 'x' twice"])
    }

    static func branch(_ inputs: [String: JSONValue]) -> AutomationDocument {
        document(steps: [StepDefinition(name: "choose", action: "aws:branch", inputs: inputs), pause("yes"), pause("no")])
    }

    @Test func acceptsNestedBranchChoices() throws {
        try DocumentValidator.validate(
            Self.branch([
                "Choices": [
                    [
                        "NextStep": "yes",
                        "And": [
                            ["Variable": "a", "StringEquals": "a"],
                            ["Not": ["Variable": 1, "NumericGreater": 2]],
                            ["Or": [["Variable": true, "BooleanEquals": true], ["Variable": "x", "Contains": "x"]]],
                        ],
                    ]
                ],
                "Default": "no",
            ]), actions: Self.actions)
    }

    struct BranchCase: Sendable, CustomTestStringConvertible {
        var inputs: JSONValue
        var fragment: String
        init(_ inputs: JSONValue, _ fragment: String) {
            self.inputs = inputs
            self.fragment = fragment
        }
        var testDescription: String { fragment }
    }

    static let malformedBranches: [BranchCase] = [
        BranchCase(["Default": "no"], "needs inputs.Choices"),
        BranchCase(["Choices": []], "needs inputs.Choices"),
        BranchCase(["Choices": [["Variable": "a", "StringEquals": "a"]]], "needs NextStep"),
        BranchCase(["Choices": [["NextStep": "gone", "Variable": "a", "StringEquals": "a"]]], "names step 'gone'"),
        BranchCase(["Choices": [["NextStep": "yes", "Variable": "a"]]], "has no operator"),
        BranchCase(["Choices": [["NextStep": "yes", "Variable": "a", "StringEquals": "a", "StartsWith": "a"]]], "has 2 operators"),
        BranchCase(["Choices": [["NextStep": "yes", "Variable": "a", "Equals": "a"]]], "unknown key 'Equals'"),
        BranchCase(["Choices": [["NextStep": "yes", "StringEquals": "a"]]], "no Variable"),
        BranchCase(["Choices": [["NextStep": "yes", "And": []]]], "non-empty list"),
        BranchCase(["Choices": [["NextStep": "yes", "And": [["Variable": "a"]]]]], "And condition 1 has no operator"),
        BranchCase(["Choices": [["NextStep": "yes", "Not": ["StringEquals": "a"]]]], "Not's condition uses StringEquals but has no Variable"),
        BranchCase(["Choices": [["NextStep": "yes", "Variable": "a", "StringEquals": "a"]], "Default": "gone"], "Default names step 'gone'"),
        BranchCase(["Choices": [["NextStep": "yes", "Variable": "a", "StringEquals": "a"]], "Otherwise": "no"], "unknown input 'Otherwise'"),
    ]

    @Test(arguments: malformedBranches)
    func explainsMalformedBranches(branchCase: BranchCase) {
        Self.expectInvalid(Self.branch(branchCase.inputs.objectValue ?? [:]), ["Step 'choose'", branchCase.fragment])
    }
}
