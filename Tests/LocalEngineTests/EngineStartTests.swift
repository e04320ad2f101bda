import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// StartAutomationExecution: parameter checks, documents and versions, ClientToken.
@Suite struct EngineStartTests {
    typealias Docs = EngineDocuments

    static let parameterDocument = Docs.document(
        parameters: """
            Environment:
              type: String
              allowedValues: [dev, prod]
            Count:
              type: Integer
              default: 1
            Ticket:
              type: String
              allowedPattern: '^CHG-[0-9]+$'
              default: CHG-1
            """,
        steps: [Docs.step("Hold", "action: aws:pause\ninputs: {}\n")])

    @Test(arguments: [
        ("missing required", ["Count": ["2"]], "Environment"),
        ("unknown", ["Environment": ["dev"], "Colour": ["blue"]], "Colour"),
        ("wrong type", ["Environment": ["dev"], "Count": ["many"]], "Count"),
        ("not allowed", ["Environment": ["staging"]], "Environment"),
        ("pattern mismatch", ["Environment": ["dev"], "Ticket": ["INC-7"]], "Ticket"),
    ] as [(String, AutomationParameterMap, String)])
    func invalidParametersAreRefusedNamingTheParameter(
        _ problem: String, parameters: AutomationParameterMap, named: String
    ) async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Parameters", yaml: Self.parameterDocument)
            await expectEngineError(.invalidAutomationExecutionParametersException, containing: [named]) {
                try await engine.start("Parameters", parameters: parameters)
            }
            let listed = try await engine.service.describeAutomationExecutions(DescribeAutomationExecutionsRequest())
            #expect(listed.automationExecutionMetadataList?.isEmpty == true, "a refused start leaves no execution")
        }
    }

    @Test func validParametersAndDefaultsAreRecorded() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Parameters", yaml: Self.parameterDocument)
            let id = try await engine.start("Parameters", parameters: ["Environment": ["prod"], "Count": ["3"]])
            let execution = try await engine.execution(id)
            #expect(execution.parameters?["Environment"] == ["prod"])
            #expect(execution.parameters?["Count"] == ["3"])
            #expect(execution.parameters?["Ticket"] == ["CHG-1"])
        }
    }

    /// Step Functions task tokens run past the API's 512 characters and must reach the step unchanged.
    @Test func aTaskTokenLongerThan512CharactersReachesTheStepIntact() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Token", yaml: Docs.document(
                    parameters: "TaskToken:\n  type: String\n",
                    steps: [Docs.shellStep("Echo", ["printf %s '{{ TaskToken }}'"])]))
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
            let token = String((0..<1500).map { alphabet[$0 * 7 % alphabet.count] })
            let id = try await engine.start("Token", parameters: ["TaskToken": [token]])
            let execution = try await engine.waitUntilEnded(id)

            #expect(execution.automationExecutionStatus == .success)
            #expect(execution.parameters?["TaskToken"] == [token])
            #expect(execution.step("Echo")?.outputs?["Output"] == [token])
        }
    }

    @Test func aValueOf2049CharactersIsRefused() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Token", yaml: Docs.document(
                    parameters: "TaskToken:\n  type: String\n",
                    steps: [Docs.step("Hold", "action: aws:pause\ninputs: {}\n")]))
            let tooLong = String(repeating: "t", count: 2049)
            await expectEngineError(.validationException, containing: ["TaskToken", "2049"]) {
                try await engine.start("Token", parameters: ["TaskToken": [tooLong]])
            }
            _ = try await engine.start("Token", parameters: ["TaskToken": [String(repeating: "t", count: 2048)]])
        }
    }

    @Test func unknownDocumentsAndVersionsAreNotFound() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Parameters", yaml: Self.parameterDocument)
            await expectEngineError(.automationDefinitionNotFoundException, containing: ["Missing"]) {
                try await engine.start("Missing")
            }
            await expectEngineError(.automationDefinitionVersionNotFoundException, containing: ["7"]) {
                try await engine.service.startAutomationExecution(
                    StartAutomationExecutionRequest(
                        documentName: "Parameters", documentVersion: "7", parameters: ["Environment": ["dev"]]))
            }
            let started = try await engine.service.startAutomationExecution(
                StartAutomationExecutionRequest(
                    documentName: "Parameters", documentVersion: "1", parameters: ["Environment": ["dev"]]))
            #expect(started.automationExecutionId?.count == 36)
        }
    }

    @Test func aReusedClientTokenReturnsTheSameExecutionOrIsAMismatch() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Parameters", yaml: Self.parameterDocument)
            let token = UUID().uuidString
            let first = try await engine.start("Parameters", parameters: ["Environment": ["dev"]], clientToken: token)
            let again = try await engine.start("Parameters", parameters: ["Environment": ["dev"]], clientToken: token)
            #expect(again == first)

            await expectEngineError(.idempotentParameterMismatch, containing: [token]) {
                try await engine.start("Parameters", parameters: ["Environment": ["prod"]], clientToken: token)
            }
            let listed = try await engine.service.describeAutomationExecutions(DescribeAutomationExecutionsRequest())
            #expect(listed.automationExecutionMetadataList?.map(\.automationExecutionId) == [first])
        }
    }
}
