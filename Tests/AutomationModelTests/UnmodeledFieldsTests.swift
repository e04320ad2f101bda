import AutomationModel
import Foundation
import Testing

/// Answers shaped like AWS's (from the API reference), with members a later API could add at several depths:
/// every one is kept, by its path in wire names, on the shape that holds it; none of the known ones is.
@Suite struct UnmodeledFieldsTests {
    @Test func executionKeepsUnknownMembersAtEveryDepth() throws {
        let json = """
            {"AutomationExecution": {"AutomationExecutionId": "73c8eef8-f4ee-4a05-820c-e354f0000001",
             "DocumentName": "AWS-RestartEC2Instance", "ExecutionStartTime": 1557167178.42,
             "AutomationExecutionStatus": "InProgress", "Mode": "Auto", "Parameters": {"InstanceId": ["i-1"]},
             "Targets": [{"Key": "tag:Env", "Values": ["prod"], "MatchMode": "Exact"}],
             "ResolvedTargets": {"ParameterValues": ["i-1"], "Truncated": false, "ResolvedAt": 1557167179},
             "TargetLocations": [{"Accounts": ["111122223333"], "Regions": ["us-east-1"],
               "TargetLocationAlarmConfiguration": {"Alarms": [{"Name": "a", "Region": "us-west-2"}]},
               "RegionOrder": "Sequential"}],
             "ProgressCounters": {"TotalSteps": 2, "SuccessSteps": 1, "SkippedSteps": 1},
             "AlarmConfiguration": {"IgnorePollAlarmFailure": true, "Alarms": [{"Name": "cpu-high", "Region": "x"}]},
             "Variables": {"Count": ["1"]},
             "CostEstimate": {"Currency": "USD", "Amount": 0.42}, "Priority": 3, "Nothing": null,
             "StepExecutions": [
               {"StepName": "stop", "Action": "aws:changeInstanceState", "StepStatus": "Success",
                "FailureDetails": {"FailureStage": "Verification", "Details": {"E": ["x"]}, "Cause": {"Code": "c"}},
                "ParentStepDetails": {"StepExecutionId": "s", "Iteration": 1, "IterationLabel": "first"},
                "EnergyUsedWattHours": 12.5},
               {"StepName": "start", "Action": "aws:changeInstanceState", "StepStatus": "Pending"}]
            }}
            """
        let execution = try #require(
            try AWSJSON.decode(GetAutomationExecutionResponse.self, from: Data(json.utf8)).automationExecution)
        #expect(execution.unmodeledFields == [
            "Targets[0].MatchMode": .string("Exact"),
            "ResolvedTargets.ResolvedAt": .number(1557167179),
            "TargetLocations[0].TargetLocationAlarmConfiguration.Alarms[0].Region": .string("us-west-2"),
            "TargetLocations[0].RegionOrder": .string("Sequential"),
            "ProgressCounters.SkippedSteps": .number(1),
            "AlarmConfiguration.Alarms[0].Region": .string("x"),
            "CostEstimate": .object(["Currency": .string("USD"), "Amount": .number(0.42)]),
            "Priority": .number(3),
        ])
        // Each step keeps its own, not the execution.
        let steps = try #require(execution.stepExecutions)
        #expect(steps[0].unmodeledFields == [
            "FailureDetails.Cause": .object(["Code": .string("c")]),
            "ParentStepDetails.IterationLabel": .string("first"),
            "EnergyUsedWattHours": .number(12.5),
        ])
        #expect(steps[1].unmodeledFields == nil)
    }

    @Test func stepsKeepUnknownMembersAtEveryDepth() throws {
        let json = """
            {"StepExecutions": [
              {"StepName": "run", "Action": "aws:runCommand", "StepStatus": "Failed", "StepExecutionId": "s1",
               "TargetLocation": {"Accounts": ["1"], "Regions": ["r"], "Targets": [{"Key": "k", "Values": ["v"], "Op": "="}]},
               "TriggeredAlarms": [{"Name": "cpu", "State": "ALARM", "StateReason": "Threshold crossed"}],
               "Outputs": {"run.Out": ["x"]}, "Inputs": {"Commands": "[\\"ls\\"]"},
               "RemediationHint": ["one", {"Deep": {"Deeper": true}}]}],
             "NextToken": "t"}
            """
        let response = try AWSJSON.decode(DescribeAutomationStepExecutionsResponse.self, from: Data(json.utf8))
        let step = try #require(response.stepExecutions?.first)
        #expect(step.unmodeledFields == [
            "TargetLocation.Targets[0].Op": .string("="),
            "TriggeredAlarms[0].StateReason": .string("Threshold crossed"),
            "RemediationHint": .array([.string("one"), .object(["Deep": .object(["Deeper": .bool(true)])])]),
        ])
    }

    @Test func listRowsKeepUnknownMembersAtEveryDepth() throws {
        let json = """
            {"AutomationExecutionMetadataList": [
              {"AutomationExecutionId": "e1", "DocumentName": "D", "AutomationExecutionStatus": "Success",
               "AutomationType": "Local", "ResolvedTargets": {"ParameterValues": [], "Truncated": false, "Count": 0},
               "AlarmConfiguration": {"Alarms": [{"Name": "a", "Region": "r"}]}, "WaveNumber": 3},
              {"AutomationExecutionId": "e2", "DocumentName": "D", "AutomationExecutionStatus": "Success"}]}
            """
        let rows = try #require(
            try AWSJSON.decode(DescribeAutomationExecutionsResponse.self, from: Data(json.utf8)).automationExecutionMetadataList)
        #expect(rows[0].unmodeledFields == [
            "ResolvedTargets.Count": .number(0), "AlarmConfiguration.Alarms[0].Region": .string("r"), "WaveNumber": .number(3),
        ])
        #expect(rows[1].unmodeledFields == nil)
    }

    /// What the model knows is never reported as unknown, whatever form it takes on the wire.
    @Test func knownMembersAreNotReported() throws {
        let json = """
            {"AutomationExecution": {"AutomationExecutionId": "e", "ExecutionStartTime": 1557167178,
             "AutomationExecutionStatus": "SomeFutureStatus", "Outputs": {"a.b": ["1", "2"]},
             "TargetMaps": [{"InstanceId": ["i-1"]}], "Runbooks": [{"DocumentName": "D", "Parameters": {"P": ["v"]}}],
             "StepExecutions": [], "StepExecutionsTruncated": false}}
            """
        let execution = try #require(
            try AWSJSON.decode(GetAutomationExecutionResponse.self, from: Data(json.utf8)).automationExecution)
        #expect(execution.unmodeledFields == nil)
    }
}
