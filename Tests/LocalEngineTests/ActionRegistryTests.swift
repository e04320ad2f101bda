import AutomationDocuments
import AutomationModel
import Foundation
import Testing

@testable import LocalEngine

@Suite("Action registry")
struct ActionRegistryTests {
    typealias Docs = EngineDocuments

    /// How refusals listed what the local engine runs before the registry built the list.
    static let advertised =
        "The local engine runs aws:approve, aws:pause, aws:sleep, aws:branch, aws:loop, aws:updateVariable, aws:runCommand with DocumentName AWS-RunShellScript, aws:executeScript with a python3.x Runtime and an inline Script, aws:executeAwsApi for Service stepfunctions with Api SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat, and aws:executeAutomation."

    /// Well-formed inputs for a step of each action, in a document that also has a step named `next`.
    static let wellFormedInputs: [AutomationActionName: [String: JSONValue]] = [
        .approve: ["Approvers": ["arn:aws:iam::123456789012:user/a"], "MinRequiredApprovals": 1],
        .pause: [:],
        .sleep: ["Duration": "PT1S"],
        .branch: ["Choices": [["NextStep": "next", "Variable": "a", "StringEquals": "a"]], "Default": "next"],
        .loop: ["Iterators": ["a", "b"], "MaxIterations": 2],
        .updateVariable: ["Name": "variable:Count", "Value": 2],
        .runCommand: ["DocumentName": "AWS-RunShellScript", "InstanceIds": ["mi-1"], "Parameters": ["commands": ["true"]]],
        .executeScript: ["Runtime": "python3.11", "Handler": "handler", "Script": "def handler(events, context): return {}"],
        .executeAwsApi: ["Service": "stepfunctions", "Api": "SendTaskHeartbeat", "TaskToken": "token"],
        .executeAutomation: ["DocumentName": "Child", "RuntimeParameters": ["InstanceId": "mi-1"]],
    ]

    static func actionNames(in text: String) -> [String] {
        text.matches(of: /aws:[A-Za-z]+/).map { String($0.output) }
    }

