import AutomationModel
@testable import Console
import Foundation
import LocalEngine
import Testing

@Suite("ClientCore against the local engine")
struct ClientCoreLocalEngineTests {
    static let principal = "arn:aws:iam::\(EngineConfiguration.localAccountId):user/operator"

    @Test("inbox, Approve, the execution's steps, a document's steps, and the audit record")
    func approveThroughTheCore() async throws {
        let directory = temporaryDirectory("core-engine")
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = try await AutomationEngine.open(EngineConfiguration(dataDirectory: directory.appendingPathComponent("engine")))
        let service = engine.session(principal: Self.principal)
        do {
            let started = try await service.startAutomationExecution(
                StartAutomationExecutionRequest(documentName: "Demo-ApproveRestart", parameters: ["Approvers": [Self.principal]]))
            let id = try #require(started.automationExecutionId)
            var status: AutomationExecutionStatus?
            for _ in 0..<400 where status != .waiting {
                status = try await service.getAutomationExecution(GetAutomationExecutionRequest(automationExecutionId: id))
                    .automationExecution?.automationExecutionStatus
                try await Task.sleep(for: .milliseconds(25))
            }
            try #require(status == .waiting)

            let events = PostedEvents()
            let log = AuditLog(url: directory.appendingPathComponent("state/ssm-console/audit.log"))
            let target = ConsoleTarget(kind: .local(dataDirectory: directory.path), principal: Self.principal)
            let core = ClientCore(service: service, target: target, auditLog: log, post: { events.append($0) })

            core.submit(.listExecutions(ExecutionQuery(waitingOnHumanOnly: true), pageSize: 50))
            core.submit(.describeDocument(name: "Demo-ApproveRestart", version: nil))
            await events.wait(for: "the inbox and the document") { $0.results.count == 2 }
            var inbox: [AutomationExecutionMetadata] = []
            var stepNames: [String] = []
            var rules: ParameterRules?
            for result in events.results {
                switch result {
                case .executions(_, let rows, _, _): inbox = rows
                case .document(_, let names, let parameterRules, _):
                    stepNames = names
                    rules = parameterRules
                default: Issue.record("unexpected \(result)")
                }
            }
            #expect(inbox.map(\.automationExecutionId) == [id])
            #expect(stepNames == ["ApproveRestart", "RestartService"])
            // The rules DescribeDocument leaves out come from the shipped runbook's content.
            #expect(rules?.definition(named: "ServiceName")?.allowedPattern == "^[a-zA-Z0-9_.-]{1,64}$")
            #expect(rules?.definition(named: "Approvers")?.minItems == 1)
            #expect(rules?.definition(named: "Approvers")?.maxItems == 10)

            core.submit(.sendSignal(SendAutomationSignalRequest(automationExecutionId: id, signalType: .approve)))
            await events.wait(for: "the signal") { $0.results.count == 3 }
            try #require(events.results.count == 3)
            guard case .signalSent = events.results[2] else {
                Issue.record("expected the signal sent, got \(events.results[2])")
                await engine.shutdown()
                return
            }
            core.submit(.loadExecution(id: id))
            await events.wait(for: "the execution") { $0.results.count == 4 }
            try #require(events.results.count == 4)
            guard case .execution(let execution, let steps) = events.results[3] else {
                Issue.record("expected the execution, got \(events.results[3])")
                await engine.shutdown()
                return
            }
            #expect(execution.automationExecutionId == id)
            #expect(steps.first?.stepName == "ApproveRestart")
            #expect(steps.first?.stepStatus == .success)

            let records = try String(contentsOf: log.url, encoding: .utf8).split(separator: "\n")
            // Written before the call (`sent`) and after it (`ok`).
            #expect(records.count == 2)
            #expect(records.allSatisfy { $0.contains(#""action":"SendAutomationSignal Approve""#) && $0.contains(id) })
            #expect(records.first?.contains(#""result":"sent""#) == true)
            #expect(records.last?.contains(#""result":"ok""#) == true)
            core.shutdown()
        } catch {
            await engine.shutdown()
            throw error
        }
        await engine.shutdown()
    }
}
