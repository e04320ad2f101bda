import AutomationDocuments
import AutomationModel
import Foundation
import Testing

/// The seed 004 pattern: Step Functions starts the runbook with a task token and waits for the callback.
struct StepFunctionsRunbookTests {
    static let names = ["SfnRunCommandByInstanceIds", "SfnRunCommandByTargets"]

    /// Task tokens run past the API's 512-character limit.
    static let taskToken = "AQCEAAAAKgAAAAMAAAAAAAAAA" + String(repeating: "x7Yz", count: 200)

    @Test(arguments: names)
    func declaresTheSeedsParameters(name: String) throws {
        let doc = try RunbookFiles.document(name)
        let target = name.hasSuffix("InstanceIds") ? "InstanceIds" : "Targets"
        #expect(Set(doc.parameters.map(\.name)) == ["executionTimeout", "workingDirectory", "Commands", target, "taskToken"])
        func parameter(_ name: String) -> ParameterDefinition? { doc.parameters.first { $0.name == name } }
        #expect(parameter("executionTimeout")?.type == .integer)
        #expect(parameter("executionTimeout")?.defaultValue == 3600)
        #expect(parameter("workingDirectory")?.type == .string)
        #expect(parameter("workingDirectory")?.defaultValue == "")
        #expect(parameter("Commands")?.type == .stringList)
        #expect(parameter("Commands")?.isRequired == true)
        #expect(parameter(target)?.type == (target == "Targets" ? .mapList : .stringList))
        #expect(parameter(target)?.isRequired == true)
        #expect(parameter("taskToken")?.type == .string)
        #expect(parameter("taskToken")?.isRequired == true)
    }

    @Test(arguments: names)
    func hasTheThreeStepsAndTheirFlow(name: String) throws {
        let doc = try RunbookFiles.document(name)
        #expect(doc.mainSteps.map(\.name) == ["RunCommand", "SendTaskFailure", "SendTaskSuccess"])
        #expect(doc.mainSteps.map(\.action) == ["aws:runCommand", "aws:executeAwsApi", "aws:executeAwsApi"])

        let run = try #require(doc.step(named: "RunCommand"))
        #expect(run.onFailure == .step("SendTaskFailure"))
        #expect(run.onCancel == .step("SendTaskFailure"))
        #expect(run.nextStep == "SendTaskSuccess")
        #expect(doc.defaultNextStep(after: run) == "SendTaskSuccess")

        let failure = try #require(doc.step(named: "SendTaskFailure"))
        #expect(failure.isEnd && doc.defaultNextStep(after: failure) == nil)
        #expect(failure.inputs["Service"] == "stepfunctions" && failure.inputs["Api"] == "send_task_failure")
        #expect(failure.inputs["taskToken"] == "{{ taskToken }}")
        #expect(failure.inputs["error"] == "Automation document failure")

        let success = try #require(doc.step(named: "SendTaskSuccess"))
        #expect(success.isEnd)
        #expect(success.inputs["Service"] == "stepfunctions" && success.inputs["Api"] == "send_task_success")
        #expect(success.inputs["taskToken"] == "{{ taskToken }}")
    }

