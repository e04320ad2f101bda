import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// An aws:loop's own step properties: timeoutSeconds covers the whole loop (every iteration and the steps
/// inside), maxAttempts runs the loop again from its first iteration, and after the last attempt the loop's
/// onFailure applies; in Interactive mode each step inside a loop waits for StartStep.
@Suite struct EngineLoopStepPropertiesTests {
    static let instance = EngineHarness.instanceId

    /// A loop over a, b, c whose one step sleeps `nap`, with the loop's `properties`, then `After`.
    static func loop(properties: String, nap: String) -> String {
        """
        schemaVersion: '0.3'
        mainSteps:
          - name: Each
            action: aws:loop
        \(properties)
            inputs:
              Iterators: [a, b, c]
              Steps:
                - name: Nap
                  action: aws:sleep
                  inputs:
                    Duration: \(nap)
          - name: After
            action: aws:sleep
            inputs:
              Duration: PT0S
        """
    }

    @Test func aLoopsTimeoutStopsTheStepInsideAndTheLoopEndsTimedOut() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Slow", yaml: Self.loop(properties: "    timeoutSeconds: 2", nap: "PT60S"))
            let started = ContinuousClock.now
            let id = try await engine.start("Slow")
            let ended = try await engine.waitUntilEnded(id)
            #expect(ContinuousClock.now - started < .seconds(30))
            #expect(ended.automationExecutionStatus == .timedOut, "\(ended.failureMessage ?? "")")
            let loop = try #require(ended.step("Each"))
            #expect(loop.stepStatus == .timedOut)
            #expect(loop.failureDetails?.failureType == "TimedOut")
            #expect(loop.failureMessage == "Iteration 1: The loop Each timed out after 2 seconds (timeoutSeconds).")
            #expect(loop.outputs?["CurrentIteration"] == ["1"])
            let naps = (ended.stepExecutions ?? []).filter { $0.stepName == "Nap" }
            #expect(naps.map(\.stepStatus) == [.timedOut])
            #expect(naps.first?.failureMessage?.hasPrefix("Stopped: The loop Each timed out after 2 seconds") == true)
            #expect(naps.first?.failureDetails?.failureType == "TimedOut")
            #expect(ended.step("After")?.stepStatus == .pending)
            #expect(ended.failureMessage?.contains("Step Each timed out") == true, "\(ended.failureMessage ?? "")")
        }
    }

    /// Each step inside takes 1 second, well within 3: only the loop's own timeout, counted over all its
    /// iterations, can end it before its fifth.
    @Test func theTimeoutCoversEveryIterationNotEachStep() async throws {
        try await EngineHarness.with { engine in
            let yaml = Self.loop(properties: "    timeoutSeconds: 3", nap: "PT1S")
                .replacingOccurrences(of: "Iterators: [a, b, c]", with: "Iterators: [a, b, c, d, e, f, g, h]")
            try await engine.createDocument("Covers", yaml: yaml)
            let id = try await engine.start("Covers")
            let ended = try await engine.waitUntilEnded(id)
            #expect(ended.automationExecutionStatus == .timedOut, "\(ended.failureMessage ?? "")")
            #expect(ended.step("Each")?.stepStatus == .timedOut)
            let naps = (ended.stepExecutions ?? []).filter { $0.stepName == "Nap" }
            #expect(naps.count >= 2 && naps.count < 8, "\(naps.count) naps")
            #expect(naps.dropLast().allSatisfy { $0.stepStatus == .success })
            #expect(naps.last?.stepStatus == .timedOut)
        }
    }

    /// After a loop's timeout its own onFailure decides where the flow goes; the step that was running inside
    /// ends TimedOut without its onFailure or onCancel running (it is the loop that timed out).
    @Test func afterALoopTimeoutTheLoopsOnFailureAppliesNotTheInnerSteps() async throws {
        try await EngineHarness.with { engine in
            let yaml = """
                schemaVersion: '0.3'
                mainSteps:
                  - name: Each
                    action: aws:loop
                    timeoutSeconds: 2
                    onFailure: step:Recover
                    isCritical: false
                    inputs:
                      Iterators: [a, b, c]
                      Steps:
                        - name: Nap
                          action: aws:sleep
                          onFailure: step:InnerRecover
                          onCancel: step:InnerRecover
                          inputs:
                            Duration: PT60S
                        - name: InnerRecover
                          action: aws:sleep
                          inputs:
                            Duration: PT0S
                  - name: After
                    action: aws:sleep
                    isEnd: true
                    inputs:
                      Duration: PT0S
                  - name: Recover
                    action: aws:sleep
                    inputs:
                      Duration: PT0S
                """
            try await engine.createDocument("Recovers", yaml: yaml)
            let id = try await engine.start("Recovers")
            let ended = try await engine.waitUntilEnded(id)
            #expect(ended.automationExecutionStatus == .success, "\(ended.failureMessage ?? "")")
            #expect(ended.step("Each")?.stepStatus == .timedOut)
            #expect(ended.step("Each")?.validNextSteps == ["Recover"])
            #expect((ended.stepExecutions ?? []).filter { $0.stepName == "Nap" }.map(\.stepStatus) == [.timedOut])
            #expect((ended.stepExecutions ?? []).filter { $0.stepName == "InnerRecover" }.isEmpty)
            #expect(ended.step("Recover")?.stepStatus == .success)
            #expect(ended.step("After")?.stepStatus == .pending)
        }
    }

    /// Cancelling the execution inside a loop with a timeout ends it Cancelled, and the timeout does not
    /// strike later.
    @Test func cancellingBeforeTheLoopTimesOutEndsCancelled() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Cancel", yaml: Self.loop(properties: "    timeoutSeconds: 2", nap: "PT60S"))
            let id = try await engine.start("Cancel")
            try await engine.waitForStep(id, "Nap", .inProgress)
            try await engine.stop(id)
            let ended = try await engine.waitUntilEnded(id)
            #expect(ended.automationExecutionStatus == .cancelled)
            #expect(ended.step("Each")?.stepStatus == .cancelled)
            try await Task.sleep(for: .seconds(3))
            let later = try await engine.execution(id)
            #expect(later.automationExecutionStatus == .cancelled)
            #expect(later.step("Each")?.stepStatus == .cancelled)
        }
    }

    /// A loop whose step fails on iteration 2 the first time only: the loop's second attempt runs from
    /// iteration 1 again, in the same step execution, and succeeds.
    @Test func maxAttemptsRunsTheLoopAgainFromItsFirstIteration() async throws {
        try await EngineHarness.with { engine in
            let marker = engine.path("failed-once")
            let yaml = """
                schemaVersion: '0.3'
                mainSteps:
                  - name: Check
                    action: aws:loop
                    maxAttempts: 2
                    inputs:
                      Iterators: [1, 2, 3]
                      IteratorDataType: Integer
                      Steps:
                        - name: FailOnceOnTwo
                          action: aws:runCommand
                          inputs:
                            DocumentName: AWS-RunShellScript
                            InstanceIds: [\(Self.instance)]
                            Parameters:
                              commands: ['if [ {{ Check.CurrentIteratorValue }} -eq 2 ] && [ ! -e \(marker) ]; then touch \(marker); exit 1; fi']
                """
            try await engine.createDocument("Retried", yaml: yaml)
            let id = try await engine.start("Retried")
            let ended = try await engine.waitUntilEnded(id)
            #expect(ended.automationExecutionStatus == .success, "\(ended.failureMessage ?? "")")
            let loops = (ended.stepExecutions ?? []).filter { $0.stepName == "Check" }
            #expect(loops.count == 1)
            #expect(loops.first?.stepStatus == .success)
            #expect(loops.first?.response == "Ran 3 iterations. (attempt 2 of 2)", "\(loops.first?.response ?? "")")
            let runs = (ended.stepExecutions ?? []).filter { $0.stepName == "FailOnceOnTwo" }
            #expect(runs.map(\.stepStatus) == [.success, .failed, .success, .success, .success])
            #expect(runs.map(\.parentStepDetails?.iteration) == [1, 2, 1, 2, 3])
        }
    }

    /// Every attempt times out: the loop runs twice, each attempt with the whole timeout, then fails TimedOut.
    @Test func aLoopThatTimesOutOnEveryAttemptEndsTimedOutAfterTheLast() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Twice", yaml: Self.loop(properties: "    timeoutSeconds: 1\n    maxAttempts: 2", nap: "PT60S"))
            let id = try await engine.start("Twice")
            let ended = try await engine.waitUntilEnded(id)
            #expect(ended.automationExecutionStatus == .timedOut, "\(ended.failureMessage ?? "")")
            let loop = try #require(ended.step("Each"))
            #expect(loop.stepStatus == .timedOut)
            #expect(loop.response == "Failed after 2 of 2 attempts.")
            let naps = (ended.stepExecutions ?? []).filter { $0.stepName == "Nap" }
            #expect(naps.map(\.stepStatus) == [.timedOut, .timedOut])
            #expect(naps.map(\.parentStepDetails?.iteration) == [1, 1])
        }
    }

    /// The engine stops mid-loop; the next one counts the loop's timeout on from when the loop started.
    @Test func aLoopsTimeoutStillStrikesAfterARestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loop-timeout-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = EngineConfiguration(dataDirectory: directory, installShippedRunbooks: false)
        let id: String
        do {
            let engine = try await AutomationEngine.open(configuration)
            let harness = EngineHarness(engine: engine, directory: directory)
            try await harness.createDocument("Restart", yaml: Self.loop(properties: "    timeoutSeconds: 3", nap: "PT60S"))
            id = try await harness.start("Restart")
            try await harness.waitForStep(id, "Nap", .inProgress)
            await engine.shutdown()
        }
        let engine = try await AutomationEngine.open(configuration)
        let harness = EngineHarness(engine: engine, directory: directory)
        let ended = try await harness.waitUntilEnded(id)
        await engine.shutdown()
        #expect(ended.automationExecutionStatus == .timedOut, "\(ended.failureMessage ?? "")")
        #expect(ended.step("Each")?.stepStatus == .timedOut)
        #expect(ended.step("Nap")?.stepStatus == .timedOut)
    }

    // MARK: Interactive

    static let interactiveLoop = """
        schemaVersion: '0.3'
        mainSteps:
          - name: Before
            action: aws:sleep
            inputs: {Duration: PT0S}
          - name: Each
            action: aws:loop
            inputs:
              Iterators: [a, b]
              Steps:
                - name: First
                  action: aws:sleep
                  inputs: {Duration: PT0S}
                - name: Second
                  action: aws:sleep
                  inputs: {Duration: PT0S}
          - name: After
            action: aws:sleep
            inputs: {Duration: PT0S}
        """

    /// StartStep on the loop starts it with its first step; every step inside after that, the next
    /// iteration's first too, waits for a StartStep naming it by its own name, which ValidNextSteps offers.
    @Test func inInteractiveModeEachStepInsideALoopWaitsForStartStep() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Interactive", yaml: Self.interactiveLoop)
            let id = try await engine.start("Interactive", mode: .interactive)
            func waitsAfter(_ count: Int, _ what: String) async throws -> AutomationExecution {
                try await engine.waitFor(id, what) { execution in
                    execution.automationExecutionStatus == .waiting
                        && (execution.stepExecutions ?? []).filter { $0.stepStatus == .success }.count == count
                }
            }
            func nested(_ execution: AutomationExecution) -> [String] {
                (execution.stepExecutions ?? []).filter { $0.parentStepDetails != nil }
                    .map { "\($0.stepName ?? "") \($0.parentStepDetails?.iteratorValue ?? "-") \($0.stepStatus?.rawValue ?? "-")" }
            }
            try await engine.signal(id, .startStep, payload: ["StepName": ["Before"]])
            _ = try await waitsAfter(1, "Before done")
            try await engine.signal(id, .startStep, payload: ["StepName": ["Each"]])
            var waiting = try await waitsAfter(2, "the loop's first step done")
            #expect(nested(waiting) == ["First a Success"])
            #expect(waiting.step("Each")?.stepStatus == .inProgress)
            #expect(waiting.step("First")?.validNextSteps == ["Second"])
            #expect(waiting.currentStepName == nil)
            // Outside the loop's steps nothing can start while the loop runs.
            await expectEngineError(.automationStepNotFoundException, containing: ["inside the loop Each", "First, Second"]) {
                try await engine.signal(id, .startStep, payload: ["StepName": ["After"]])
            }
            // Still waiting: nothing started on its own.
            try await Task.sleep(for: .milliseconds(300))
            #expect(nested(try await engine.execution(id)) == ["First a Success"])

            try await engine.signal(id, .startStep, payload: ["StepName": ["Second"]])
            waiting = try await waitsAfter(3, "the first iteration done")
            #expect(nested(waiting) == ["First a Success", "Second a Success"])
            // The next iteration's first step is offered, and waits.
            #expect(waiting.step("Second")?.validNextSteps == ["First"])
            #expect(waiting.step("Each")?.outputs?["CurrentIteratorValue"] == ["b"])

            try await engine.signal(id, .startStep, payload: ["StepName": ["First"]])
            _ = try await waitsAfter(4, "the second iteration's first step done")
            try await engine.signal(id, .startStep, payload: ["StepName": ["Second"]])
            waiting = try await waitsAfter(6, "the loop done")
            #expect(nested(waiting) == ["First a Success", "Second a Success", "First b Success", "Second b Success"])
            #expect(waiting.step("Each")?.stepStatus == .success)
            #expect(waiting.step("Each")?.validNextSteps == ["After"])
            #expect(waiting.step("After")?.stepStatus == .pending)

            try await engine.signal(id, .startStep, payload: ["StepName": ["After"]])
            let ended = try await engine.waitUntilEnded(id)
            #expect(ended.step("After")?.stepStatus == .success)
            #expect(ended.automationExecutionStatus == .success)
        }
    }
}
