import AutomationDocuments
import AutomationModel
import Foundation
import Testing

@testable import LocalEngine

/// Records the calls it gets and answers with a fixed response or error.
private actor RecordingStepFunctions: StepFunctionsCalling {
    private(set) var calls: [(operation: String, input: [String: JSONValue])] = []
    let response: JSONValue
    let error: (any Error)?

    init(response: JSONValue = .object([:]), error: (any Error)? = nil) {
        self.response = response
        self.error = error
    }

    func callStepFunctions(operation: String, input: [String: JSONValue]) async throws -> JSONValue {
        calls.append((operation, input))
        if let error { throw error }
        return response
    }
}

private struct ConnectionRefused: Error, CustomStringConvertible {
    var description: String { "connection refused by 127.0.0.1:1" }
}

@Suite("aws:executeAwsApi runner")
struct ActionsExecuteAwsApiTests {
    private func run(
        _ stepFunctions: (any StepFunctionsCalling)?, _ inputs: [String: JSONValue], outputs: [OutputSelector] = []
    ) async -> ActionOutcome {
        await ExecuteAwsApiRunner(stepFunctions: stepFunctions).run(
            ActionsTest.invocation("aws:executeAwsApi", inputs, outputs: outputs))
    }

    @Test func sendTaskSuccessFromTheSeedRunbook() async throws {
        let calls = RecordingStepFunctions()
        let outcome = await run(
            calls,
            ["Service": "stepfunctions", "Api": "send_task_success", "taskToken": "AAAA-token", "output": #"{"status": "done"}"#])
        #expect(outcome.succeeded, "\(outcome.result.failureMessage ?? "")")
        let recorded = await calls.calls
        #expect(recorded.count == 1)
        #expect(recorded.first?.operation == "SendTaskSuccess")
        #expect(recorded.first?.input == ["taskToken": "AAAA-token", "output": #"{"status": "done"}"#])
        #expect(outcome.result.response == "{}")
    }

    @Test(arguments: [
        ("stepfunctions", "SendTaskFailure"), ("states", "send_task_failure"), ("SFN", "SEND_TASK_FAILURE"),
        ("StepFunctions", "sendTaskFailure"),
    ])
    func serviceAndApiSpellings(service: String, api: String) async {
        let calls = RecordingStepFunctions()
        let outcome = await run(
            calls,
            ["Service": .string(service), "Api": .string(api), "TaskToken": "t", "Error": "Boom", "Cause": "it broke"])
        #expect(outcome.succeeded, "\(outcome.result.failureMessage ?? "")")
        let recorded = await calls.calls
        #expect(recorded.first?.operation == "SendTaskFailure")
        #expect(recorded.first?.input == ["taskToken": "t", "error": "Boom", "cause": "it broke"])
    }

    @Test func heartbeatAndListOfOneToken() async {
        let calls = RecordingStepFunctions()
        let token = String(repeating: "x", count: 1500)
        let outcome = await run(calls, ["Service": "stepfunctions", "Api": "SendTaskHeartbeat", "taskToken": [.string(token)]])
        #expect(outcome.succeeded)
        #expect(await calls.calls.first?.input == ["taskToken": .string(token)])
    }

    @Test func structuredOutputIsSentAsJSONText() async {
        let calls = RecordingStepFunctions()
        let outcome = await run(
            calls, ["Service": "sfn", "Api": "SendTaskSuccess", "taskToken": "t", "output": ["ok": true, "n": 2]])
        #expect(outcome.succeeded)
        #expect(await calls.calls.first?.input["output"] == #"{"n":2,"ok":true}"#)
    }

    @Test func requiredMembersAndValidJSONAreChecked() async {
        let calls = RecordingStepFunctions()
        let noToken = await run(calls, ["Service": "stepfunctions", "Api": "SendTaskSuccess", "output": "{}"])
        #expect(noToken.result.failureMessage?.contains("needs the parameter taskToken") == true)
        let noOutput = await run(calls, ["Service": "stepfunctions", "Api": "SendTaskSuccess", "taskToken": "t"])
        #expect(noOutput.result.failureMessage?.contains("needs the parameter output") == true)
        let badOutput = await run(
            calls, ["Service": "stepfunctions", "Api": "SendTaskSuccess", "taskToken": "t", "output": "{not json"])
        #expect(badOutput.result.failureMessage?.contains("must be JSON text") == true)
        let emptyToken = await run(calls, ["Service": "stepfunctions", "Api": "SendTaskHeartbeat", "taskToken": " "])
        #expect(emptyToken.result.failureMessage?.contains("taskToken is empty") == true)
        let unknown = await run(
            calls, ["Service": "stepfunctions", "Api": "SendTaskHeartbeat", "taskToken": "t", "output": "{}"])
        #expect(unknown.result.failureMessage?.contains("has no parameter 'output'") == true)
        let twice = await run(
            calls, ["Service": "stepfunctions", "Api": "SendTaskHeartbeat", "taskToken": "t", "TaskToken": "u"])
        #expect(twice.result.failureMessage?.contains("given twice") == true)
        #expect(await calls.calls.isEmpty)
    }

    @Test func otherServicesAndApisAreRefused() async {
        let calls = RecordingStepFunctions()
        let ec2 = await run(calls, ["Service": "ec2", "Api": "DescribeInstances"])
        #expect(ec2.result.failureMessage?.contains("Service 'ec2' is not supported") == true)
        let other = await run(calls, ["Service": "stepfunctions", "Api": "StartExecution", "stateMachineArn": "x"])
        #expect(other.result.failureMessage?.contains("Api 'StartExecution' is not supported") == true)
        #expect(await calls.calls.isEmpty)
    }

    @Test func anAWSErrorFailsTheStepWithItsCode() async throws {
        let calls = RecordingStepFunctions(
            error: ServiceError(.init(rawValue: "TaskDoesNotExist"), "Task Token does not exist"))
        let outcome = await run(
            calls, ["Service": "stepfunctions", "Api": "send_task_success", "taskToken": "gone", "output": "{}"])
        #expect(!outcome.succeeded)
        let message = try #require(outcome.result.failureMessage)
        #expect(message.contains("SendTaskSuccess failed with TaskDoesNotExist: Task Token does not exist"))
        let details = try #require(outcome.result.failureDetails)
        #expect(details.failureType == "AwsApiError")
        #expect(details.details?["ErrorCode"] == ["TaskDoesNotExist"])
        #expect(details.details?["Api"] == ["SendTaskSuccess"])
    }

    @Test func aTransportErrorIsReported() async {
        let outcome = await run(
            RecordingStepFunctions(error: ConnectionRefused()),
            ["Service": "stepfunctions", "Api": "SendTaskHeartbeat", "taskToken": "t"])
        #expect(outcome.result.failureMessage?.contains("could not call Step Functions SendTaskHeartbeat") == true)
        #expect(outcome.result.failureMessage?.contains("connection refused") == true)
    }

    @Test func withoutStepFunctionsAccessTheStepSaysSo() async {
        let outcome = await run(nil, ["Service": "stepfunctions", "Api": "SendTaskHeartbeat", "taskToken": "t"])
        #expect(!outcome.succeeded)
        #expect(outcome.result.failureMessage?.contains("without Step Functions access") == true)
    }

    @Test func outputsSelectFromTheResponse() async {
        let calls = RecordingStepFunctions(response: ["ResponseMetadata": ["HTTPStatusCode": 200]])
        let outcome = await run(
            calls, ["Service": "stepfunctions", "Api": "SendTaskHeartbeat", "taskToken": "t"],
            outputs: [OutputSelector(name: "Code", selector: "$.ResponseMetadata.HTTPStatusCode", type: "Integer")])
        #expect(outcome.result.outputs == ["Code": .number(200)])
        let missing = await run(
            calls, ["Service": "stepfunctions", "Api": "SendTaskHeartbeat", "taskToken": "t"],
            outputs: [OutputSelector(name: "Nope", selector: "$.Nope", type: "String")])
        #expect(!missing.succeeded)
        #expect(missing.result.failureMessage?.contains("Nope") == true)
    }
}
