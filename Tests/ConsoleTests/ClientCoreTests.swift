import AutomationModel
@testable import Console
import Foundation
import Testing

@Suite("ClientCore against a fake service")
struct ClientCoreTests {
    let service = FakeAutomationService()
    let events = PostedEvents()

    /// A core over the fake service, paced to `quotas` as a connection paces it, with waits reported as the
    /// console reports them.
    func core(auditLog: AuditLog? = nil, readOnly: Bool = false, quotas: OperationQuotas = .unlimited,
              describeError: @escaping ServiceErrorDescriber = ServiceErrorDescription.standard) -> ClientCore {
        let events = events
        let reportTo = LockedValue<ClientCore?>(nil)
        let paced = PacedAutomationService(service, limiter: OperationRateLimiter(quotas: quotas)) { operation, waited in
            guard let notice = CoreNotice.rateLimitedIfNoticeable(operation: operation.name, waited: waited) else { return }
            reportTo.withLock { $0 }?.report(notice)
        }
        let core = ClientCore(
            service: paced, target: testTarget, auditLog: auditLog, readOnly: readOnly,
            describeError: describeError, post: { events.append($0) })
        reportTo.withLock { $0 = core }
        return core
    }

    static let executionId = "0b8f7c2e-1d2a-4c1e-9f00-000000000001"
    static let approve = ServiceRequest.sendSignal(
        SendAutomationSignalRequest(automationExecutionId: executionId, signalType: .approve, payload: ["Comment": ["ok"]]))

    @Test("a refresh equal to one in flight is dropped: the one in flight answers for it")
    func refreshCoalescing() async throws {
        let core = core()
        service.hold("DescribeAutomationExecutions")
        core.submit(.listExecutions(.all, pageSize: 25))
        #expect(await eventually { service.waitingCount("DescribeAutomationExecutions") == 1 })
        core.submit(.listExecutions(.all, pageSize: 25))
        core.submit(.listExecutions(.all, pageSize: 25))
        try await Task.sleep(for: .milliseconds(50))
        #expect(service.calls("DescribeAutomationExecutions").count == 1)
        service.release("DescribeAutomationExecutions")
        await events.wait(for: "one list result") { $0.results.count == 1 }
        try await Task.sleep(for: .milliseconds(50))
        #expect(service.calls("DescribeAutomationExecutions").count == 1)
        #expect(events.results.count == 1)
        // Once it has answered, the same refresh runs again.
        core.submit(.listExecutions(.all, pageSize: 25))
        await events.wait(for: "a second list result") { $0.results.count == 2 }
        #expect(service.calls("DescribeAutomationExecutions").count == 2)
    }

    @Test("a change equal to one in flight is dropped; a different one runs")
    func duplicateChangesDropped() async throws {
        let core = core()
        service.hold("SendAutomationSignal")
        core.submit(Self.approve)
        core.submit(Self.approve)
        let reject = ServiceRequest.sendSignal(
            SendAutomationSignalRequest(automationExecutionId: Self.executionId, signalType: .reject))
        core.submit(reject)
        #expect(await eventually { service.waitingCount("SendAutomationSignal") == 2 })
        service.release("SendAutomationSignal")
        await events.wait(for: "two signal results") { $0.results.count == 2 }
        try await Task.sleep(for: .milliseconds(50))
        #expect(service.calls("SendAutomationSignal").count == 2)
        #expect(events.results.count == 2)
    }

    @Test("loading one execution twice at once runs it once, and reads every step page")
    func loadExecutionCoalescingAndPages() async throws {
        service.stepPages = [
            [StepExecution(stepName: "one", action: "aws:approve", stepExecutionId: "s1")],
            [StepExecution(stepName: "two", action: "aws:pause", stepExecutionId: "s2")],
        ]
        let core = core()
        service.hold("GetAutomationExecution")
        core.submit(.loadExecution(id: Self.executionId))
        #expect(await eventually { service.waitingCount("GetAutomationExecution") == 1 })
        core.submit(.loadExecution(id: Self.executionId))
        core.submit(.loadExecution(id: Self.executionId))
        service.release("GetAutomationExecution")
        await events.wait(for: "one execution result") { $0.results.count == 1 }
        try await Task.sleep(for: .milliseconds(50))
        #expect(events.results.count == 1)
        #expect(service.calls("GetAutomationExecution").count == 1)
        #expect(service.calls("DescribeAutomationStepExecutions").count == 2)
        guard case .execution(let execution, let steps) = events.results.first else {
            Issue.record("expected an execution, got \(events.results)")
            return
        }
        #expect(execution.automationExecutionId == Self.executionId)
        #expect(steps.map(\.stepName) == ["one", "two"])
    }

