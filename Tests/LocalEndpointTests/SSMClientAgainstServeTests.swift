import AWSWire
import AutomationModel
import Foundation
import LocalEndpoint
import Testing

/// The Swift SSM client against `serve` on 127.0.0.1: documents, executions in both modes, listing with filters
/// and pages, step executions, every signal accepted and refused, and both kinds of stop.
@Suite struct SSMClientAgainstServeTests {
    static let quick = """
        schemaVersion: '0.3'
        mainSteps:
          - name: Rest
            action: aws:sleep
            inputs:
              Duration: PT0S
        """

    /// A step that sleeps until stopped and lets the execution carry on afterwards, then a pause.
    static let holdThenPause = """
        schemaVersion: '0.3'
        parameters:
          Service:
            type: String
            default: web
        mainSteps:
          - name: Hold
            action: aws:sleep
            onFailure: Continue
            inputs:
              Duration: PT1H
          - name: Pause
            action: aws:pause
            inputs: {}
          - name: Finish
            action: aws:sleep
            inputs:
              Duration: PT0S
        """

    /// An SSM client signing as `key`, with one attempt, so every refusal comes back as it was answered.
    static func client(_ harness: EndpointHarness, as key: ServeAccessKey = EndpointHarness.alice) -> SSMClient {
        SSMClient(
            endpoint: harness.url, region: "us-east-1",
            credentials: StaticCredentialsProvider(accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey),
            retryPolicy: AWSRetryPolicy(maxAttempts: 1))
    }

