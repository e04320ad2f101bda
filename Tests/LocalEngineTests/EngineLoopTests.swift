import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// aws:loop (for each and do while) and aws:updateVariable, run by the engine.
@Suite struct EngineLoopTests {
    typealias Docs = EngineDocuments

    static let instance = EngineHarness.instanceId

    /// A for-each loop over three names whose one step echoes the iteration and its value, then a last step.
    static let forEachDocument = """
        schemaVersion: '0.3'
        mainSteps:
          - name: EachHost
            action: aws:loop
            inputs:
              Iterators: [web1, web2, web3]
              Steps:
                - name: Greet
                  action: aws:runCommand
                  inputs:
                    DocumentName: AWS-RunShellScript
                    InstanceIds: [\(instance)]
                    Parameters:
                      commands: ['echo {{ EachHost.CurrentIteration }}-{{ EachHost.CurrentIteratorValue }}']
          - name: After
            action: aws:sleep
            inputs:
              Duration: PT0S
        """

    func stepExecutions(
        _ engine: EngineHarness, _ id: String, _ filters: [StepExecutionFilter]? = nil
    ) async throws -> [StepExecution] {
        try await engine.service.describeAutomationStepExecutions(
            DescribeAutomationStepExecutionsRequest(automationExecutionId: id, filters: filters)
        ).stepExecutions ?? []
    }

    @Test func aForEachLoopRunsItsStepsOncePerIteratorAndListsThemUnderTheLoop() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("ForEach", yaml: Self.forEachDocument)
            let id = try await engine.start("ForEach")
            let ended = try await engine.waitUntilEnded(id)
            #expect(ended.automationExecutionStatus == .success, "\(ended.failureMessage ?? "")")

            let steps = try await stepExecutions(engine, id)
            #expect(steps.map { $0.stepName ?? "" } == ["EachHost", "Greet", "Greet", "Greet", "After"])
            let loop = try #require(steps.first { $0.stepName == "EachHost" })
            #expect(loop.stepStatus == .success)
            #expect(loop.action == "aws:loop")
            #expect(loop.outputs?["CurrentIteration"] == ["3"])
            #expect(loop.outputs?["CurrentIteratorValue"] == ["web3"])
            #expect(loop.parentStepDetails == nil)

