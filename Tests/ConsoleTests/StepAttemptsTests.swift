import AutomationModel
import Foundation
import Testing

@testable import Console

/// The ATTEMPTS column: which attempt a step is on, read from the local engine's Response text.
@Suite struct StepAttemptsTests {
    private func step(
        _ status: AutomationExecutionStatus, started: Bool = true, maxAttempts: Int? = 3, response: String? = nil
    ) -> StepExecution {
        var step = StepExecution(stepName: "s", action: "aws:runCommand", stepExecutionId: "id", stepStatus: status)
        step.executionStartTime = started ? Fixtures.now : nil
        step.maxAttempts = maxAttempts
        step.response = response
        return step
    }

    @Test func aStepThatHasNotStartedShowsADash() {
        #expect(StepAttempts.text(step(.pending, started: false)) == "-")
        #expect(StepAttempts(step(.pending, started: false)) == nil)
    }

    @Test func aSingleAttemptStepThatRanIsOneOfOne() {
        #expect(StepAttempts.text(step(.success, maxAttempts: 1)) == "1/1")
        #expect(StepAttempts.text(step(.inProgress, maxAttempts: nil)) == "1/1")
    }

    @Test func theAttemptComesFromTheEnginesNotes() {
        #expect(StepAttempts.text(step(.success, response: "Command c-1 ended Success on mi-1. (attempt 2 of 3)")) == "2/3")
        #expect(StepAttempts.text(step(.inProgress, response: "On attempt 1 of 3.")) == "1/3")
        #expect(StepAttempts.text(step(.inProgress, response: "Attempt 1 of 3 failed: exit 1 Now on attempt 2 of 3.")) == "2/3")
        #expect(StepAttempts.text(step(.failed, response: "Failed after 3 of 3 attempts.")) == "3/3")
        #expect(StepAttempts.text(step(.cancelled, response: "Cancelled on attempt 1 of 3.")) == "1/3")
    }

    @Test func theLastMentionWinsOverTheActionsOwnText() {
        let response = "retry script said attempt 7 of 9 (attempt 3 of 3)"
        #expect(StepAttempts.text(step(.success, response: response)) == "3/3")
    }

    @Test func aResponseThatDoesNotSayIsUnknown() {
        #expect(StepAttempts.text(step(.success)) == "-/3")
        #expect(StepAttempts.text(step(.success, response: "{\"ok\": true}")) == "-/3")
        // A count past MaxAttempts is not the engine's note.
        #expect(StepAttempts.text(step(.success, response: "attempt 5 of 5")) == "-/3")
    }
}
