import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// aws:executeAutomation: a step that runs another runbook as a child execution and ends as the child did.
@Suite struct EngineExecuteAutomationTests {
    static let child = """
        schemaVersion: '0.3'
        parameters:
          Word:
            type: String
          Seconds:
            type: String
            default: '0'
        mainSteps:
          - name: Say
            action: aws:runCommand
            inputs:
              DocumentName: AWS-RunShellScript
              InstanceIds: [mi-00000000000000001]
              Parameters:
                commands:
                  - sleep {{ Seconds }}
                  - echo "said {{ Word }}"
                  - test "{{ Word }}" != fail
        outputs:
          - Say.Output
        """

    static func parent(word: String, seconds: String = "0", extra: String = "") -> String {
        """
        schemaVersion: '0.3'
        mainSteps:
          - name: RunChild
            action: aws:executeAutomation
            inputs:
              DocumentName: ChildSays
              RuntimeParameters:
                Word: '\(word)'
                Seconds: '\(seconds)'
        \(extra)
          - name: After
            action: aws:sleep
            inputs:
              Duration: PT0S
        """
    }

    func setUp(_ harness: EngineHarness, parent: String) async throws {
        try await harness.createDocument("ChildSays", yaml: Self.child)
        try await harness.createDocument("ParentRuns", yaml: parent)
    }

    @Test func theStepSucceedsWithTheChildsOutputs() async throws {
        try await EngineHarness.with { harness in
            try await setUp(harness, parent: Self.parent(word: "hello"))
            let id = try await harness.start("ParentRuns")
            let parent = try await harness.waitUntilEnded(id)
            #expect(parent.automationExecutionStatus == .success)
            let step = try #require(parent.step("RunChild"))
            #expect(step.stepStatus == .success)
            let childId = try #require(step.outputs?["ExecutionId"]?.first)
            #expect(step.outputs?["Status"] == ["Success"])
            #expect(step.outputs?["Output"]?.first?.contains("said hello") == true)
            let child = try await harness.execution(childId)
            #expect(child.parentAutomationExecutionId == id)
            #expect(child.documentName == "ChildSays")
            #expect(child.parameters?["Word"] == ["hello"])
            #expect(child.automationExecutionStatus == .success)
        }
    }

    @Test func theStepFailsWhenTheChildFails() async throws {
        try await EngineHarness.with { harness in
            try await setUp(harness, parent: Self.parent(word: "fail"))
            let id = try await harness.start("ParentRuns")
            let parent = try await harness.waitUntilEnded(id)
            #expect(parent.automationExecutionStatus == .failed)
            let step = try #require(parent.step("RunChild"))
            #expect(step.stepStatus == .failed)
            #expect(step.outputs?["Status"] == ["Failed"])
            #expect(step.failureMessage?.contains("ended Failed") == true)
            let childId = try #require(step.outputs?["ExecutionId"]?.first)
            #expect(try await harness.execution(childId).automationExecutionStatus == .failed)
            #expect(parent.step("After")?.executionStartTime == nil)
        }
    }

    @Test func cancellingTheParentCancelsTheChild() async throws {
        try await EngineHarness.with { harness in
            try await setUp(harness, parent: Self.parent(word: "slow", seconds: "600"))
            let id = try await harness.start("ParentRuns")
            let running = try await harness.waitFor(id, "the child started") {
                $0.step("RunChild")?.outputs?["ExecutionId"] != nil
            }
            let childId = try #require(running.step("RunChild")?.outputs?["ExecutionId"]?.first)
            try await harness.waitFor(childId, "the child's command running") { $0.step("Say")?.stepStatus == .inProgress }
            try await harness.stop(id)
            #expect(try await harness.waitUntilEnded(id).automationExecutionStatus == .cancelled)
            #expect(try await harness.waitUntilEnded(childId).automationExecutionStatus == .cancelled)
            #expect(try await harness.execution(id).step("RunChild")?.stepStatus == .cancelled)
        }
    }

    @Test func aChildThatCannotStartFailsTheStepWithTheReason() async throws {
        try await EngineHarness.with { harness in
            try await harness.createDocument("ChildSays", yaml: Self.child)
            try await harness.createDocument(
                "ParentRuns",
                yaml: Self.parent(word: "x").replacingOccurrences(of: "DocumentName: ChildSays", with: "DocumentName: NoSuchRunbook"))
            let id = try await harness.start("ParentRuns")
            let parent = try await harness.waitUntilEnded(id)
            #expect(parent.automationExecutionStatus == .failed)
            #expect(parent.step("RunChild")?.failureMessage?.contains("NoSuchRunbook could not start") == true)
        }
    }

    @Test func rateControlInputsStartAFleetAsTheChild() async throws {
        try await EngineHarness.with { harness in
            try await harness.createDocument("ChildSays", yaml: Self.child)
            try await harness.createDocument("ParentRuns", yaml: """
                schemaVersion: '0.3'
                mainSteps:
                  - name: RunChild
                    action: aws:executeAutomation
                    inputs:
                      DocumentName: ChildSays
                      TargetParameterName: Word
                      Targets:
                        - Key: ParameterValues
                          Values: [one, two, three]
                      MaxConcurrency: '2'
                      MaxErrors: '0'
                """)
            let id = try await harness.start("ParentRuns")
            let parent = try await harness.waitUntilEnded(id)
            #expect(parent.automationExecutionStatus == .success)
            let fleetId = try #require(parent.step("RunChild")?.outputs?["ExecutionId"]?.first)
            let fleet = try await harness.execution(fleetId)
            #expect(fleet.parentAutomationExecutionId == id)
            #expect(fleet.resolvedTargets?.parameterValues == ["one", "two", "three"])
            #expect(fleet.maxConcurrency == "2")
        }
    }
}
