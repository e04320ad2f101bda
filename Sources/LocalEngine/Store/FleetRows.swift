import AutomationModel
import Foundation
import GRDB

/// The children of a rate-controlled parent, as the store has them.
extension EngineStore {
    func children(of parentId: String) throws -> [ExecutionRecord] {
        try pool.read { db in
            let ids = try String.fetchAll(
                db, sql: "SELECT id FROM executions WHERE parentId = ? ORDER BY seq", arguments: [parentId])
            return try ids.compactMap { try Self.record(id: $0, in: db) }
        }
    }
}
