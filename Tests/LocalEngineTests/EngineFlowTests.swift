import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// How an Auto execution moves through its steps: order, nextStep, isEnd, onFailure, retries, timeouts.
@Suite struct EngineFlowTests {
    typealias Docs = EngineDocuments

    @Test func stepsRunInOrderFollowingNextStepAndStopAtIsEnd() async throws {
        try await EngineHarness.with { engine in
            let order = engine.path("order")
            try await engine.createDocument(
                "Flow", yaml: Docs.document(steps: [
                    Docs.shellStep("First", ["echo First >> \(order)"], ["nextStep: Third"]),
                    Docs.shellStep("Second", ["echo Second >> \(order)"]),
                    Docs.shellStep("Third", ["echo Third >> \(order)"], ["isEnd: true"]),
                    Docs.shellStep("Fourth", ["echo Fourth >> \(order)"]),
                ]))
            let id = try await engine.start("Flow")
            let execution = try await engine.waitUntilEnded(id)

            #expect(execution.automationExecutionStatus == .success)
            #expect(try String(contentsOfFile: order, encoding: .utf8) == "First\nThird\n")
            #expect(execution.stepExecutions?.map(\.stepName) == ["First", "Second", "Third", "Fourth"])
            #expect(execution.step("First")?.validNextSteps == ["Third"])
            for name in ["First", "Third"] {
                let step = try #require(execution.step(name))
                #expect(step.stepStatus == .success)
                #expect(step.executionStartTime != nil && step.executionEndTime != nil)
            }
            for name in ["Second", "Fourth"] {
                let step = try #require(execution.step(name))
                #expect(step.stepStatus == .pending, "\(name) never ran")
                #expect(step.executionStartTime == nil && step.executionEndTime == nil)
            }
            #expect(execution.executionEndTime != nil)
            #expect(execution.currentStepName == nil)
        }
    }