    @Test func everyActionHasARunner() {
        let configuration = EngineConfiguration(
            dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString)"),
            stepFunctions: nil)
        let runners = ActionRegistry.runners(for: configuration)
        for action in ActionRegistry.standard {
            switch action.run {
            case .runner(let make):
                #expect(make(configuration).actions == [action.name.rawValue], "\(action.name)")
                #expect(runners[action.name]?.actions == [action.name.rawValue], "\(action.name)")
            case .waitForApproval:
                #expect(action.name == .approve)
            case .waitForResume:
                #expect(action.name == .pause)
            case .chooseNextStep:
                #expect(action.name == .branch)
            case .startChildAutomation:
                #expect(action.name == .executeAutomation)
            case .loop:
                #expect(action.name == .loop)
            case .updateVariable:
                #expect(action.name == .updateVariable)
            }
        }
        #expect(Set(runners.keys) == [.sleep, .runCommand, .executeScript, .executeAwsApi])
    }

    @Test func everyActionsInputRulesAcceptAWellFormedStep() throws {
        #expect(Set(Self.wellFormedInputs.keys) == Set(ActionRegistry.standard.map(\.name)))
        for action in ActionRegistry.standard {
            let step = StepDefinition(
                name: "step", action: action.name.rawValue, inputs: Self.wellFormedInputs[action.name] ?? [:],
                steps: action.name == .loop ? [StepDefinition(name: "inner", action: AutomationActionName.pause.rawValue)] : [])
            let document = AutomationDocument(
                mainSteps: [step, StepDefinition(name: "next", action: AutomationActionName.pause.rawValue)],
                variables: [ParameterDefinition(name: "Count", type: .integer, defaultValue: 0)])
            try action.specification.checkInputs(step, document)
            #expect(action.localProblem(step) == nil, "\(action.name)")
            try LocalCapabilities.check(document)
        }
    }

    @Test func everyActionHasTheBuiltInOutputsTheDocumentsLayerListedBefore() {
        let builtIn = Dictionary(
            uniqueKeysWithValues: ActionRegistry.standard.map { ($0.name.rawValue, $0.specification.builtInOutputs) })
        #expect(builtIn == [
            "aws:runCommand": ["CommandId", "Status", "ResponseCode", "Output"],
            "aws:approve": ["ApprovalStatus", "ApproverDecisions"],
            "aws:executeScript": ["OutputPayload"],
            "aws:executeAwsApi": [],
            "aws:executeAutomation": ["ExecutionId", "Status", "Output"],
            "aws:branch": [],
            "aws:loop": ["CurrentIteration", "CurrentIteratorValue"],
            "aws:updateVariable": [],
            "aws:sleep": [],
            "aws:pause": [],
        ])
        #expect(ActionRegistry.specifications.map(\.name) == ActionRegistry.standard.map(\.name))
    }

    @Test func theRegistryNamesExactlyTheActionsRefusalsAdvertise() {
        #expect(ActionRegistry.summary == Self.advertised)
        #expect(Self.actionNames(in: ActionRegistry.summary) == ActionRegistry.standard.map(\.name.rawValue))
        let names = ActionRegistry.standard.map(\.name)
        #expect(Set(names).count == names.count, "an action is listed twice")
    }

    @Test func aDocumentUsingAnActionOutsideTheRegistryIsRefusedAsBefore() async throws {
        try await EngineHarness.with { engine in
            let yaml = Docs.document(steps: [
                Docs.step("Hold", "action: aws:pause\n"),
                Docs.step("Launch", "action: aws:runInstances\ninputs:\n  ImageId: ami-1\n"),
            ])
            await Self.expectRefusal(
                "Step Launch (aws:runInstances) cannot run in the local engine: the action aws:runInstances is not supported. "
                    + Self.advertised
            ) {
                try await engine.createDocument("Launch", yaml: yaml)
            }
        }
    }

    /// The branch and built-in output rules moved from the document parser to the registry; CreateDocument
    /// still refuses what they refuse, with the same words.
    @Test func theEngineStillRefusesWhatItsActionsRulesRefuse() async throws {
        try await EngineHarness.with { engine in
            let branch = Docs.document(steps: [
                Docs.step("choose", "action: aws:branch\ninputs:\n  Default: done\n"),
                Docs.step("done", "action: aws:pause\n"),
            ])
            await Self.expectRefusal(
                "Step 'choose': aws:branch needs inputs.Choices, a list of choices each with NextStep, Variable and an operator such as StringEquals."
            ) {
                try await engine.createDocument("Branch", yaml: branch)
            }
            let output = Docs.document(steps: [
                Docs.shellStep("run", ["true"]),
                Docs.step("use", "action: aws:pause\ninputs:\n  Seen: '{{ run.Typo }}'\n"),
            ])
            await Self.expectRefusal(
                "Step 'use' inputs: {{ run.Typo }} names output 'Typo' of step 'run' (aws:runCommand), which it does not produce. Its outputs are: CommandId, Output, ResponseCode, Status; declare others in the step's outputs."
            ) {
                try await engine.createDocument("Output", yaml: output)
            }
        }
    }

    @Test func everyShippedRunbookPassesTheRegistrysChecks() throws {
        let runbooks = try ShippedRunbooks.all()
        #expect(!runbooks.isEmpty)
        for runbook in runbooks {
            _ = try AutomationEngine.parseRunnable(runbook.content, format: .yaml)
        }
    }

    static func expectRefusal<T>(
        _ message: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
    ) async {
        do {
            _ = try await body()
            Issue.record("Expected the document to be refused", sourceLocation: sourceLocation)
        } catch let error as ServiceError {
            #expect(error.code == .invalidDocumentContent, sourceLocation: sourceLocation)
            #expect(error.message == message, sourceLocation: sourceLocation)
        } catch {
            Issue.record("Expected InvalidDocumentContent but got \(error)", sourceLocation: sourceLocation)
        }
    }
}
