import AutomationModel
import Foundation
import GRDB
@testable import LocalEngine
import Testing

/// DescribeAutomationExecutions reads each execution's list row; a data directory written before list rows
/// existed gets them from its records when it is opened, and lists exactly as before.
@Suite struct ExecutionListRowMigrationTests {
    static let idle = EngineDocuments.document(steps: [EngineDocuments.shellStep("Only", ["echo only"])])

    /// Children that wait for an approval, so every status stays put while the store is rewritten.
    static let approvalPerTarget = """
        schemaVersion: '0.3'
        parameters:
          Target:
            type: String
        mainSteps:
          - name: Approve
            action: aws:approve
            inputs:
              Approvers: ['\(EngineHarness.operatorPrincipal)']
              Message: 'Go on with {{ Target }}?'
        """

    @Test func aDataDirectoryFromBeforeListRowsListsTheSameAfterTheMigration() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Alpha-Restart", yaml: Self.idle)
            try await engine.createDocument("alpha-lower", yaml: Self.idle)
            try await engine.createDocument("Beta-Restart", yaml: Self.idle)
            try await engine.createDocument("PerTarget", yaml: Self.approvalPerTarget)
            let waiting = try await engine.start(
                "Alpha-Restart", mode: .interactive, tags: [AutomationModel.Tag(key: "Team", value: "web")])
            let completed = try await engine.start("alpha-lower", mode: .interactive)
            try await engine.stop(completed, .complete)
            let cancelled = try await engine.start(
                "Beta-Restart", mode: .interactive, tags: [AutomationModel.Tag(key: "Owner", value: "ops")])
            try await engine.stop(cancelled, .cancel)
            var fleet = StartAutomationExecutionRequest(
                documentName: "PerTarget", targetParameterName: "Target",
                targets: [Target(key: "ParameterValues", values: ["t1", "t2", "t3"])])
            fleet.maxConcurrency = "3"
            let parent = try #require(try await engine.service.startAutomationExecution(fleet).automationExecutionId)
            let store = try EngineStore(directory: engine.directory)
            // The start-up window begins at one child, which waits for its approval: the fleet stays put.
            let children: [AutomationExecutionFilter] = [.init(key: .parentExecutionId, values: [parent])]
            let deadline = ContinuousClock.now.advanced(by: .seconds(30))
            while ContinuousClock.now < deadline {
                let listed = try Self.everyRow(store, children)
                if !listed.isEmpty, listed.allSatisfy({ $0.automationExecutionStatus == .waiting }) { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            let childCount = try Self.everyRow(store, children).count
            try #require(childCount >= 1)
            let starts = try Self.everyRow(store, []).compactMap(\.executionStartTime).sorted()
            let middle = String(starts[starts.count / 2].timeIntervalSince1970)
            let filters: [[AutomationExecutionFilter]] = [
                [],
                [.init(key: .executionStatus, values: ["Waiting"])],
                [.init(key: .executionStatus, values: ["Success", "Cancelled"])],
                [.init(key: .documentNamePrefix, values: ["Alpha", "Beta"])],
                [.init(key: .documentNamePrefix, values: ["alpha"])],
                [.init(key: .executionId, values: [waiting, cancelled])],
                [.init(key: .parentExecutionId, values: [parent])],
                [.init(key: .tagKey, values: ["Team", "Owner"])],
                [.init(key: .startTimeAfter, values: [middle])],
                [.init(key: .startTimeBefore, values: [middle])],
                [.init(key: .automationType, values: ["Local"])],
                [.init(key: .currentAction, values: [AutomationActionName.approve.rawValue])],
            ]
            let before = try filters.map { try Self.everyRow(store, $0, pageSize: 2) }
            #expect(before[0].count == 4 + childCount)
            #expect(before[6].count == childCount)
            // Each row is what the listing made from the whole record before list rows were kept.
            for row in before[0] {
                let record = try #require(try store.record(id: row.automationExecutionId))
                #expect(row == AutomationExecutionMetadata(record.execution))
            }

            try Self.removeListRows(from: engine.directory)
            let upgraded = try EngineStore(directory: engine.directory)
            let after = try filters.map { try Self.everyRow(upgraded, $0, pageSize: 2) }
            for (index, filter) in filters.enumerated() {
                #expect(after[index] == before[index], "filters \(filter.map(\.key))")
            }
            #expect(try Self.everyRow(upgraded, [], pageSize: 50) == before[0])
        }
    }

    @Test func aStoreWithoutListRowsReallyLacksThemUntilTheMigrationRuns() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Idle", yaml: Self.idle)
            _ = try await engine.start("Idle", mode: .interactive)
            try Self.removeListRows(from: engine.directory)
            #expect(try Self.hasListRowColumn(engine.directory) == false)
            _ = try EngineStore(directory: engine.directory)
            #expect(try Self.hasListRowColumn(engine.directory))
            #expect(try Self.executionsWithoutListRow(engine.directory) == 0)
        }
    }

    @Test func aRowListedBeforeItsExecutionChangedIsListedAsItIsNow() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Idle", yaml: Self.idle)
            let id = try await engine.start("Idle", mode: .interactive)
            let byId = DescribeAutomationExecutionsRequest(filters: [.init(key: .executionId, values: [id])])
            let before = try await engine.service.describeAutomationExecutions(byId).automationExecutionMetadataList
            #expect(before?.map(\.automationExecutionStatus) == [.waiting])
            try await engine.stop(id, .cancel)
            let after = try await engine.service.describeAutomationExecutions(byId).automationExecutionMetadataList
            #expect(after?.map(\.automationExecutionStatus) == [.cancelled])
            #expect(after?.first?.executionEndTime != nil)
        }
    }

    /// Every row the filters list, following NextToken.
    static func everyRow(
        _ store: EngineStore, _ filters: [AutomationExecutionFilter], pageSize: Int = 50
    ) throws -> [AutomationExecutionMetadata] {
        var rows: [AutomationExecutionMetadata] = []
        var token: String?
        repeat {
            let page = try store.describeExecutions(
                DescribeAutomationExecutionsRequest(filters: filters, maxResults: pageSize, nextToken: token))
            rows += page.automationExecutionMetadataList ?? []
            token = page.nextToken
        } while token != nil
        return rows
    }

    static func hasListRowColumn(_ directory: URL) throws -> Bool {
        let queue = try DatabaseQueue(path: directory.appendingPathComponent(EngineStore.fileName).path)
        defer { try? queue.close() }
        return try queue.read { db in try db.columns(in: "executions").contains { $0.name == "listRow" } }
    }

    static func executionsWithoutListRow(_ directory: URL) throws -> Int {
        let queue = try DatabaseQueue(path: directory.appendingPathComponent(EngineStore.fileName).path)
        defer { try? queue.close() }
        return try queue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM executions WHERE listRow IS NULL") ?? -1
        }
    }

    /// The store as the version before list rows left it: no listRow column, that migration not yet applied.
    static func removeListRows(from directory: URL) throws {
        let queue = try DatabaseQueue(path: directory.appendingPathComponent(EngineStore.fileName).path)
        try queue.write { db in
            try db.execute(sql: "ALTER TABLE executions DROP COLUMN listRow")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: ["executionListRows"])
        }
        try queue.close()
    }
}