    @Test func abortEndsTheExecutionFailedNamingTheStep() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Abort", yaml: Docs.document(steps: [
                    Docs.shellStep("Breaks", ["echo broken >&2", "exit 3"]),
                    Docs.shellStep("NeverRuns", ["echo unreachable"]),
                ]))
            let id = try await engine.start("Abort")
            let execution = try await engine.waitUntilEnded(id)

            #expect(execution.automationExecutionStatus == .failed)
            let message = try #require(execution.failureMessage)
            #expect(message.contains("Breaks"), "\(message)")
            #expect(execution.step("Breaks")?.stepStatus == .failed)
            #expect(execution.step("Breaks")?.responseCode == "3")
            #expect(execution.step("NeverRuns")?.stepStatus == .pending)
            #expect(execution.step("NeverRuns")?.executionStartTime == nil)
        }
    }

    @Test func continueGoesOnAndACriticalFailureEndsFailed() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "ContinueCritical", yaml: Docs.document(steps: [
                    Docs.shellStep("Breaks", ["exit 1"], ["onFailure: Continue"]),
                    Docs.shellStep("After", ["echo after"], ["isEnd: true"]),
                ]))
            let id = try await engine.start("ContinueCritical")
            let execution = try await engine.waitUntilEnded(id)

            #expect(execution.step("Breaks")?.stepStatus == .failed)
            #expect(execution.step("After")?.stepStatus == .success)
            #expect(execution.automationExecutionStatus == .failed)
            #expect(execution.failureMessage?.contains("Breaks") == true, "\(execution.failureMessage ?? "")")
        }
    }

    @Test func continueAfterANonCriticalFailureEndsSuccessWithProgressCounters() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "ContinueNonCritical", yaml: Docs.document(steps: [
                    Docs.shellStep("Prepare", ["echo prepare"]),
                    Docs.shellStep("Optional", ["exit 1"], ["onFailure: Continue", "isCritical: false"]),
                    Docs.shellStep("Finish", ["echo finish"], ["isEnd: true"]),
                    Docs.shellStep("Unreached", ["echo unreached"]),
                ]))
            let id = try await engine.start("ContinueNonCritical")
            let execution = try await engine.waitUntilEnded(id)

            #expect(execution.automationExecutionStatus == .success)
            #expect(execution.failureMessage == nil)
            #expect(execution.step("Optional")?.stepStatus == .failed)
            #expect(execution.step("Optional")?.isCritical == false)
            let counters = try #require(execution.progressCounters)
            #expect(counters.totalSteps == 3)
            #expect(counters.successSteps == 2)
            #expect(counters.failedSteps == 1)
            #expect(counters.cancelledSteps == 0)
            #expect(counters.timedOutSteps == 0)
        }
    }

    @Test func onFailureStepGoesToTheNamedStep() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "FailureRoute", yaml: Docs.document(steps: [
                    Docs.shellStep("Breaks", ["exit 1"], ["onFailure: step:Recover"]),
                    Docs.shellStep("Skipped", ["echo skipped"]),
                    Docs.shellStep("Recover", ["echo recovering"], ["isEnd: true"]),
                ]))
            let id = try await engine.start("FailureRoute")
            let execution = try await engine.waitUntilEnded(id)

            #expect(execution.step("Breaks")?.validNextSteps == ["Recover"])
            #expect(execution.step("Recover")?.stepStatus == .success)
            #expect(execution.step("Skipped")?.stepStatus == .pending)
            // Breaks is critical, so the recovered flow still ends Failed.
            #expect(execution.automationExecutionStatus == .failed)
        }
    }

    @Test func maxAttemptsRetriesUntilTheCommandSucceeds() async throws {
        try await EngineHarness.with { engine in
            let counter = engine.path("attempts")
            try await engine.createDocument(
                "Retries", yaml: Docs.document(steps: [
                    Docs.shellStep(
                        "Flaky",
                        [
                            "n=$(cat \(counter) 2>/dev/null || echo 0)", "n=$((n + 1))", "echo $n > \(counter)",
                            "[ $n -ge 3 ]",
                        ], ["maxAttempts: 3"]),
                ]))
            let id = try await engine.start("Retries")
            let execution = try await engine.waitUntilEnded(id)

            #expect(execution.automationExecutionStatus == .success)
            #expect(execution.step("Flaky")?.stepStatus == .success)
            #expect(try String(contentsOfFile: counter, encoding: .utf8) == "3\n")
        }
    }

    @Test func maxAttemptsRecordsTheAttemptsWhenEveryOneFails() async throws {
        try await EngineHarness.with { engine in
            let counter = engine.path("attempts")
            try await engine.createDocument(
                "AlwaysFails", yaml: Docs.document(steps: [
                    Docs.shellStep("Broken", ["echo x >> \(counter)", "exit 1"], ["maxAttempts: 2"]),
                ]))
            let id = try await engine.start("AlwaysFails")
            let execution = try await engine.waitUntilEnded(id)

            #expect(execution.automationExecutionStatus == .failed)
            let step = try #require(execution.step("Broken"))
            #expect(step.stepStatus == .failed)
            #expect(step.maxAttempts == 2)
            #expect(step.response?.contains("2 of 2 attempts") == true, "\(step.response ?? "")")
            #expect(try String(contentsOfFile: counter, encoding: .utf8) == "x\nx\n")
        }
    }

    @Test func timeoutSecondsStopsARunningCommandAndEndsTimedOut() async throws {
        try await EngineHarness.with { engine in
            let leader = engine.path("leader.pid")
            let child = engine.path("child.pid")
            try await engine.createDocument(
                "Timeout", yaml: Docs.document(steps: [
                    Docs.readyStep,
                    Docs.shellStep(
                        "Slow", ["echo $$ > \(leader)", "sleep 30 &", "echo $! > \(child)", "wait"],
                        ["timeoutSeconds: 2"]),
                    Docs.shellStep("After", ["echo after"]),
                ]))
            let id = try await engine.start("Timeout")
            let execution = try await engine.waitUntilEnded(id)
            // The command wrote its PIDs at once, well before its deadline.
            let steps = execution.stepExecutions ?? []
            let leaderPID = try #require(readPID(leader), "the command never started: \(steps)")
            let childPID = try #require(readPID(child), "the command never started its child: \(steps)")

            #expect(execution.automationExecutionStatus == .timedOut)
            let step = try #require(execution.step("Slow"))
            #expect(step.stepStatus == .timedOut)
            #expect(step.failureDetails?.failureType == "TimedOut")
            #expect(execution.step("After")?.stepStatus == .pending)
            #expect(execution.progressCounters?.timedOutSteps == 1)
            #expect(processIsGone(leaderPID), "the command's shell \(leaderPID) still runs")
            #expect(processIsGone(childPID), "the command's child \(childPID) still runs")
        }
    }

    @Test(arguments: [("dev", "DevStep"), ("prod", "ProdStep"), ("test", "FallbackStep")])
    func branchRoutesByParameter(environment: String, expected: String) async throws {
        try await EngineHarness.with { engine in
            let chosen = engine.path("chosen")
            try await engine.createDocument(
                "Branch", yaml: Docs.document(
                    parameters: "Environment:\n  type: String\n",
                    steps: [
                        Docs.step(
                            "Choose",
                            """
                            action: aws:branch
                            inputs:
                              Choices:
                                - NextStep: DevStep
                                  Variable: '{{ Environment }}'
                                  StringEquals: dev
                                - NextStep: ProdStep
                                  Variable: '{{ Environment }}'
                                  StringEquals: prod
                              Default: FallbackStep
                            """),
                        Docs.shellStep("DevStep", ["echo DevStep > \(chosen)"], ["isEnd: true"]),
                        Docs.shellStep("ProdStep", ["echo ProdStep > \(chosen)"], ["isEnd: true"]),
                        Docs.shellStep("FallbackStep", ["echo FallbackStep > \(chosen)"], ["isEnd: true"]),
                    ]))
            let id = try await engine.start("Branch", parameters: ["Environment": [environment]])
            let execution = try await engine.waitUntilEnded(id)

            #expect(execution.automationExecutionStatus == .success)
            #expect(execution.step("Choose")?.validNextSteps == [expected])
            #expect(try String(contentsOfFile: chosen, encoding: .utf8) == "\(expected)\n")
            for name in ["DevStep", "ProdStep", "FallbackStep"] where name != expected {
                #expect(execution.step(name)?.stepStatus == .pending, "\(name) was not chosen")
            }
        }
    }

    @Test func interpolatesParametersStepOutputsAndTheExecutionIdIntoStepsAndOutputs() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Interpolation", yaml: Docs.document(
                    parameters: "Greeting:\n  type: String\n",
                    steps: [
                        Docs.shellStep("Produce", ["printf %s \"{{ Greeting }} from {{automation:EXECUTION_ID}}\""]),
                        Docs.shellStep("Consume", ["printf %s \"got: {{ Produce.Output }}\""]),
                    ],
                    outputs: ["Produce.Output", "Consume.Output"]))
            let id = try await engine.start("Interpolation", parameters: ["Greeting": ["hello"]])
            let execution = try await engine.waitUntilEnded(id)

            #expect(execution.automationExecutionStatus == .success)
            #expect(execution.step("Produce")?.outputs?["Output"] == ["hello from \(id)"])
            #expect(execution.step("Consume")?.outputs?["Output"] == ["got: hello from \(id)"])
            #expect(execution.outputs?["Produce.Output"] == ["hello from \(id)"])
            #expect(execution.outputs?["Consume.Output"] == ["got: hello from \(id)"])
            #expect(execution.parameters?["Greeting"] == ["hello"])
        }
    }

    @Test func aStringListParameterReachesRunCommandAsAList() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "StringList", yaml: Docs.document(
                    parameters: "Commands:\n  type: StringList\nInstances:\n  type: StringList\n",
                    steps: [
                        Docs.step(
                            "Run",
                            """
                            action: aws:runCommand
                            inputs:
                              DocumentName: AWS-RunShellScript
                              InstanceIds: '{{ Instances }}'
                              Parameters:
                                commands: '{{ Commands }}'
                            """)
                    ]))
            let id = try await engine.start(
                "StringList",
                parameters: ["Commands": ["echo one", "echo two"], "Instances": [EngineHarness.instanceId]])
            let execution = try await engine.waitUntilEnded(id)

            #expect(execution.automationExecutionStatus == .success)
            let step = try #require(execution.step("Run"))
            #expect(step.inputs?["Parameters"] == #"{"commands":["echo one","echo two"]}"#)
            #expect(step.inputs?["InstanceIds"] == #"["\#(EngineHarness.instanceId)"]"#)
            #expect(step.outputs?["Output"] == ["one\ntwo\n"])
        }
    }
}
