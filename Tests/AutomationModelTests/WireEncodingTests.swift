import AutomationModel
import Foundation
import Testing

@Suite struct WireEncodingTests {
    @Test func executionDecodesFromServiceJSONWithEpochSecondsAndAPINames() throws {
        let json = """
            {"AutomationExecution": {"AutomationExecutionId": "73c8eef8-f4ee-4a05-820c-e354f0000001",
             "DocumentName": "Demo", "ExecutionStartTime": 1557167178.42, "AutomationExecutionStatus": "Waiting",
             "Mode": "Interactive", "Parameters": {"taskToken": ["abc"]},
             "StepExecutions": [{"StepName": "Approve", "Action": "aws:approve", "StepStatus": "Waiting",
               "Inputs": {"Approvers": "[\\"arn:aws:iam::1:user/a\\"]"}, "ValidNextSteps": ["Next"]}],
             "ProgressCounters": {"TotalSteps": 2, "SuccessSteps": 1}}}
            """
        let response = try AWSJSON.decode(GetAutomationExecutionResponse.self, from: Data(json.utf8))
        let execution = try #require(response.automationExecution)
        #expect(execution.executionStartTime == Date(timeIntervalSince1970: 1557167178.42))
        #expect(execution.automationExecutionStatus == .waiting)
        #expect(execution.mode == .interactive)
        // Map keys are data, not member names: they keep their case.
        #expect(execution.parameters == ["taskToken": ["abc"]])
        #expect(execution.stepExecutions?.first?.inputs?["Approvers"] == #"["arn:aws:iam::1:user/a"]"#)
        #expect(execution.stepExecutions?.first?.validNextSteps == ["Next"])
        #expect(execution.progressCounters?.totalSteps == 2)
    }

    @Test func encodesTimestampsAsEpochSecondsWithAFraction() throws {
        var metadata = AutomationExecutionMetadata(automationExecutionId: "73c8eef8-f4ee-4a05-820c-e354f0000001")
        metadata.executionStartTime = Date(timeIntervalSince1970: 1557167178.42)
        let object = try JSONSerialization.jsonObject(with: AWSJSON.encode(metadata)) as? [String: Any]
        let seconds = try #require(object?["ExecutionStartTime"] as? Double)
        #expect(abs(seconds - 1557167178.42) < 0.001)
        #expect(object?["AutomationExecutionId"] as? String == "73c8eef8-f4ee-4a05-820c-e354f0000001")
    }

    @Test func unknownStatusIsKeptNotRejected() throws {
        let json = #"{"AutomationExecutionMetadataList": [{"AutomationExecutionId": "x", "AutomationExecutionStatus": "Hibernating"}]}"#
        let response = try AWSJSON.decode(DescribeAutomationExecutionsResponse.self, from: Data(json.utf8))
        let status = try #require(response.automationExecutionMetadataList?.first?.automationExecutionStatus)
        #expect(status.rawValue == "Hibernating")
        #expect(!status.isKnown)
        #expect(!status.isTerminal)
        let encoded = String(decoding: try AWSJSON.encode(response), as: UTF8.self)
        #expect(encoded.contains(#""AutomationExecutionStatus":"Hibernating""#))
    }

    @Test func terminalAndHumanWaitingStatuses() {
        for status in [AutomationExecutionStatus.success, .failed, .timedOut, .cancelled, .rejected, .exited,
            .completedWithSuccess, .completedWithFailure]
        {
            #expect(status.isTerminal, "\(status)")
        }
        for status in [AutomationExecutionStatus.pending, .inProgress, .waiting, .cancelling, .pendingApproval] {
            #expect(!status.isTerminal, "\(status)")
        }
        #expect(AutomationExecutionStatus.waiting.isWaitingOnHuman)
        #expect(!AutomationExecutionStatus.inProgress.isWaitingOnHuman)
        #expect(AutomationExecutionStatus.allKnown.count == 19)
    }

    @Test func signalRequestEncodesPayloadAsListsUnderAPINames() throws {
        let request = SendAutomationSignalRequest(
            automationExecutionId: "73c8eef8-f4ee-4a05-820c-e354f0000001", signalType: .startStep,
            payload: ["StepName": ["restart"]])
        let object = try JSONSerialization.jsonObject(with: AWSJSON.encode(request)) as? [String: Any]
        #expect(object?["SignalType"] as? String == "StartStep")
        #expect((object?["Payload"] as? [String: [String]]) == ["StepName": ["restart"]])
    }

    @Test func jsonValueRoundTripsAndPrintsCompactly() throws {
        let value = try JSONValue.parse(#"{"b": [1, 2.5, true, null], "a": "x"}"#)
        #expect(value.jsonText == #"{"a":"x","b":[1,2.5,true,null]}"#)
        #expect(value["a"]?.displayText == "x")
        #expect(JSONValue.number(3).displayText == "3")
        #expect(JSONValue.string("42").intValue == 42)
    }
}
