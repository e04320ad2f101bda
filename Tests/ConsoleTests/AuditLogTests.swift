import AutomationModel
@testable import Console
import Foundation
import Testing

@Suite("AuditLog")
struct AuditLogTests {
    static let executionId = "0b8f7c2e-1d2a-4c1e-9f00-000000000001"

    func lines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("the default path follows XDG_STATE_HOME, else ~/.local/state")
    func defaultPath() {
        #expect(AuditLog.standard(environment: ["XDG_STATE_HOME": "/srv/state"]).url.path == "/srv/state/ssm-console/audit.log")
        #expect(AuditLog.standard(environment: ["HOME": "/home/ana"]).url.path == "/home/ana/.local/state/ssm-console/audit.log")
        #expect(AuditLog.standard(environment: ["HOME": "/home/ana", "XDG_STATE_HOME": "relative"]).url.path
            == "/home/ana/.local/state/ssm-console/audit.log")
    }

    @Test("records are appended as JSON lines; directories are 0700 and the file 0600")
    func appendsWithModes() throws {
        let root = temporaryDirectory("audit")
        defer { try? FileManager.default.removeItem(at: root) }
        let log = AuditLog(url: root.appendingPathComponent("state/ssm-console/audit.log"))
        let time = Date(timeIntervalSince1970: 1_795_000_000)
        try log.append(AuditRecord(
            time: time, principal: "arn:aws:iam::123456789012:user/ana", target: "local engine /tmp/e",
            executionId: Self.executionId, action: "SendAutomationSignal Approve", payload: ["Comment": ["go"]], result: "ok"))
        try log.append(AuditRecord(
            time: time, principal: "p", target: "t", executionId: nil, action: "StartAutomationExecution",
            document: "Demo-SlowCommand", payload: nil, result: "ThrottlingException: Rate exceeded"))
        let records = try lines(log.url)
        #expect(records.count == 2)
        #expect(records[0]["time"] as? String == "2026-11-18T11:06:40Z")
        #expect(records[0]["principal"] as? String == "arn:aws:iam::123456789012:user/ana")
        #expect(records[0]["executionId"] as? String == Self.executionId)
        #expect(records[0]["action"] as? String == "SendAutomationSignal Approve")
        #expect(records[0]["payload"] as? [String: [String]] == ["Comment": ["go"]])
        #expect(records[1]["result"] as? String == "ThrottlingException: Rate exceeded")
        #expect(try mode(log.url.path) == 0o600)
        #expect(try mode(root.appendingPathComponent("state").path) == 0o700)
        #expect(try mode(root.appendingPathComponent("state/ssm-console").path) == 0o700)
    }

    @Test("a log that cannot be written throws an error naming the path and the reason")
    func failure() throws {
        let root = temporaryDirectory("audit")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        // A plain file where the directory should be.
        _ = FileManager.default.createFile(atPath: root.appendingPathComponent("ssm-console").path, contents: Data())
        let log = AuditLog(url: root.appendingPathComponent("ssm-console/audit.log"))
        let record = AuditRecord(time: Date(), principal: "p", target: "t", executionId: nil, action: "a", payload: nil, result: "ok")
        #expect {
            try log.append(record)
        } throws: { error in
            guard let error = error as? AuditLogError else { return false }
            return error.description.contains("could not write the audit log") && error.path.hasSuffix("ssm-console")
        }
    }

    @Test("records for change requests say what was sent and what came of it")
    func recordsFromRequests() throws {
        let time = Date()
        let start = StartAutomationExecutionRequest(documentName: "Demo-SlowCommand", documentVersion: "2", parameters: ["Seconds": ["5"]])
        let started = try #require(AuditRecord(
            request: .startExecution(start), result: .started(start, executionId: Self.executionId), target: testTarget, time: time))
        #expect(started.action == "StartAutomationExecution")
        #expect(started.document == "Demo-SlowCommand:2")
        #expect(started.executionId == Self.executionId)
        #expect(started.payload == ["Seconds": ["5"]])
        #expect(started.result == "ok")
        #expect(started.principal == testTarget.principal)
        #expect(started.target == testTarget.label)

        let stop = StopAutomationExecutionRequest(automationExecutionId: Self.executionId)
        let failed = try #require(AuditRecord(
            request: .stopExecution(stop),
            result: .failed(.stopExecution(stop), ServiceError(.invalidAutomationStatusUpdateException, "already ended")),
            target: testTarget, time: time))
        #expect(failed.action == "StopAutomationExecution Cancel")
        #expect(failed.result == "InvalidAutomationStatusUpdateException: already ended")

        let sending = try #require(AuditRecord(sending: .stopExecution(stop), target: testTarget, time: time))
        #expect(sending.action == "StopAutomationExecution Cancel")
        #expect(sending.executionId == Self.executionId)
        #expect(sending.result == "sent")

        #expect(AuditRecord(request: .listDocuments, result: .documents([]), target: testTarget, time: time) == nil)
        #expect(AuditRecord(sending: .listDocuments, target: testTarget, time: time) == nil)
    }
}