    /// The parameters the seed's state machine sends, as lists of strings.
    static func provided(for name: String) -> AutomationParameterMap {
        var provided: AutomationParameterMap = [
            "taskToken": [taskToken],
            "workingDirectory": ["/home/ssm-user/"],
            "Commands": ["echo \"This is a test running automation waitForTaskToken\" >> automation.log", "sleep 100"],
        ]
        if name.hasSuffix("InstanceIds") {
            provided["InstanceIds"] = ["i-1234567890abcdef0"]
        } else {
            provided["Targets"] = [#"{"Key":"InstanceIds","Values":["i-02573cafcfEXAMPLE","i-0471e04240EXAMPLE"]}"#]
        }
        return provided
    }

    @Test(arguments: names)
    func runCommandGetsTheStateMachinesValues(name: String) throws {
        let doc = try RunbookFiles.document(name)
        let resolved = try ParameterResolver.resolve(
            definitions: doc.parameters, provided: Self.provided(for: name), maxValueLength: 2048)
        #expect(resolved.apiParameters["executionTimeout"] == ["3600"])
        #expect(resolved.apiParameters["taskToken"] == [Self.taskToken])

        let inputs = try RunbookFiles.inputs(of: "RunCommand", in: doc, parameters: resolved.values)
        #expect(inputs["DocumentName"] == "AWS-RunShellScript")
        #expect(
            inputs["Parameters"]
                == [
                    "commands": ["echo \"This is a test running automation waitForTaskToken\" >> automation.log", "sleep 100"],
                    "workingDirectory": "/home/ssm-user/",
                    // Integer per the seed's table; Run Command takes it as the text "3600".
                    "executionTimeout": 3600,
                ])
        #expect(inputs["Parameters"]?["executionTimeout"]?.displayText == "3600")
        if name.hasSuffix("InstanceIds") {
            #expect(inputs["InstanceIds"] == ["i-1234567890abcdef0"])
        } else {
            #expect(inputs["Targets"] == [["Key": "InstanceIds", "Values": ["i-02573cafcfEXAMPLE", "i-0471e04240EXAMPLE"]]])
        }
    }

    static let commandOutputs: [String: JSONValue] = [
        "CommandId": "0b7d3c2e-1111-4222-8333-444455556666", "Status": "Success", "ResponseCode": 0,
        "Output": "line \"one\"\nline two\n",
    ]

    /// The output is a map, which the engine sends as its JSON text, so the command's quotes and line
    /// breaks arrive intact.
    @Test(arguments: names)
    func sendTaskSuccessSendsTheTokenAndTheCommandsResult(name: String) throws {
        let doc = try RunbookFiles.document(name)
        let resolved = try ParameterResolver.resolve(
            definitions: doc.parameters, provided: Self.provided(for: name), maxValueLength: 2048)
        let inputs = try RunbookFiles.inputs(
            of: "SendTaskSuccess", in: doc, parameters: resolved.values, stepOutputs: ["RunCommand": Self.commandOutputs])
        #expect(inputs["taskToken"] == .string(Self.taskToken))
        let output = try #require(inputs["output"])
        #expect(output == .object(Self.commandOutputs))
        #expect(try JSONValue.parse(output.jsonText) == .object(Self.commandOutputs))
    }

    @Test(arguments: names)
    func sendTaskFailureCarriesTheCommandsStatusAndOutput(name: String) throws {
        let doc = try RunbookFiles.document(name)
        let resolved = try ParameterResolver.resolve(
            definitions: doc.parameters, provided: Self.provided(for: name), maxValueLength: 2048)
        var outputs = Self.commandOutputs
        outputs["Status"] = "Failed"
        outputs["ResponseCode"] = 1
        let inputs = try RunbookFiles.inputs(
            of: "SendTaskFailure", in: doc, parameters: resolved.values, stepOutputs: ["RunCommand": outputs])
        #expect(inputs["taskToken"] == .string(Self.taskToken))
        let cause = try #require(inputs["cause"]?.stringValue)
        #expect(cause.contains("Failed"))
        #expect(cause.contains("0b7d3c2e-1111-4222-8333-444455556666"))
        #expect(cause.contains("line \"one\"\nline two"))
    }

    @Test(arguments: names)
    func refusesATokenPastTheAPILimitOnlyWhenTheEngineSaysSo(name: String) throws {
        let doc = try RunbookFiles.document(name)
        expectServiceError(.invalidAutomationExecutionParametersException, containing: ["'taskToken'"]) {
            try ParameterResolver.resolve(definitions: doc.parameters, provided: Self.provided(for: name), maxValueLength: 512)
        }
    }
}
