import AutomationModel
import Foundation
import GRDB

/// Saving and loading whole execution records.
extension EngineStore {
    /// Writes an execution and all its step executions in one transaction, plus whatever `extra` adds.
    func save(_ record: ExecutionRecord, extra: ((Database) throws -> Void)? = nil) throws {
        try pool.write { db in
            try Self.save(record, in: db)
            try extra?(db)
        }
    }

    static func save(_ record: ExecutionRecord, in db: Database) throws {
        var stored = record
        stored.steps = []
        let execution = record.execution
        try db.execute(
            sql: """
                INSERT INTO executions (id, seq, documentName, status, startTime, endTime, mode, executedBy,
                    parentId, currentAction, clientToken, tags, record, listRow)
                VALUES (?, COALESCE((SELECT MAX(seq) FROM executions), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET status = excluded.status, endTime = excluded.endTime,
                    currentAction = excluded.currentAction, record = excluded.record, listRow = excluded.listRow
                """,
            arguments: [
                record.id, execution.documentName ?? "", record.status.rawValue,
                execution.executionStartTime?.timeIntervalSince1970 ?? 0,
                execution.executionEndTime?.timeIntervalSince1970, record.mode.rawValue, execution.executedBy ?? "",
                execution.parentAutomationExecutionId, execution.currentAction, record.clientToken,
                try encodeJSON(record.tags), try encodeJSON(stored), try listRow(of: execution),
            ])
        // A step run inside a loop is listed after the loop's earlier runs, so later steps move down; moving
        // every row out of the way first keeps (executionId, position) unique while the rows are rewritten.
        try db.execute(
            sql: "UPDATE step_executions SET position = -1 - position WHERE executionId = ? AND position >= 0",
            arguments: [record.id])
        for (position, step) in record.steps.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO step_executions (id, executionId, position, stepName, action, status, startTime, body)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET position = excluded.position, status = excluded.status,
                        startTime = excluded.startTime, body = excluded.body
                    """,
                arguments: [
                    step.stepExecutionId, record.id, position, step.stepName ?? "", step.action ?? "",
                    (step.stepStatus ?? .pending).rawValue, step.executionStartTime?.timeIntervalSince1970,
                    try encodeJSON(step),
                ])
        }
    }

    func record(id: String) throws -> ExecutionRecord? {
        try pool.read { db in try Self.record(id: id, in: db) }
    }

    static func record(id: String, in db: Database) throws -> ExecutionRecord? {
        guard let text = try String.fetchOne(db, sql: "SELECT record FROM executions WHERE id = ?", arguments: [id])
        else { return nil }
        var record = try decodeJSON(ExecutionRecord.self, text)
        record.steps = try steps(executionId: id, in: db)
        record.fleet?.restore(try fleetTargets(of: id, in: db))
        return record
    }

    static func steps(executionId: String, in db: Database) throws -> [StepExecution] {
        try String.fetchAll(
            db, sql: "SELECT body FROM step_executions WHERE executionId = ? ORDER BY position",
            arguments: [executionId]
        ).map { try decodeJSON(StepExecution.self, $0) }
    }

    /// Executions that had not ended when the engine last stopped.
    func unfinishedRecords() throws -> [ExecutionRecord] {
        try pool.read { db in
            let ids = try String.fetchAll(
                db, sql: "SELECT id FROM executions WHERE status IN (?, ?, ?, ?) ORDER BY seq",
                arguments: [
                    AutomationExecutionStatus.pending.rawValue, AutomationExecutionStatus.inProgress.rawValue,
                    AutomationExecutionStatus.waiting.rawValue, AutomationExecutionStatus.cancelling.rawValue,
                ])
            return try ids.compactMap { try Self.record(id: $0, in: db) }
        }
    }

    func executionId(clientToken: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT id FROM executions WHERE clientToken = ?", arguments: [clientToken])
        }
    }

    func executionCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM executions") ?? 0 }
    }
}
