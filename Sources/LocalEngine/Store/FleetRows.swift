import AutomationModel
import Foundation
import GRDB

/// A rate-controlled parent's targets, one row each (`fleet_targets`), and its children as the store has them.
/// A target's row changes in the transaction that starts or ends its child, so the parent's own record is not
/// written again for every child.
extension EngineStore {
    func children(of parentId: String) throws -> [ExecutionRecord] {
        try pool.read { db in
            let ids = try String.fetchAll(
                db, sql: "SELECT id FROM executions WHERE parentId = ? ORDER BY seq", arguments: [parentId])
            return try ids.compactMap { try Self.record(id: $0, in: db) }
        }
    }

    func fleetTargets(of parentId: String) throws -> [FleetTarget] {
        try pool.read { db in try Self.fleetTargets(of: parentId, in: db) }
    }

    static func fleetTargets(of parentId: String, in db: Database) throws -> [FleetTarget] {
        try Row.fetchAll(
            db,
            sql: "SELECT target, parameters, childId, outcome FROM fleet_targets WHERE parentId = ? ORDER BY position",
            arguments: [parentId]
        ).map { row in
            FleetTarget(
                target: row["target"], parameters: try decodeJSON(AutomationParameterMap.self, row["parameters"]),
                childId: row["childId"], outcome: (row["outcome"] as String?).map(AutomationExecutionStatus.init(rawValue:)))
        }
    }

    /// Writes the rows of the targets at `positions` (every target when nil), as they are now.
    static func saveFleetTargets(of parentId: String, _ targets: [FleetTarget], positions: [Int]?, in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO fleet_targets (parentId, position, target, parameters, childId, outcome)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(parentId, position) DO UPDATE SET childId = excluded.childId, outcome = excluded.outcome
                """)
        for position in positions ?? Array(targets.indices) {
            let target = targets[position]
            try statement.execute(arguments: [
                parentId, position, target.target, try encodeJSON(target.parameters), target.childId,
                target.outcome?.rawValue,
            ])
        }
    }

    /// Moves the targets out of the parents' records into `fleet_targets`, for data directories written before
    /// the table existed.
    static func moveFleetTargetsToTheirTable(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE fleet_targets (
                    parentId TEXT NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    target TEXT NOT NULL,
                    parameters TEXT NOT NULL,
                    childId TEXT,
                    outcome TEXT,
                    PRIMARY KEY (parentId, position)
                ) WITHOUT ROWID;
                INSERT INTO fleet_targets (parentId, position, target, parameters, childId, outcome)
                    SELECT e.id, t.key, json_extract(t.value, '$.target'),
                        COALESCE(json_extract(t.value, '$.parameters'), '{}'),
                        json_extract(t.value, '$.childId'), json_extract(t.value, '$.outcome')
                    FROM executions e, json_each(e.record, '$.fleet.targets') t
                    WHERE json_type(e.record, '$.fleet.targets') = 'array';
                UPDATE executions SET record = json_remove(record, '$.fleet.targets')
                    WHERE json_type(record, '$.fleet.targets') = 'array';
                CREATE INDEX executions_by_parent_start ON executions (parentId, startTime DESC, seq DESC);
                """)
    }
}