@Suite("ClientCore audit records")
struct ClientCoreAuditTests {
    @Test("each change sent is recorded, failures too; reads are not")
    func recordsChanges() async throws {
        let root = temporaryDirectory("core-audit")
        defer { try? FileManager.default.removeItem(at: root) }
        let log = AuditLog(url: root.appendingPathComponent("audit.log"))
        let service = FakeAutomationService()
        service.fail("StopAutomationExecution", with: ServiceError(.invalidAutomationStatusUpdateException, "already ended"))
        let events = PostedEvents()
        let core = ClientCore(service: service, target: testTarget, auditLog: log, post: { events.append($0) })
        core.submit(ClientCoreTests.approve)
        core.submit(.stopExecution(StopAutomationExecutionRequest(automationExecutionId: ClientCoreTests.executionId)))
        core.submit(.listExecutions(.all, pageSize: 10))
        await events.wait(for: "three results") { $0.results.count == 3 }
        let lines = try String(contentsOf: log.url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4)
        // Each change twice: before the call (`sent`), then with its result.
        #expect(lines.filter { $0.contains(#""result":"sent""#) }.count == 2)
        #expect(lines.contains { $0.contains(#""action":"SendAutomationSignal Approve""#) && $0.contains(#""result":"sent""#) })
        #expect(lines.contains { $0.contains(#""action":"SendAutomationSignal Approve""#) && $0.contains(#""result":"ok""#) })
        #expect(lines.contains {
            $0.contains(#""action":"StopAutomationExecution Cancel""#)
                && $0.contains("InvalidAutomationStatusUpdateException: already ended")
        })
    }

    @Test("shutdown lets a change in flight finish and be recorded, and posts nothing more")
    func shutdownWaitsForChanges() async throws {
        let root = temporaryDirectory("core-audit")
        defer { try? FileManager.default.removeItem(at: root) }
        let log = AuditLog(url: root.appendingPathComponent("audit.log"))
        let service = FakeAutomationService()
        service.hold("SendAutomationSignal")
        let events = PostedEvents()
        let core = ClientCore(service: service, target: testTarget, auditLog: log, post: { events.append($0) })
        core.submit(ClientCoreTests.approve)
        #expect(await eventually { service.waitingCount("SendAutomationSignal") == 1 })
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { service.release("SendAutomationSignal") }
        await shutDown(core)
        let lines = try String(contentsOf: log.url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.last?.contains(#""result":"ok""#) == true)
        try await Task.sleep(for: .milliseconds(50))
        #expect(events.all.isEmpty)
    }

    @Test("a change cut off by exit before it answers is on record as sent")
    func cutOffChangeIsRecorded() async throws {
        let root = temporaryDirectory("core-audit")
        defer { try? FileManager.default.removeItem(at: root) }
        let log = AuditLog(url: root.appendingPathComponent("audit.log"))
        let service = FakeAutomationService()
        service.hold("SendAutomationSignal")
        defer { service.release("SendAutomationSignal") }
        let core = ClientCore(service: service, target: testTarget, auditLog: log, post: { _ in })
        core.submit(ClientCoreTests.approve)
        #expect(await eventually { service.waitingCount("SendAutomationSignal") == 1 })
        await shutDown(core, changeGrace: .milliseconds(50))
        let lines = try String(contentsOf: log.url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains(#""action":"SendAutomationSignal Approve""#) == true)
        #expect(lines.first?.contains(#""result":"sent""#) == true)
    }

    /// `shutdown` blocks while changes finish, and they need the cooperative pool: block another thread.
    private func shutDown(_ core: ClientCore, changeGrace: Duration = .seconds(5)) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                core.shutdown(changeGrace: changeGrace)
                continuation.resume()
            }
        }
    }

    @Test("when the audit log cannot be written the change is still reported, then the failure")
    func auditFailureReported() async throws {
        let root = temporaryDirectory("core-audit")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root.appendingPathComponent("blocked").path, contents: Data())
        let log = AuditLog(url: root.appendingPathComponent("blocked/audit.log"))
        let events = PostedEvents()
        let core = ClientCore(
            service: FakeAutomationService(), target: testTarget, auditLog: log, post: { events.append($0) })
        core.submit(ClientCoreTests.approve)
        await events.wait(for: "the result and the notice") { $0.all.count == 2 }
        let all = events.all
        guard case .result(.signalSent, _) = all[0], case .notice(.auditLogFailed(let path, let reason), _) = all[1] else {
            Issue.record("expected the signal's result, then the audit failure; got \(all)")
            return
        }
        #expect(path.hasSuffix("blocked"))
        #expect(!reason.isEmpty)
    }
}
