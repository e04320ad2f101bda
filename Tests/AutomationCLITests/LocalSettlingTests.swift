import AutomationModel
import Foundation
import Testing

@testable import AutomationCLI

@Suite struct LocalSettlingTests {
    /// A faulty service that answers GetAutomationExecution without an execution.
    @Test(.timeLimit(.minutes(1))) func anAnswerWithoutTheExecutionEndsTheWait() async throws {
        let empty = try AWSJSON.decoder().decode(GetAutomationExecutionResponse.self, from: Data("{}".utf8))
        do {
            try await LocalSettling.wait(
                for: "11111111-2222-3333-4444-555555555555", service: ScriptedExecutions(answers: [empty])) { _ in }
            Issue.record("the wait ended without an execution")
        } catch {
            let failure = CLIFailure.from(error, operation: "GetAutomationExecution")
            #expect(failure.exitCode == 254)
            #expect(failure.description.contains("held no execution"), "\(failure.description)")
        }
    }
}