            let greets = steps.filter { $0.stepName == "Greet" }
            #expect(greets.map(\.parentStepDetails?.iteration) == [1, 2, 3])
            #expect(greets.map(\.parentStepDetails?.iteratorValue) == ["web1", "web2", "web3"])
            #expect(greets.allSatisfy { $0.parentStepDetails?.stepExecutionId == loop.stepExecutionId })
            #expect(greets.allSatisfy { $0.parentStepDetails?.stepName == "EachHost" })
            #expect(greets.allSatisfy { $0.parentStepDetails?.action == "aws:loop" })
            #expect(greets.map { $0.outputs?["Output"]?.first?.trimmingCharacters(in: .whitespacesAndNewlines) }
                == ["1-web1", "2-web2", "3-web3"])
            #expect(try #require(ended.step("After")).stepStatus == .success)
            #expect(ended.progressCounters?.totalSteps == 5)

            // The filters the API has for steps inside loops.
            let loopId = try #require(loop.stepExecutionId)
            let children = try await stepExecutions(engine, id, [.init(key: .parentStepExecutionId, values: [loopId])])
            #expect(children.count == 3)
            let second = try await stepExecutions(engine, id, [.init(key: .parentStepIteration, values: ["2"])])
            #expect(second.map(\.parentStepDetails?.iteratorValue) == ["web2"])
            let byValue = try await stepExecutions(
                engine, id, [.init(key: .parentStepIteratorValue, values: ["web1", "web3"])])
            #expect(byValue.map(\.parentStepDetails?.iteration) == [1, 3])
            let combined = try await stepExecutions(
                engine, id,
                [.init(key: .parentStepExecutionId, values: [loopId]), .init(key: .parentStepIteration, values: ["3"])])
            #expect(combined.map(\.parentStepDetails?.iteratorValue) == ["web3"])
            await expectEngineError(.invalidFilterValue, containing: ["ParentStepIteration", "zero"]) {
                try await stepExecutions(engine, id, [.init(key: .parentStepIteration, values: ["zero"])])
            }
        }
    }

    /// A do-while loop counts a variable up with aws:updateVariable until its condition no longer holds.
    static let countingDocument = """
        schemaVersion: '0.3'
        variables:
          Count:
            type: Integer
            default: 0
          Note:
            type: String
            default: start
        mainSteps:
          - name: CountUp
            action: aws:loop
            inputs:
              LoopCondition:
                Variable: '{{ variable:Count }}'
                NumericLesser: 3
              Steps:
                - name: Increment
                  action: aws:updateVariable
                  inputs:
                    Name: variable:Count
                    Value: '{{ CountUp.CurrentIteration }}'
          - name: Describe
            action: aws:updateVariable
            inputs:
              Name: variable:Note
              Value: 'counted to {{ variable:Count }}'
        """

    @Test func aDoWhileLoopRunsUntilItsConditionFailsAndVariablesChangeAsItRuns() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Count", yaml: Self.countingDocument)
            let id = try await engine.start("Count")
            let ended = try await engine.waitUntilEnded(id)
            #expect(ended.automationExecutionStatus == .success, "\(ended.failureMessage ?? "")")
            #expect(ended.variables == ["Count": ["3"], "Note": ["counted to 3"]])
            let increments = (ended.stepExecutions ?? []).filter { $0.stepName == "Increment" }
            #expect(increments.map(\.parentStepDetails?.iteration) == [1, 2, 3])
            #expect(increments.allSatisfy { $0.parentStepDetails?.iteratorValue == nil })
            #expect(increments.map { $0.inputs?["Value"] } == ["1", "2", "3"])
            #expect(ended.step("CountUp")?.outputs?["CurrentIteration"] == ["3"])
        }
    }

    @Test func theVariablesStartAtTheirDefaultsAndABadValueFailsTheStep() async throws {
        try await EngineHarness.with { engine in
            let yaml = """
                schemaVersion: '0.3'
                variables:
                  Count:
                    type: Integer
                    default: 7
                mainSteps:
                  - name: Hold
                    action: aws:pause
                  - name: Set
                    action: aws:updateVariable
                    inputs:
                      Name: variable:Count
                      Value: many
                """
            try await engine.createDocument("BadValue", yaml: yaml)
            let id = try await engine.start("BadValue")
            let waiting = try await engine.waitForStep(id, "Hold", .waiting)
            #expect(waiting.variables == ["Count": ["7"]])
            try await engine.signal(id, .resume, payload: ["StepName": ["Hold"]])
            let ended = try await engine.waitUntilEnded(id)
            #expect(ended.automationExecutionStatus == .failed)
            let set = try #require(ended.step("Set"))
            #expect(set.stepStatus == .failed)
            #expect(set.failureMessage?.contains("not of the type of variable Count, Integer") == true, "\(set.failureMessage ?? "")")
            #expect(ended.variables == ["Count": ["7"]])
        }
    }

    /// A do-while loop whose condition always holds stops at 100 iterations, the most a loop runs.
    @Test func aLoopStopsAtOneHundredIterations() async throws {
        try await EngineHarness.with { engine in
            let yaml = """
                schemaVersion: '0.3'
                variables:
                  Seen:
                    type: Integer
                    default: 0
                mainSteps:
                  - name: Forever
                    action: aws:loop
                    inputs:
                      LoopCondition:
                        Variable: always
                        StringEquals: always
                      Steps:
                        - name: Note
                          action: aws:updateVariable
                          inputs:
                            Name: variable:Seen
                            Value: '{{ Forever.CurrentIteration }}'
                """
            try await engine.createDocument("Forever", yaml: yaml)
            let id = try await engine.start("Forever")
            let ended = try await engine.waitUntilEnded(id, timeout: .seconds(60))
            #expect(ended.automationExecutionStatus == .success, "\(ended.failureMessage ?? "")")
            #expect(ended.variables == ["Seen": ["100"]])
            // GetAutomationExecution lists at most 100 step executions; DescribeAutomationStepExecutions has them all.
            var notes: [StepExecution] = []
            var token: String?
            repeat {
                let page = try await engine.service.describeAutomationStepExecutions(
                    DescribeAutomationStepExecutionsRequest(
                        automationExecutionId: id, filters: [.init(key: .stepName, values: ["Note"])], nextToken: token))
                notes += page.stepExecutions ?? []
                token = page.nextToken
            } while token != nil
            #expect(notes.map(\.parentStepDetails?.iteration) == (1...100).map { $0 })
            #expect(ended.step("Forever")?.outputs?["CurrentIteration"] == ["100"])
        }
    }

    @Test func maxIterationsCapsAForEachLoop() async throws {
        try await EngineHarness.with { engine in
            let yaml = """
                schemaVersion: '0.3'
                mainSteps:
                  - name: FirstTwo
                    action: aws:loop
                    inputs:
                      Iterators: [1, 2, 3, 4]
                      IteratorDataType: Integer
                      MaxIterations: 2
                      Steps:
                        - name: Nap
                          action: aws:sleep
                          inputs:
                            Duration: PT0S
                """
            try await engine.createDocument("Capped", yaml: yaml)
            let id = try await engine.start("Capped")
            let ended = try await engine.waitUntilEnded(id)
            #expect(ended.automationExecutionStatus == .success)
            let naps = (ended.stepExecutions ?? []).filter { $0.stepName == "Nap" }
            #expect(naps.map(\.parentStepDetails?.iteratorValue) == ["1", "2"])
        }
    }

    @Test func documentsBreakingTheLoopRulesAreRefusedWithTheReason() async throws {
        try await EngineHarness.with { engine in
            func loop(_ inputs: String, steps: String = "        - name: Nap\n          action: aws:sleep\n          inputs: {Duration: PT0S}\n") -> String {
                "schemaVersion: '0.3'\nmainSteps:\n  - name: Loop\n    action: aws:loop\n    inputs:\n" + inputs
                    + (steps.isEmpty ? "" : "      Steps:\n" + steps)
                    + "  - name: Outside\n    action: aws:sleep\n    inputs: {Duration: PT0S}\n"
            }
            let hundredAndOne = (1...101).map(String.init).joined(separator: ", ")
            let cases: [(String, [String])] = [
                (loop("      MaxIterations: 101\n      Iterators: [a]\n"), ["MaxIterations is 101", "from 1 to 100"]),
                (loop("      Iterators: [\(hundredAndOne)]\n"), ["101 items", "at most 100"]),
                (loop("      Iterators: [a]\n", steps: ""), ["needs inputs.Steps"]),
                (loop("      MaxIterations: 3\n"), ["needs Iterators", "or LoopCondition"]),
                (loop("      Iterators: [a]\n      IteratorDataType: Float\n"), ["IteratorDataType", "String, Integer, Boolean, StringMap"]),
                (loop("      Iterators: [a]\n      Colour: red\n"), ["unknown input 'Colour'"]),
                (loop("      Iterators: [a]\n", steps: "        - name: Nap\n          action: aws:sleep\n          nextStep: Outside\n          inputs: {Duration: PT0S}\n"),
                 ["nextStep names step 'Outside'", "not in the same list of steps"]),
                (loop("      Iterators: [a]\n", steps: "        - name: Outside\n          action: aws:sleep\n          inputs: {Duration: PT0S}\n"),
                 ["Two steps are named 'Outside'"]),
            ]
            for (index, (yaml, fragments)) in cases.enumerated() {
                await expectEngineError(.invalidDocumentContent, containing: fragments) {
                    try await engine.createDocument("Bad\(index)", yaml: yaml)
                }
            }
            let undeclared = """
                schemaVersion: '0.3'
                mainSteps:
                  - name: Set
                    action: aws:updateVariable
                    inputs:
                      Name: variable:Missing
                      Value: x
                """
            await expectEngineError(.invalidDocumentContent, containing: ["Missing", "does not declare"]) {
                try await engine.createDocument("Undeclared", yaml: undeclared)
            }
        }
    }

    /// A loop over 1, 2, 3 whose step fails on 2.
    static func failingLoop(stepProperties: String) -> String {
        """
        schemaVersion: '0.3'
        mainSteps:
          - name: Check
            action: aws:loop
            inputs:
              Iterators: [1, 2, 3]
              IteratorDataType: Integer
              Steps:
                - name: NotTwo
                  action: aws:runCommand
        \(stepProperties)
                  inputs:
                    DocumentName: AWS-RunShellScript
                    InstanceIds: [\(instance)]
                    Parameters:
                      commands: ['test {{ Check.CurrentIteratorValue }} -ne 2']
          - name: After
            action: aws:sleep
            inputs:
              Duration: PT0S
        """
    }

    @Test func aFailedStepInsideALoopFailsTheLoopAtThatIteration() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Fails", yaml: Self.failingLoop(stepProperties: ""))
            let id = try await engine.start("Fails")
            let ended = try await engine.waitUntilEnded(id)
            #expect(ended.automationExecutionStatus == .failed)
            let loop = try #require(ended.step("Check"))
            #expect(loop.stepStatus == .failed)
            #expect(loop.failureMessage?.hasPrefix("Iteration 2: Step NotTwo failed") == true, "\(loop.failureMessage ?? "")")
            let runs = (ended.stepExecutions ?? []).filter { $0.stepName == "NotTwo" }
            #expect(runs.map(\.stepStatus) == [.success, .failed])
            #expect(ended.step("After")?.stepStatus == .pending)
            #expect(ended.failureMessage?.contains("Step Check failed: Iteration 2") == true, "\(ended.failureMessage ?? "")")
        }
    }

    @Test func aStepInsideALoopThatContinuesOnFailureLetsTheLoopGoOn() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Continues", yaml: Self.failingLoop(stepProperties: "          onFailure: Continue\n          isCritical: false"))
            let id = try await engine.start("Continues")
            let ended = try await engine.waitUntilEnded(id)
            #expect(ended.automationExecutionStatus == .success, "\(ended.failureMessage ?? "")")
            let runs = (ended.stepExecutions ?? []).filter { $0.stepName == "NotTwo" }
            #expect(runs.map(\.stepStatus) == [.success, .failed, .success])
            #expect(ended.step("Check")?.stepStatus == .success)
            #expect(ended.step("After")?.stepStatus == .success)
        }
    }

    static let sleepingLoop = """
        schemaVersion: '0.3'
        mainSteps:
          - name: Each
            action: aws:loop
            inputs:
              Iterators: [a, b, c]
              Steps:
                - name: Nap
                  action: aws:sleep
                  inputs:
                    Duration: PT1S
        """

    @Test func cancellingAnExecutionInsideALoopCancelsTheStepTheLoopAndTheExecution() async throws {
        try await EngineHarness.with { engine in
            let yaml = Self.sleepingLoop.replacingOccurrences(of: "PT1S", with: "PT60S")
            try await engine.createDocument("Cancel", yaml: yaml)
            let id = try await engine.start("Cancel")
            try await engine.waitForStep(id, "Nap", .inProgress)
            try await engine.stop(id)
            let ended = try await engine.waitUntilEnded(id)
            #expect(ended.automationExecutionStatus == .cancelled)
            #expect(ended.step("Nap")?.stepStatus == .cancelled)
            #expect(ended.step("Each")?.stepStatus == .cancelled)
            #expect((ended.stepExecutions ?? []).filter { $0.stepName == "Nap" }.count == 1)
        }
    }

    /// The engine stops (as a process exit would) during the second iteration; the next engine opened on the
    /// directory goes on from there and runs the loop to its end.
    @Test func aLoopGoesOnAfterARestartMidLoop() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loop-restart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = EngineConfiguration(dataDirectory: directory, installShippedRunbooks: false)
        let id: String
        do {
            let engine = try await AutomationEngine.open(configuration)
            let harness = EngineHarness(engine: engine, directory: directory)
            try await harness.createDocument("Sleepy", yaml: Self.sleepingLoop)
            id = try await harness.start("Sleepy")
            try await harness.waitFor(id, "the second iteration") { execution in
                execution.stepExecutions?.contains { $0.parentStepDetails?.iteration == 2 } == true
            }
            await engine.shutdown()
        }
        let engine = try await AutomationEngine.open(configuration)
        let harness = EngineHarness(engine: engine, directory: directory)
        let ended = try await harness.waitUntilEnded(id)
        await engine.shutdown()
        #expect(ended.automationExecutionStatus == .success, "\(ended.failureMessage ?? "")")
        let naps = (ended.stepExecutions ?? []).filter { $0.stepName == "Nap" }
        #expect(naps.map(\.parentStepDetails?.iterationText) == ["1 a", "2 b", "3 c"])
        #expect(naps.allSatisfy { $0.stepStatus == .success })
    }
}

extension ParentStepDetails {
    var iterationText: String { "\(iteration.map(String.init) ?? "-") \(iteratorValue ?? "-")" }
}
