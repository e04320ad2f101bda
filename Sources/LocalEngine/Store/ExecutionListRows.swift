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

/// List rows already decoded, each with the text it was decoded from: a row is decoded again only when its text
/// changed, so paging through the same executions again costs a comparison per row instead of a decode (the
/// decode was a third of serve's time per page). serve's answers also keep each row's wire encoding: the text
/// encoded again from the decoded row, as the endpoint would encode it, so an old data directory's text written
/// by an earlier model never reaches the wire.
final class ListRowCache: Sendable {
    private struct Entry {
        var text: String
        var row: AutomationExecutionMetadata
        var encoded: Data?
    }

    private let entries = LockedValue<[String: Entry]>([:])
    /// Beyond this many executions the cache starts over, so it stays a few megabytes.
    static let capacity = 10_000

    func row(id: String, text: String) throws -> AutomationExecutionMetadata {
        try entry(id: id, text: text).row
    }

    /// The row in the wire encoding.
    func encodedRow(id: String, text: String) throws -> Data {
        let entry = try entry(id: id, text: text)
        if let encoded = entry.encoded { return encoded }
        let encoded = try AWSJSON.encode(entry.row)
        entries.withLock { entries in
            if entries[id]?.text == text { entries[id]?.encoded = encoded }
        }
        return encoded
    }

    private func entry(id: String, text: String) throws -> Entry {
        if let cached = entries.withLock({ $0[id] }), cached.text == text { return cached }
        let entry = Entry(text: text, row: try EngineStore.decodeListRow(text))
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[id] = entry
        }
        return entry
    }
}
