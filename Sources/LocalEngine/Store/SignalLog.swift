import AutomationModel
import Foundation
import GRDB

/// Every signal the engine received, with what became of it, and every approval decision.
extension EngineStore {
    static func logSignal(
        _ request: SendAutomationSignalRequest, principal: String, at time: Date, result: String, message: String?,
        in db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO signals (executionId, signalType, payload, principal, receivedAt, result, message)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                request.automationExecutionId, request.signalType, try encodeJSON(request.payload ?? [:]), principal,
                time.timeIntervalSince1970, result, message,
            ])
    }

    /// Records a refused signal on its own; accepted ones are written with the transition they cause.
    func logRefusedSignal(_ request: SendAutomationSignalRequest, principal: String, at time: Date, error: ServiceError) {
        try? pool.write { db in
            try Self.logSignal(
                request, principal: principal, at: time, result: error.code.rawValue, message: error.message, in: db)
        }
    }

    static func recordDecision(
        _ decision: ApproverDecision, stepExecutionId: String, executionId: String, in db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO approval_decisions (stepExecutionId, executionId, principal, decision, comment, decidedAt)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(stepExecutionId, principal) DO UPDATE SET decision = excluded.decision,
                    comment = excluded.comment, decidedAt = excluded.decidedAt
                """,
            arguments: [
                stepExecutionId, executionId, decision.approver, decision.decision, decision.comment,
                decision.decisionTime.timeIntervalSince1970,
            ])
    }

    /// The signals received for an execution, oldest first: (type, principal, result).
    func signals(executionId: String) throws -> [(type: String, principal: String, result: String)] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT signalType, principal, result FROM signals WHERE executionId = ? ORDER BY id",
                arguments: [executionId]
            ).map { (type: $0["signalType"], principal: $0["principal"], result: $0["result"]) }
        }
    }
}
