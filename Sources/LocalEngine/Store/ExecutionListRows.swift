import AutomationModel
import Foundation
import GRDB

/// Each execution's DescribeAutomationExecutions row, kept beside its record (`executions.listRow`), so a page
/// of the listing reads 50 small rows instead of decoding 50 whole records.
extension EngineStore {
    /// The row as the listing returns it; written with the record, in the same statement, whenever it changes.
    static func listRow(of execution: AutomationExecution) throws -> String {
        try encodeJSON(AutomationExecutionMetadata(execution))
    }

    static func decodeListRow(_ text: String) throws -> AutomationExecutionMetadata {
        try decodeJSON(AutomationExecutionMetadata.self, text)
    }

    /// Adds the column and fills it for data directories written before it existed.
    static func registerListRowMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("executionListRows") { db in
            try db.execute(sql: "ALTER TABLE executions ADD COLUMN listRow TEXT")
            var rows: [(id: String, listRow: String)] = []
            let records = try Row.fetchCursor(db, sql: "SELECT id, record FROM executions")
            while let row = try records.next() {
                let stored = try decodeJSON(StoredExecution.self, row["record"])
                rows.append((row["id"], try listRow(of: stored.execution)))
            }
            for row in rows {
                try db.execute(sql: "UPDATE executions SET listRow = ? WHERE id = ?", arguments: [row.listRow, row.id])
            }
        }
    }

    /// Only the API view of a stored record: all a list row is made from, and readable whatever else the record
    /// held when it was written.
    private struct StoredExecution: Decodable {
        var execution: AutomationExecution
    }
}
