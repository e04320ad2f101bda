import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// A retried step says in its Response which attempt ran, since StepExecution has no attempt count.
@Suite struct EngineAttemptTests {
    typealias Docs = EngineDocuments

    @Test func aStepThatSucceedsOnItsSecondAttemptSaysSoAfterTheActionsResponse() async throws {
        try await EngineHarness.with { engine in
            let counter = engine.path("attempts")
            let go = engine.path("go")
            try await engine.createDocument(
                "SecondTime", yaml: Docs.document(steps: [
                    Docs.shellStep(
                        "Flaky",
                        [
                            "n=$(cat \(counter) 2>/dev/null || echo 0)", "n=$((n + 1))", "echo $n > \(counter)",
                            "[ $n -ge 2 ] || { echo first try broke >&2; exit 1; }",
                            // The second attempt waits, so the test can read the Response while it runs.
                            "i=0; while [ ! -e \(go) ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done",
                        ], ["maxAttempts: 3"]),
                ]))
            let id = try await engine.start("SecondTime")

            let running = try await engine.waitFor(id, "the second attempt running") {
                $0.step("Flaky")?.response?.contains("Now on attempt 2 of 3.") == true
            }
            let retrying = try #require(running.step("Flaky")?.response)
            #expect(retrying.hasPrefix("Attempt 1 of 3 failed: "), "\(retrying)")
            #expect(running.step("Flaky")?.stepStatus == .inProgress)

            #expect(FileManager.default.createFile(atPath: go, contents: Data()))
            let execution = try await engine.waitUntilEnded(id)
            let step = try #require(execution.step("Flaky"))
            #expect(step.stepStatus == .success)
            let response = try #require(step.response)
            // The action's own text stays, with the attempt after it.
            #expect(response.hasPrefix("Command "), "\(response)")
            #expect(response.hasSuffix(" (attempt 2 of 3)"), "\(response)")
        }
    }

    @Test func theFirstAttemptOfARetriedStepIsNamedWhileItRuns() async throws {
        try await EngineHarness.with { engine in
            let go = engine.path("go")
            try await engine.createDocument(
                "Waits", yaml: Docs.document(steps: [
                    Docs.shellStep(
                        "Slow", ["i=0; while [ ! -e \(go) ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done"],
                        ["maxAttempts: 2"]),
                ]))
            let id = try await engine.start("Waits")
            let running = try await engine.waitForStep(id, "Slow", .inProgress)
            #expect(running.step("Slow")?.response == "On attempt 1 of 2.")
            #expect(FileManager.default.createFile(atPath: go, contents: Data()))
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.step("Slow")?.response?.hasSuffix(" (attempt 1 of 2)") == true, "\(execution.step("Slow")?.response ?? "")")
        }
    }

    @Test func aSingleAttemptStepKeepsTheActionsResponseAsItIs() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Once", yaml: Docs.document(steps: [Docs.shellStep("Only", ["true"])]))
            let id = try await engine.start("Once")
            let execution = try await engine.waitUntilEnded(id)
            let response = try #require(execution.step("Only")?.response)
            #expect(response.hasPrefix("Command "))
            #expect(!response.contains("attempt"), "\(response)")
        }
    }

    @Test func aRetriedStepStoppedByStopStepNamesTheAttemptItWasOn() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Stopped", yaml: Docs.document(steps: [
                    Docs.shellStep("Long", ["sleep 30"], ["maxAttempts: 2"]),
                ]))
            let id = try await engine.start("Stopped")
            let running = try await engine.waitForStep(id, "Long", .inProgress)
            let stepId = try #require(running.step("Long")?.stepExecutionId)
            try await engine.signal(id, .stopStep, payload: ["StepExecutionId": [stepId]])
            let execution = try await engine.waitUntilEnded(id)
            let step = try #require(execution.step("Long"))
            #expect(step.stepStatus == .cancelled)
            let response = try #require(step.response)
            #expect(response.hasSuffix("attempt 1 of 2)") || response == "Cancelled on attempt 1 of 2.", "\(response)")
        }
    }
}
