import AWSWire
import AutomationModel
import Foundation
import LocalEndpoint
import Testing

@Suite struct ExecutionOperationTests {
    @Test func startRunsAsTheKeysPrincipalAndTheReadsSeeIt() async throws {
        try await EndpointHarness.with { harness in
            let client = harness.client(EndpointHarness.bob)
            let _: CreateDocumentResponse = try await client.call(
                "CreateDocument", CreateDocumentRequest(content: TestDocuments.sleepLong, name: "Serve-Sleep", documentFormat: .yaml))
            let started: StartAutomationExecutionResponse = try await client.call(
                "StartAutomationExecution", StartAutomationExecutionRequest(documentName: "Serve-Sleep"))
            let id = try #require(started.automationExecutionId)

            let execution = try await harness.waitFor(id, .inProgress)
            #expect(execution.executedBy == EndpointHarness.bob.principalArn)

            let page: DescribeAutomationExecutionsResponse = try await client.call(
                "DescribeAutomationExecutions",
                DescribeAutomationExecutionsRequest(filters: [AutomationExecutionFilter(key: .executionId, values: [id])]))
            #expect(page.automationExecutionMetadataList?.map(\.automationExecutionId) == [id])
            #expect(page.automationExecutionMetadataList?.first?.executedBy == EndpointHarness.bob.principalArn)

            let steps: DescribeAutomationStepExecutionsResponse = try await client.call(
                "DescribeAutomationStepExecutions", DescribeAutomationStepExecutionsRequest(automationExecutionId: id))
            #expect(steps.stepExecutions?.map(\.stepName) == ["Wait"])

            let stopAnswer = try await client.call(
                "StopAutomationExecution", body: try AWSJSON.encode(StopAutomationExecutionRequest(automationExecutionId: id)))
            #expect(String(decoding: stopAnswer, as: UTF8.self) == "{}")
            #expect(try await harness.waitFor(id, .cancelled).automationExecutionStatus == .cancelled)
        }
    }

    @Test func approvalsAreMatchedAgainstTheSigningKeysPrincipal() async throws {
        try await EndpointHarness.with { harness in
            let alice = harness.client(EndpointHarness.alice)
            let bob = harness.client(EndpointHarness.bob)
            let _: CreateDocumentResponse = try await alice.call(
                "CreateDocument", CreateDocumentRequest(content: TestDocuments.approval, name: "Serve-Approval", documentFormat: .yaml))
            let started: StartAutomationExecutionResponse = try await bob.call(
                "StartAutomationExecution", StartAutomationExecutionRequest(documentName: "Serve-Approval"))
            let id = try #require(started.automationExecutionId)
            _ = try await harness.waitFor(id, .waiting)

            let refused = await serviceError {
                let _: EmptyResponse = try await bob.call(
                    "SendAutomationSignal", SendAutomationSignalRequest(automationExecutionId: id, signalType: .approve))
            }
            #expect(refused?.code == .invalidAutomationSignalException)
            #expect(refused?.message.contains(EndpointHarness.bob.principalArn) == true)

            let _: EmptyResponse = try await alice.call(
                "SendAutomationSignal", SendAutomationSignalRequest(automationExecutionId: id, signalType: .approve))
            #expect(try await harness.waitFor(id, .success).automationExecutionStatus == .success)
        }
    }

    @Test func unknownExecutionAnswersTheEnginesErrorWith400() async throws {
        try await EndpointHarness.with { harness in
            let response = try await harness.raw(
                "GetAutomationExecution", body: #"{"AutomationExecutionId": "00000000-0000-0000-0000-000000000000"}"#)
            #expect(response.status == 400)
            #expect(try ErrorBody(response).type == "AutomationExecutionNotFoundException")
            #expect(response.header("X-Amzn-ErrorType") == "AutomationExecutionNotFoundException")
        }
    }
}
