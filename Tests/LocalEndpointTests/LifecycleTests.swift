import AWSWire
import AutomationModel
import Foundation
import LocalEndpoint
import LocalEngine
import Testing

@Suite struct LifecycleTests {
    @Test func aCleanStopLeavesTheDataReadableByANewEngine() async throws {
        let directory = EndpointHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (id, port) = try await EndpointHarness.with(directory: directory, keepDirectory: true) { harness in
            let client = harness.client()
            let _: CreateDocumentResponse = try await client.call(
                "CreateDocument", CreateDocumentRequest(content: TestDocuments.sleepLong, name: "Serve-Kept", documentFormat: .yaml))
            let started: StartAutomationExecutionResponse = try await client.call(
                "StartAutomationExecution", StartAutomationExecutionRequest(documentName: "Serve-Kept"))
            let id = try #require(started.automationExecutionId)
            _ = try await harness.waitFor(id, .inProgress)
            return (id, harness.endpoint.port)
        }

        // The listener is closed: the same port can be bound again.
        let other = EndpointHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: other) }
        let rebound = try await SSMEndpoint.start(
            ServeConfiguration(port: port, dataDirectory: other, accessKeys: [EndpointHarness.alice]))
        #expect(rebound.port == port)
        await rebound.stop()

        let engine = try await AutomationEngine.open(EngineConfiguration(dataDirectory: directory, stepFunctions: nil))
        let session = engine.session(principal: EndpointHarness.alice.principalArn)
        let document = try await session.getDocument(GetDocumentRequest(name: "Serve-Kept"))
        #expect(document.content == TestDocuments.sleepLong)
        let execution = try await session.getAutomationExecution(GetAutomationExecutionRequest(automationExecutionId: id))
        #expect(execution.automationExecution?.executedBy == EndpointHarness.alice.principalArn)
        await engine.shutdown()
    }

    @Test func aSecondEndpointOnTheSameDataDirectoryIsRefused() async throws {
        try await EndpointHarness.with { harness in
            await #expect(throws: (any Error).self) {
                let second = try await SSMEndpoint.start(
                    ServeConfiguration(port: 0, dataDirectory: harness.directory, accessKeys: [EndpointHarness.alice]))
                await second.stop()
            }
            // The first one keeps working.
            let answer = try await harness.raw("ListDocuments", body: "{}")
            #expect(answer.status == 200)
        }
    }

    @Test func aPortInUseGivesAClearError() async throws {
        try await EndpointHarness.with { harness in
            let other = EndpointHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: other) }
            let error = await #expect(throws: ServeSetupError.self) {
                let second = try await SSMEndpoint.start(
                    ServeConfiguration(port: harness.endpoint.port, dataDirectory: other, accessKeys: [EndpointHarness.alice]))
                await second.stop()
            }
            #expect(error?.message.contains("\(harness.endpoint.port)") == true)
        }
    }
}