    @Test("no notice is posted after shutdown, neither reported nor from a paced change finishing")
    func noNoticesAfterShutdown() async throws {
        let core = core(quotas: OperationQuotas(limits: ["SendAutomationSignal": .init(callsPerSecond: 2)], otherOperations: nil))
        core.submit(Self.approve)
        core.submit(.sendSignal(SendAutomationSignalRequest(automationExecutionId: Self.executionId, signalType: .reject)))
        #expect(await eventually { service.calls("SendAutomationSignal").count == 1 })
        // The second signal waits ~0.5 s for its quota, during shutdown's wait for changes in flight.
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                core.shutdown()
                continuation.resume()
            }
        }
        #expect(service.calls("SendAutomationSignal").count == 2)
        core.report(.throttled(operation: "DescribeAutomationExecutions", retryIn: .seconds(1)))
        #expect(events.notices.isEmpty)
    }

    @Test("a ServiceError keeps its AWS code; other errors go through the describer")
    func errors() async throws {
        service.fail("SendAutomationSignal", with: ServiceError(.invalidAutomationSignalException, "not waiting"))
        struct Refused: Error {}
        service.fail("DescribeAutomationExecutions", with: Refused())
        let core = core(describeError: { error in
            (error as? ServiceError)
                ?? ServiceError(.init(rawValue: "ConnectionError"), "could not connect to http://127.0.0.1:4566 (connection refused)")
        })
        core.submit(Self.approve)
        core.submit(.listExecutions(.all, pageSize: 10))
        await events.wait(for: "two failures") { $0.results.count == 2 }
        let failures = events.results.compactMap { result -> (ServiceRequest, ServiceError)? in
            if case .failed(let request, let error) = result { return (request, error) } else { return nil }
        }
        #expect(failures.contains { $0.0 == Self.approve && $0.1.code == .invalidAutomationSignalException })
        #expect(failures.contains { $0.0 == .listExecutions(.all, pageSize: 10) && $0.1.code.rawValue == "ConnectionError" })
    }

    @Test("the standard describer keeps ServiceErrors and names anything else ClientError")
    func standardDescriber() {
        struct Broken: Error, CustomStringConvertible { var description: String { "socket closed" } }
        #expect(ServiceErrorDescription.standard(ServiceError(.throttlingException, "slow down")).code == .throttlingException)
        let other = ServiceErrorDescription.standard(Broken())
        #expect(other.code.rawValue == "ClientError")
        #expect(other.message == "socket closed")
    }

    @Test("read-only refuses changes without calling the service")
    func readOnly() async throws {
        let core = core(readOnly: true)
        core.submit(Self.approve)
        core.submit(.stopExecution(StopAutomationExecutionRequest(automationExecutionId: Self.executionId)))
        await events.wait(for: "two refusals") { $0.results.count == 2 }
        for result in events.results {
            guard case .failed(_, let error) = result else {
                Issue.record("expected a refusal, got \(result)")
                continue
            }
            #expect(error.code.rawValue == "ReadOnlyMode")
        }
        #expect(service.calls("SendAutomationSignal").isEmpty)
        #expect(service.calls("StopAutomationExecution").isEmpty)
    }

    @Test("reported client notices are posted as notice events")
    func notices() async {
        let core = core()
        core.report(.throttled(operation: "DescribeAutomationExecutions", retryIn: .seconds(2)))
        #expect(events.notices == [.throttled(operation: "DescribeAutomationExecutions", retryIn: .seconds(2))])
    }

    @Test("calls of one operation are spaced by its quota, and a long wait is reported")
    func pacing() async throws {
        let core = core(quotas: OperationQuotas(limits: ["StartAutomationExecution": .init(callsPerSecond: 2)], otherOperations: nil))
        let submitted = ContinuousClock.now
        for name in ["A", "B", "C"] {
            core.submit(.startExecution(StartAutomationExecutionRequest(documentName: name)))
        }
        core.submit(.listExecutions(.all, pageSize: 10))
        // Generous: on a loaded machine (tests in parallel) a paced call can wait long for a thread.
        await events.wait(for: "four results", timeout: .seconds(60)) { $0.results.count == 4 }
        let times = service.callTimes("StartAutomationExecution")
        #expect(times.count == 3)
        // The n-th call is sent n × 500 ms after all three were submitted, at the earliest. Measured from the
        // submission, not between calls: a call recorded late (the machine busy) cannot hide a burst, nor make
        // calls sent 500 ms apart look closer.
        for (index, time) in times.enumerated() {
            #expect(time - submitted >= .milliseconds(500 * index - 20), "call \(index)")
        }
        #expect(events.notices.contains { if case .rateLimited(operation: "StartAutomationExecution", _) = $0 { true } else { false } })
        #expect(!events.notices.contains { if case .rateLimited(operation: "DescribeAutomationExecutions", _) = $0 { true } else { false } })
    }

    @Test("describeDocument reads the step names and the parameter rules from the document content")
    func describeDocument() async throws {
        service.documentContent = """
            schemaVersion: '0.3'
            parameters:
              Env:
                type: String
                allowedValues: [dev, prod]
              Ticket:
                type: String
                allowedPattern: '^CHG-[0-9]+$'
                maxChars: 12
            mainSteps:
              - name: first
                action: aws:sleep
                inputs: {Duration: PT1S}
              - name: second
                action: aws:pause
                inputs: {}
            """
        let core = core()
        core.submit(.describeDocument(name: "Doc", version: nil))
        await events.wait(for: "the document") { $0.results.count == 1 }
        guard case .document(let description, let stepNames, let rules, _) = events.results.first else {
            Issue.record("expected a document, got \(events.results)")
            return
        }
        #expect(description.name == "Doc")
        #expect(stepNames == ["first", "second"])
        guard case .parsed(let definitions) = rules else {
            Issue.record("expected parsed rules, got \(rules)")
            return
        }
        #expect(definitions.map(\.name) == ["Env", "Ticket"])
        #expect(rules.definition(named: "Env")?.allowedValues == ["dev", "prod"])
        #expect(rules.definition(named: "Ticket")?.allowedPattern == "^CHG-[0-9]+$")
        #expect(rules.definition(named: "Ticket")?.maxChars == 12)
    }

    @Test("a document whose content cannot be parsed still arrives, with the reason its rules are unknown")
    func describeDocumentWithUnreadableContent() async throws {
        service.documentContent = "schemaVersion: '0.3'\nmainSteps: not-a-list\n"
        let core = core()
        core.submit(.describeDocument(name: "Doc", version: nil))
        await events.wait(for: "the document") { $0.results.count == 1 }
        guard case .document(let description, let stepNames, let rules, _) = events.results.first else {
            Issue.record("expected a document, got \(events.results)")
            return
        }
        #expect(description.name == "Doc")
        #expect(stepNames.isEmpty)
        guard case .unavailable(let reason) = rules else {
            Issue.record("expected unavailable rules, got \(rules)")
            return
        }
        #expect(reason.contains("mainSteps"), "\(reason)")
    }

    @Test("the inbox asks the server for the statuses that wait on a person and drops anything else")
    func inboxQuery() async throws {
        var waiting = AutomationExecutionMetadata(automationExecutionId: Self.executionId)
        waiting.automationExecutionStatus = .waiting
        var running = AutomationExecutionMetadata(automationExecutionId: "0b8f7c2e-1d2a-4c1e-9f00-000000000002")
        running.automationExecutionStatus = .inProgress
        service.executions = [waiting, running]
        let core = core()
        let inbox = ExecutionQuery(documentNamePrefix: "Demo-", waitingOnHumanOnly: true)
        core.submit(.listExecutions(inbox, pageSize: 10))
        await events.wait(for: "the inbox") { $0.results.count == 1 }
        let request = try #require(service.calls("DescribeAutomationExecutions").first as? DescribeAutomationExecutionsRequest)
        #expect(request.filters == [
            AutomationExecutionFilter(key: .executionStatus, values: ["Waiting", "PendingApproval", "PendingChangeCalendarOverride"]),
            AutomationExecutionFilter(key: .documentNamePrefix, values: ["Demo-"]),
        ])
        guard case .executions(let query, let rows, _, let appended) = events.results.first else {
            Issue.record("expected executions, got \(events.results)")
            return
        }
        #expect(query == inbox)
        #expect(rows.map(\.automationExecutionId) == [Self.executionId])
        #expect(!appended)
    }
}
