import AutomationModel
import Foundation
import Testing

@testable import AutomationCLI

/// Answers GetAutomationExecution without an execution, as a faulty service might.
private struct EmptyAnswers: AutomationService {
    func getAutomationExecution(_ request: GetAutomationExecutionRequest) async throws -> GetAutomationExecutionResponse {
        try AWSJSON.decoder().decode(GetAutomationExecutionResponse.self, from: Data("{}".utf8))
    }
    private func unused() -> ServiceError { ServiceError(.validationException, "not used while settling") }
    func describeAutomationExecutions(_ request: DescribeAutomationExecutionsRequest) async throws -> DescribeAutomationExecutionsResponse { throw unused() }
    func describeAutomationStepExecutions(_ request: DescribeAutomationStepExecutionsRequest) async throws -> DescribeAutomationStepExecutionsResponse { throw unused() }
    func sendAutomationSignal(_ request: SendAutomationSignalRequest) async throws -> SendAutomationSignalResponse { throw unused() }
    func startAutomationExecution(_ request: StartAutomationExecutionRequest) async throws -> StartAutomationExecutionResponse { throw unused() }
    func stopAutomationExecution(_ request: StopAutomationExecutionRequest) async throws -> StopAutomationExecutionResponse { throw unused() }
    func getDocument(_ request: GetDocumentRequest) async throws -> GetDocumentResponse { throw unused() }
    func describeDocument(_ request: DescribeDocumentRequest) async throws -> DescribeDocumentResponse { throw unused() }
    func listDocuments(_ request: ListDocumentsRequest) async throws -> ListDocumentsResponse { throw unused() }
    func createDocument(_ request: CreateDocumentRequest) async throws -> CreateDocumentResponse { throw unused() }
}

@Suite struct LocalSettlingTests {
    @Test(.timeLimit(.minutes(1))) func anAnswerWithoutTheExecutionEndsTheWait() async {
        do {
            try await LocalSettling.wait(for: "11111111-2222-3333-4444-555555555555", service: EmptyAnswers()) { _ in }
            Issue.record("the wait ended without an execution")
        } catch {
            let failure = CLIFailure.from(error, operation: "GetAutomationExecution")
            #expect(failure.exitCode == 254)
            #expect(failure.description.contains("held no execution"), "\(failure.description)")
        }
    }
}
