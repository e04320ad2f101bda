import AutomationModel
import Foundation
import GRDB
@testable import LocalEngine
import Testing

/// How a rate-controlled parent's targets are stored: a row each in `fleet_targets`, written with the child
/// that starts or ends, so a child's end does not rewrite the parent's record; and a data directory from before
/// that table (the targets inside the parent's record) is converted when an engine opens it, mid-fan-out.
@Suite(.serialized) struct EngineFleetStoreTests: DataDirectoryTests {
    static let principal = "arn:aws:iam::123456789012:user/alice"

    func startFleet(_ engine: AutomationEngine, values: [String], maxConcurrency: String, seconds: String) async throws
        -> String
    {
        let session = engine.session(principal: Self.principal)
        _ = try await session.createDocument(
            CreateDocumentRequest(
                content: EngineDocuments.sleepPerTarget(seconds: seconds), name: "FleetSleep", documentType: "Automation",
                documentFormat: .yaml))
        var request = StartAutomationExecutionRequest(
            documentName: "FleetSleep", targetParameterName: "Target",
            targets: [Target(key: "ParameterValues", values: values)])
        request.maxConcurrency = maxConcurrency
        let response = try await session.startAutomationExecution(request)
        return try #require(response.automationExecutionId)
    }

    func recordText(_ store: EngineStore, _ id: String) throws -> String? {
        try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT record FROM executions WHERE id = ?", arguments: [id])
        }
    }

    func status(_ engine: AutomationEngine, _ id: String) throws -> AutomationExecutionStatus? {
        try engine.getExecution(GetAutomationExecutionRequest(automationExecutionId: id)).automationExecution?
            .automationExecutionStatus
    }

    @Test func aChildsEndWritesItsTargetsRowNotTheParentsRecord() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleet-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = try await AutomationEngine.open(configuration(directory))
        let values = (1...6).map { "t\($0)" }
        // MaxConcurrency 1: the window never grows, so nothing in the parent's own record changes until it ends.
        let parentId = try await startFleet(engine, values: values, maxConcurrency: "1", seconds: "0.3")
        let store = engine.store
        let recordAtStart = try recordText(store, parentId)
        let atStart = try #require(recordAtStart)
        #expect(!atStart.contains("childId"), "the targets are rows of their own, not part of the parent's record")
        #expect(try store.fleetTargets(of: parentId).map(\.target) == values)

        try await waitFor("three children to end") {
            try store.fleetTargets(of: parentId).count { $0.outcome != nil } >= 3
        }
        #expect(try recordText(store, parentId) == atStart)
        let midway = try store.fleetTargets(of: parentId)
        // Each ended child's row says how it ended, in the transaction that started the next one.
        for target in midway where target.outcome != nil {
            let childId = try #require(target.childId)
            let child = try #require(try store.record(id: childId))
            #expect(child.status == target.outcome)
        }

        try await waitFor("the parent to end") { try status(engine, parentId)?.isTerminal == true }
        #expect(try status(engine, parentId) == .success)
        #expect(try recordText(store, parentId) != atStart)
        let ended = try store.fleetTargets(of: parentId)
        #expect(ended.allSatisfy { $0.outcome == .success && $0.childId != nil })
        #expect(Set(ended.compactMap(\.childId)) == Set(try store.children(of: parentId).map(\.id)))
        await engine.shutdown()
    }

    /// A data directory written before `fleet_targets` existed, left mid-fan-out: opening it moves the targets
    /// into their table, and the parent goes on with its remaining targets, no child run twice.
    @Test func anOldDataDirectoryIsUpgradedMidFanOut() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleet-upgrade-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let values = (1...8).map { "t\($0)" }
        let first = try await AutomationEngine.open(configuration(directory))
        let parentId = try await startFleet(first, values: values, maxConcurrency: "2", seconds: "1")
        try await waitFor("three children") { try first.store.children(of: parentId).count >= 3 }
        await first.shutdown()
        let before = try first.store.children(of: parentId)
        #expect(before.count < values.count)
        let rowsBefore = try first.store.fleetTargets(of: parentId)

        // Back to the layout older engines wrote: the targets inside the parent's record, no table, and the
        // migration not yet applied.
        let path = directory.appendingPathComponent(EngineStore.fileName).path
        do {
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(
                    sql: """
                        UPDATE executions SET record = json_set(record, '$.fleet.targets', (
                            SELECT json_group_array(json_object(
                                'target', target, 'parameters', json(parameters), 'childId', childId, 'outcome', outcome))
                            FROM (SELECT * FROM fleet_targets WHERE parentId = executions.id ORDER BY position)))
                        WHERE id IN (SELECT parentId FROM fleet_targets);
                        DROP INDEX executions_by_parent_start;
                        DROP TABLE fleet_targets;
                        DELETE FROM grdb_migrations WHERE identifier = 'fleet-targets-table';
                        """)
            }
            let oldRecord = try await queue.read { db in
                try String.fetchOne(db, sql: "SELECT record FROM executions WHERE id = ?", arguments: [parentId])
            }
            let old = try #require(oldRecord)
            #expect(old.contains("\"targets\":[{"))
            try queue.close()
        }

        let engine = try await AutomationEngine.open(configuration(directory))
        // Converted: the rows are the targets as the old record had them, and the record no longer carries them.
        let convertedRecord = try recordText(engine.store, parentId)
        let converted = try #require(convertedRecord)
        #expect(!converted.contains("childId"))
        let rowsAfter = try engine.store.fleetTargets(of: parentId)
        #expect(rowsAfter.map(\.target) == rowsBefore.map(\.target))
        #expect(rowsAfter.map(\.parameters) == rowsBefore.map(\.parameters))

        try await waitFor("the parent to end") { try status(engine, parentId)?.isTerminal == true }
        #expect(try status(engine, parentId) == .success)
        let children = try engine.store.children(of: parentId)
        // One child per target: none lost, none run twice, and those started before are the same executions.
        #expect(children.count == values.count)
        #expect(children.compactMap(\.execution.target).sorted() == values.sorted())
        #expect(children.allSatisfy { $0.status == .success })
        #expect(Set(before.map(\.id)).isSubset(of: Set(children.map(\.id))))
        #expect(try engine.store.fleetTargets(of: parentId).allSatisfy { $0.outcome == .success })
        await engine.shutdown()
    }
}