    /// Polls GetAutomationExecution until `condition` holds (15 s at most) and returns the execution.
    @discardableResult
    static func waitUntil(
        _ client: SSMClient, _ id: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: (AutomationExecution) -> Bool
    ) async throws -> AutomationExecution {
        let deadline = ContinuousClock.now + .seconds(15)
        while true {
            let execution = try #require(
                try await client.getAutomationExecution(.init(automationExecutionId: id)).automationExecution)
            if condition(execution) { return execution }
            guard ContinuousClock.now < deadline else {
                Issue.record(
                    "execution \(id) never reached '\(what)'; it is \(execution.automationExecutionStatus?.rawValue ?? "?") at \(execution.currentStepName ?? "-")",
                    sourceLocation: sourceLocation)
                return execution
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Expects `body` to be refused with `code`.
    static func expectRefusal(
        _ code: ServiceError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
    ) async {
        do {
            try await body()
            Issue.record("expected \(code), but the call was accepted", sourceLocation: sourceLocation)
        } catch let error as ServiceError {
            #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
            #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
        }
    }

    static func step(_ execution: AutomationExecution, _ name: String) -> StepExecution? {
        execution.stepExecutions?.first { $0.stepName == name }
    }

    @Test func documentsAndAutoExecutionsListWithFiltersAndPages() async throws {
        try await EndpointHarness.with { harness in
            let client = Self.client(harness)
            let created = try await client.createDocument(.init(content: Self.quick, name: "Quick", documentFormat: .yaml))
            #expect(created.documentDescription?.name == "Quick")
            #expect(created.documentDescription?.documentVersion == "1")
            _ = try await client.createDocument(.init(content: Self.holdThenPause, name: "Other-Hold", documentFormat: .yaml))
            await Self.expectRefusal(.documentAlreadyExists) {
                _ = try await client.createDocument(.init(content: Self.quick, name: "Quick", documentFormat: .yaml))
            }
            #expect(try await client.getDocument(.init(name: "Quick")).content?.contains("aws:sleep") == true)
            let described = try await client.describeDocument(.init(name: "Other-Hold"))
            #expect(described.document?.parameters?.map(\.name) == ["Service"])
            let listed = try await client.listDocuments(.init(filters: [.init(key: "Owner", values: ["Self"])]))
            let names = Set((listed.documentIdentifiers ?? []).compactMap(\.name))
            #expect(names.isSuperset(of: ["Quick", "Other-Hold"]))

            var started: Set<String> = []
            for _ in 0..<55 {
                let answer = try await client.startAutomationExecution(.init(documentName: "Quick", mode: .auto))
                started.insert(try #require(answer.automationExecutionId))
            }
            let other = try #require(
                try await client.startAutomationExecution(.init(documentName: "Other-Hold", parameters: ["Service": ["db"]]))
                    .automationExecutionId)
            for id in started { try await Self.waitUntil(client, id, "Success") { $0.automationExecutionStatus == .success } }

            // Pages of at most 50, following NextToken to the end.
            var seen: [String] = []
            var token: String?
            var pages = 0
            repeat {
                let page = try await client.describeAutomationExecutions(.init(
                    filters: [.init(key: .documentNamePrefix, values: ["Quick"])], maxResults: 50, nextToken: token))
                let rows = page.automationExecutionMetadataList ?? []
                #expect(rows.count <= 50)
                #expect(rows.allSatisfy { $0.documentName == "Quick" && $0.automationExecutionStatus == .success })
                seen += rows.map(\.automationExecutionId)
                token = page.nextToken.flatMap { $0.isEmpty ? nil : $0 }
                pages += 1
            } while token != nil && pages < 10
            #expect(pages == 2)
            #expect(seen.count == 55)
            #expect(Set(seen) == started)

            let inProgress = try await client.describeAutomationExecutions(.init(
                filters: [.init(key: .executionStatus, values: ["InProgress"])]))
            #expect(inProgress.automationExecutionMetadataList?.map(\.automationExecutionId) == [other])
            let byId = try await client.describeAutomationExecutions(.init(filters: [.init(key: .executionId, values: [other])]))
            #expect(byId.automationExecutionMetadataList?.first?.documentName == "Other-Hold")

            await Self.expectRefusal(.invalidFilterKey) {
                _ = try await client.describeAutomationExecutions(.init(filters: [.init(key: "Colour", values: ["red"])]))
            }
            await Self.expectRefusal(.invalidFilterValue) {
                _ = try await client.describeAutomationExecutions(.init(filters: [.init(key: .executionStatus, values: ["Sleepy"])]))
            }
            await Self.expectRefusal(.invalidNextToken) {
                _ = try await client.describeAutomationExecutions(.init(nextToken: "not-a-token"))
            }
            await Self.expectRefusal(.automationDefinitionNotFoundException) {
                _ = try await client.startAutomationExecution(.init(documentName: "Missing"))
            }
            await Self.expectRefusal(.automationExecutionNotFoundException) {
                _ = try await client.getAutomationExecution(.init(automationExecutionId: "00000000-0000-0000-0000-000000000000"))
            }
            _ = try await client.stopAutomationExecution(.init(automationExecutionId: other, type: .cancel))
            try await Self.waitUntil(client, other, "Cancelled") { $0.automationExecutionStatus == .cancelled }
        }
    }

    @Test func approveAndRejectAreAcceptedOnlyFromAnApproverWhileWaiting() async throws {
        try await EndpointHarness.with { harness in
            let alice = Self.client(harness)
            let bob = Self.client(harness, as: EndpointHarness.bob)
            _ = try await alice.createDocument(.init(content: TestDocuments.approval, name: "Approval", documentFormat: .yaml))

            let approved = try #require(try await alice.startAutomationExecution(.init(documentName: "Approval")).automationExecutionId)
            let waiting = try await Self.waitUntil(alice, approved, "Waiting") { $0.automationExecutionStatus == .waiting }
            #expect(waiting.currentStepName == "Approve")
            let steps = try await alice.describeAutomationStepExecutions(.init(automationExecutionId: approved))
            #expect(steps.stepExecutions?.first?.stepName == "Approve")
            #expect(steps.stepExecutions?.first?.action == "aws:approve")

            await Self.expectRefusal(.invalidAutomationSignalException) {
                _ = try await bob.sendAutomationSignal(.init(automationExecutionId: approved, signalType: .approve))
            }
            await Self.expectRefusal(.invalidAutomationSignalException) {
                _ = try await alice.sendAutomationSignal(.init(
                    automationExecutionId: approved, signalType: .startStep, payload: ["StepName": ["Rest"]]))
            }
            await Self.expectRefusal(.invalidAutomationSignalException) {
                _ = try await alice.sendAutomationSignal(.init(automationExecutionId: approved, signalType: .revoke))
            }
            await Self.expectRefusal(.automationExecutionNotFoundException) {
                _ = try await alice.sendAutomationSignal(.init(
                    automationExecutionId: "00000000-0000-0000-0000-000000000000", signalType: .approve))
            }
            _ = try await alice.sendAutomationSignal(.init(
                automationExecutionId: approved, signalType: .approve, payload: ["Comment": ["looks good"]]))
            let done = try await Self.waitUntil(alice, approved, "Success") { $0.automationExecutionStatus == .success }
            #expect(Self.step(done, "Approve")?.outputs?["ApprovalStatus"] == ["Approved"])
            await Self.expectRefusal(.invalidAutomationSignalException) {
                _ = try await alice.sendAutomationSignal(.init(automationExecutionId: approved, signalType: .approve))
            }

            let rejected = try #require(try await alice.startAutomationExecution(.init(documentName: "Approval")).automationExecutionId)
            try await Self.waitUntil(alice, rejected, "Waiting") { $0.automationExecutionStatus == .waiting }
            _ = try await alice.sendAutomationSignal(.init(
                automationExecutionId: rejected, signalType: .reject, payload: ["Comment": ["not today"]]))
            let failed = try await Self.waitUntil(alice, rejected, "Failed") { $0.automationExecutionStatus == .failed }
            #expect(Self.step(failed, "Approve")?.failureDetails?.failureType == "Rejected")
            #expect(Self.step(failed, "Approve")?.outputs?["ApprovalStatus"] == ["Rejected"])
        }
    }

    @Test func interactiveStepsRunOnStartStepAndStopStepAndResumeFollowTheState() async throws {
        try await EndpointHarness.with { harness in
            let client = Self.client(harness)
            _ = try await client.createDocument(.init(content: Self.holdThenPause, name: "HoldThenPause", documentFormat: .yaml))
            let id = try #require(
                try await client.startAutomationExecution(.init(documentName: "HoldThenPause", mode: .interactive))
                    .automationExecutionId)
            let waiting = try await Self.waitUntil(client, id, "Waiting") { $0.automationExecutionStatus == .waiting }
            #expect(waiting.mode == .interactive)

            // Signals that do not fit, each refused with its code; and one the client refuses before sending.
            await Self.expectRefusal(.automationStepNotFoundException) {
                _ = try await client.sendAutomationSignal(.init(
                    automationExecutionId: id, signalType: .startStep, payload: ["StepName": ["Nope"]]))
            }
            await Self.expectRefusal(.invalidAutomationSignalException) {
                _ = try await client.sendAutomationSignal(.init(
                    automationExecutionId: id, signalType: .resume, payload: ["StepName": ["Pause"]]))
            }
            await Self.expectRefusal(.invalidAutomationSignalException) {
                _ = try await client.sendAutomationSignal(.init(automationExecutionId: id, signalType: .approve))
            }
            await Self.expectRefusal(.validationException) {
                _ = try await client.sendAutomationSignal(.init(automationExecutionId: id, signalType: .startStep))
            }

            // StartStep runs Hold; while it runs, StartStep and Complete are refused, then StopStep stops it.
            _ = try await client.sendAutomationSignal(.init(
                automationExecutionId: id, signalType: .startStep, payload: ["StepName": ["Hold"]]))
            try await Self.waitUntil(client, id, "Hold running") { Self.step($0, "Hold")?.stepStatus == .inProgress }
            let holds = try await client.describeAutomationStepExecutions(.init(
                automationExecutionId: id, filters: [.init(key: .stepName, values: ["Hold"])]))
            #expect(holds.stepExecutions?.count == 1)
            let holdId = try #require(holds.stepExecutions?.first?.stepExecutionId)
            await Self.expectRefusal(.invalidAutomationSignalException) {
                _ = try await client.sendAutomationSignal(.init(
                    automationExecutionId: id, signalType: .startStep, payload: ["StepName": ["Pause"]]))
            }
            await Self.expectRefusal(.invalidAutomationStatusUpdateException) {
                _ = try await client.stopAutomationExecution(.init(automationExecutionId: id, type: .complete))
            }
            await Self.expectRefusal(.automationStepNotFoundException) {
                _ = try await client.sendAutomationSignal(.init(
                    automationExecutionId: id, signalType: .stopStep, payload: ["StepExecutionId": ["no-such-step"]]))
            }
            _ = try await client.sendAutomationSignal(.init(
                automationExecutionId: id, signalType: .stopStep, payload: ["StepExecutionId": [holdId]]))
            try await Self.waitUntil(client, id, "Hold cancelled, waiting") {
                Self.step($0, "Hold")?.stepStatus == .cancelled && $0.automationExecutionStatus == .waiting
            }
            await Self.expectRefusal(.invalidAutomationSignalException) {
                _ = try await client.sendAutomationSignal(.init(
                    automationExecutionId: id, signalType: .stopStep, payload: ["StepExecutionId": [holdId]]))
            }

            // StartStep runs Pause, which waits for Resume.
            _ = try await client.sendAutomationSignal(.init(
                automationExecutionId: id, signalType: .startStep, payload: ["StepName": ["Pause"]]))
            try await Self.waitUntil(client, id, "Pause waiting") { Self.step($0, "Pause")?.stepStatus == .waiting }
            _ = try await client.sendAutomationSignal(.init(
                automationExecutionId: id, signalType: .resume, payload: ["StepName": ["Pause"]]))
            try await Self.waitUntil(client, id, "Pause done, waiting") {
                Self.step($0, "Pause")?.stepStatus == .success && $0.automationExecutionStatus == .waiting
            }

            // Complete ends it between steps; Finish never ran.
            _ = try await client.stopAutomationExecution(.init(automationExecutionId: id, type: .complete))
            let ended = try #require(try await client.getAutomationExecution(.init(automationExecutionId: id)).automationExecution)
            #expect(ended.automationExecutionStatus == .success)
            #expect(Self.step(ended, "Finish")?.stepStatus == .pending)
            await Self.expectRefusal(.invalidAutomationStatusUpdateException) {
                _ = try await client.stopAutomationExecution(.init(automationExecutionId: id, type: .cancel))
            }
            let reversed = try await client.describeAutomationStepExecutions(.init(automationExecutionId: id, reverseOrder: true))
            #expect(reversed.stepExecutions?.compactMap(\.stepName).first != "Hold")
        }
    }

    @Test func cancelStopsAnAutoExecutionAndCompleteIsRefusedForIt() async throws {
        try await EndpointHarness.with { harness in
            let client = Self.client(harness)
            _ = try await client.createDocument(.init(content: TestDocuments.sleepLong, name: "SleepLong", documentFormat: .yaml))
            let id = try #require(try await client.startAutomationExecution(.init(documentName: "SleepLong")).automationExecutionId)
            try await Self.waitUntil(client, id, "Wait running") { Self.step($0, "Wait")?.stepStatus == .inProgress }
            await Self.expectRefusal(.invalidAutomationStatusUpdateException) {
                _ = try await client.stopAutomationExecution(.init(automationExecutionId: id, type: .complete))
            }
            await Self.expectRefusal(.automationExecutionNotFoundException) {
                _ = try await client.stopAutomationExecution(.init(automationExecutionId: "00000000-0000-0000-0000-000000000000"))
            }
            _ = try await client.stopAutomationExecution(.init(automationExecutionId: id, type: .cancel))
            let cancelled = try await Self.waitUntil(client, id, "Cancelled") { $0.automationExecutionStatus == .cancelled }
            #expect(Self.step(cancelled, "Wait")?.stepStatus == .cancelled)
            #expect(cancelled.executionEndTime != nil)
        }
    }
}
