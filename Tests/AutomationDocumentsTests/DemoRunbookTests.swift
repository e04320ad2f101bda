import AutomationDocuments
import AutomationModel
import Testing

/// What each demo runbook is for, checked through parsing, parameters, interpolation and branching.
struct DemoRunbookTests {
    static func resolve(_ doc: AutomationDocument, _ provided: AutomationParameterMap? = nil) throws -> [String: JSONValue] {
        try ParameterResolver.resolve(definitions: doc.parameters, provided: provided, maxValueLength: 2048).values
    }

    @Test func approveRestartWaitsForOneOfTwoApprovers() throws {
        let doc = try RunbookFiles.document("Demo-ApproveRestart")
        let approvers = try #require(doc.parameters.first { $0.name == "Approvers" })
        #expect(approvers.type == .stringList)
        #expect(doc.mainSteps.map(\.action) == ["aws:approve", "aws:runCommand"])

        let values = try Self.resolve(doc, ["Approvers": ["alice", "arn:aws:iam::123456789012:role/Reviewer"]])
        let inputs = try RunbookFiles.inputs(of: "ApproveRestart", in: doc, parameters: values)
        #expect(inputs["Approvers"] == ["alice", "arn:aws:iam::123456789012:role/Reviewer"])
        #expect(inputs["MinRequiredApprovals"] == 1)
        #expect(inputs["Message"]?.stringValue?.contains("demo-web") == true)
        expectServiceError(.invalidAutomationExecutionParametersException, containing: ["'Approvers' is required"]) {
            try Self.resolve(doc)
        }
    }

    @Test func pauseAndResumePausesBetweenTwoShellSteps() throws {
        let doc = try RunbookFiles.document("Demo-PauseAndResume")
        #expect(doc.mainSteps.map(\.action) == ["aws:runCommand", "aws:pause", "aws:runCommand"])
        #expect(doc.mainSteps.last?.isEnd == true)
    }

    @Test func interactiveMaintenanceChecksDrainsRestartsAndVerifies() throws {
        let doc = try RunbookFiles.document("Demo-InteractiveMaintenance")
        #expect(
            doc.mainSteps.map(\.name)
                == ["CheckHealth", "ChooseRoute", "DrainTraffic", "RestartService", "VerifyService", "ReportProblem"])
        #expect(doc.mainSteps.contains { $0.action == "aws:branch" })
        let values = try Self.resolve(doc)
        #expect(values["InstanceIds"] == ["mi-00000000000000001"])

        func route(afterOutput output: String) throws -> String? {
            let inputs = try RunbookFiles.inputs(
                of: "ChooseRoute", in: doc, parameters: values,
                stepOutputs: ["CheckHealth": ["Output": .string(output), "Status": "Success"]])
            return try BranchEvaluator.nextStep(inputs: inputs)
        }
        #expect(try route(afterOutput: "Checking demo-web\nhealth=ok\n") == "DrainTraffic")
        #expect(try route(afterOutput: "Checking demo-web\nhealth=degraded\n") == "ReportProblem")
        let verify = try #require(doc.step(named: "VerifyService"))
        #expect(doc.defaultNextStep(after: verify) == nil)
    }

    @Test(arguments: [
        ("production", "ProductionChecks"), ("staging", "StagingSmokeTest"), ("eu-staging", "StagingSmokeTest"),
        ("development", "DevelopmentDeploy"),
    ])
    func branchOnEnvironmentRoutesEachAllowedValue(environment: String, expected: String) throws {
        let doc = try RunbookFiles.document("Demo-BranchOnEnvironment")
        let values = try Self.resolve(doc, ["Environment": [environment]])
        let inputs = try RunbookFiles.inputs(of: "ChooseEnvironment", in: doc, parameters: values)
        #expect(try BranchEvaluator.nextStep(inputs: inputs) == expected)
    }

    @Test func branchOnEnvironmentOnlyTakesItsAllowedValues() throws {
        let doc = try RunbookFiles.document("Demo-BranchOnEnvironment")
        #expect(doc.parameters.first?.allowedValues?.contains("production") == true)
        expectServiceError(.invalidAutomationExecutionParametersException, containing: ["'Environment'", "one of"]) {
            try Self.resolve(doc, ["Environment": ["qa"]])
        }
    }

    @Test func flakyStepRetriesThreeTimesThenCleansUp() throws {
        let doc = try RunbookFiles.document("Demo-FlakyStepWithRetries")
        let flaky = try #require(doc.mainSteps.first)
        #expect(flaky.maxAttempts == 3)
        #expect(flaky.onFailure == .step("Cleanup"))
        #expect(flaky.inputs["Parameters"]?["commands"]?.arrayValue?.last == "exit 1")
        #expect(doc.step(named: "Cleanup")?.isEnd == true)
    }

    @Test func slowCommandRunsForTheGivenSeconds() throws {
        let doc = try RunbookFiles.document("Demo-SlowCommand")
        #expect(doc.parameters.first?.type == .integer)
        let values = try Self.resolve(doc, ["Seconds": ["5"]])
        let inputs = try RunbookFiles.inputs(of: "SlowCommand", in: doc, parameters: values)
        let commands = try #require(inputs["Parameters"]?["commands"]?.arrayValue)
        #expect(commands.first?.stringValue?.contains("seq 1 5") == true)
        expectServiceError(.invalidAutomationExecutionParametersException, containing: ["'Seconds'"]) {
            try Self.resolve(doc, ["Seconds": ["soon"]])
        }
    }

    @Test func sleepThenFinishSleepsThenReportsFromAScript() throws {
        let doc = try RunbookFiles.document("Demo-SleepThenFinish")
        #expect(doc.mainSteps.map(\.action) == ["aws:sleep", "aws:executeScript"])
        let values = try Self.resolve(doc)
        #expect(try RunbookFiles.inputs(of: "Sleep", in: doc, parameters: values)["Duration"] == "PT30S")
        expectServiceError(.invalidAutomationExecutionParametersException, containing: ["'SleepDuration'", "pattern"]) {
            try Self.resolve(doc, ["SleepDuration": ["30 seconds"]])
        }
        expectServiceError(.invalidAutomationExecutionParametersException, containing: ["'SleepDuration'"]) {
            try Self.resolve(doc, ["SleepDuration": ["PT"]])
        }
        let finish = try #require(doc.step(named: "Finish"))
        let message = try #require(finish.outputs.first)
        #expect(try message.select(from: ["Payload": ["message": "Slept PT30S"]]) == "Slept PT30S")
        #expect(doc.outputs == ["Finish.Message"])
    }
}
