import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// An execution that cycles (nextStep back to an earlier step) fails at the step-execution bound, naming the
/// steps that repeat, instead of running until someone stops it.
@Suite struct EngineStepBoundTests {
    typealias Docs = EngineDocuments

    @Test func aNextStepCycleFailsAtTheBoundNamingTheCycle() async throws {
        try await EngineHarness.with(maxStepExecutions: 30) { engine in
            try await engine.createDocument(
                "Cycle", yaml: Docs.document(steps: [
                    Docs.shellStep("Start", ["true"], ["nextStep: Check"]),
                    Docs.shellStep("Check", ["true"], ["nextStep: Repair"]),
                    Docs.shellStep("Repair", ["true"], ["nextStep: Check"]),
                ]))
            let id = try await engine.start("Cycle")
            let execution = try await engine.waitUntilEnded(id, timeout: .seconds(60))
            #expect(execution.automationExecutionStatus == .failed)
            let message = execution.failureMessage ?? ""
            #expect(message.contains("ran 30 step executions"), "\(message)")
            #expect(message.contains("Check → Repair → Check") || message.contains("Repair → Check → Repair"), "\(message)")
            #expect((execution.stepExecutions ?? []).filter { $0.executionStartTime != nil }.count == 30)
        }
    }

    /// A cycle of aws:branch steps runs no process, so nothing slows it down: it must still stop at the
    /// default bound, without exhausting the engine's stack.
    @Test func aBranchCycleStopsAtTheDefaultBound() async throws {
        func branch(_ name: String, to next: String) -> String {
            Docs.step(
                name,
                """
                action: aws:branch
                inputs:
                  Choices:
                    - NextStep: \(next)
                      Variable: '{{ Mode }}'
                      StringEquals: never
                  Default: \(next)
                """)
        }
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Spin",
                yaml: Docs.document(
                    parameters: "Mode:\n  type: String\n  default: spin\n",
                    steps: [branch("Ping", to: "Pong"), branch("Pong", to: "Ping")]))
            let id = try await engine.start("Spin")
            let execution = try await engine.waitUntilEnded(id, timeout: .seconds(120))
            #expect(execution.automationExecutionStatus == .failed)
            #expect(execution.failureMessage?.contains("ran \(StepExecutionBound.defaultMaximum) step executions") == true)
            #expect(execution.failureMessage?.contains("Ping → Pong → Ping") == true, "\(execution.failureMessage ?? "")")
        }
    }

    @Test(arguments: [
        (["A", "B", "C", "B", "C", "B", "C"], ["B", "C"]),
        (["A", "A", "A"], ["A"]),
        (["S", "X", "Y", "Z", "X", "Y", "Z"], ["X", "Y", "Z"]),
    ])
    func theCycleIsTheSequenceTheTailRepeats(names: [String], cycle: [String]) {
        #expect(StepExecutionBound.repeatingSteps(names) == cycle)
    }
}
