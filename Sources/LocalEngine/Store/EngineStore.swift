import AutomationModel
import Foundation
import GRDB

/// The engine's SQLite store (WAL): documents, executions, step executions, signals and approval decisions.
/// Writes come from the engine actor only; reads may come from any thread.
final class EngineStore: Sendable {
    let pool: DatabasePool
    static let fileName = "engine.sqlite"
    let listRows = ListRowCache()

    init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        // NORMAL is durable across process crashes in WAL mode, which is what a restart needs.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try DatabasePool(path: directory.appendingPathComponent(Self.fileName).path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE documents (
                        name TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        content TEXT NOT NULL,
                        format TEXT NOT NULL,
                        documentType TEXT NOT NULL,
                        owner TEXT NOT NULL,
                        versionName TEXT,
                        displayName TEXT,
                        tags TEXT NOT NULL DEFAULT '[]',
                        createdDate REAL NOT NULL,
                        PRIMARY KEY (name, version)
                    );
                    CREATE TABLE document_defaults (
                        name TEXT PRIMARY KEY,
                        defaultVersion INTEGER NOT NULL
                    );
                    CREATE TABLE executions (
                        id TEXT PRIMARY KEY,
                        seq INTEGER NOT NULL UNIQUE,
                        documentName TEXT NOT NULL,
                        status TEXT NOT NULL,
                        startTime REAL NOT NULL,
                        endTime REAL,
                        mode TEXT NOT NULL,
                        executedBy TEXT NOT NULL,
                        parentId TEXT,
                        currentAction TEXT,
                        clientToken TEXT UNIQUE,
                        tags TEXT NOT NULL DEFAULT '[]',
                        record TEXT NOT NULL
                    );
                    CREATE INDEX executions_by_start ON executions (startTime DESC, seq DESC);
                    CREATE INDEX executions_by_status ON executions (status);
                    CREATE TABLE step_executions (
                        id TEXT PRIMARY KEY,
                        executionId TEXT NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        stepName TEXT NOT NULL,
                        action TEXT NOT NULL,
                        status TEXT NOT NULL,
                        startTime REAL,
                        body TEXT NOT NULL,
                        UNIQUE (executionId, position)
                    );
                    CREATE TABLE signals (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        executionId TEXT NOT NULL,
                        signalType TEXT NOT NULL,
                        payload TEXT NOT NULL,
                        principal TEXT NOT NULL,
                        receivedAt REAL NOT NULL,
                        result TEXT NOT NULL,
                        message TEXT
                    );
                    CREATE INDEX signals_by_execution ON signals (executionId);
                    CREATE TABLE approval_decisions (
                        stepExecutionId TEXT NOT NULL,
                        executionId TEXT NOT NULL,
                        principal TEXT NOT NULL,
                        decision TEXT NOT NULL,
                        comment TEXT,
                        decidedAt REAL NOT NULL,
                        PRIMARY KEY (stepExecutionId, principal)
                    );
                    """)
        }
        registerListRowMigration(in: &migrator)
        // Keep this after every earlier migration: a rate-controlled parent's targets get a row each.
        migrator.registerMigration("fleet-targets-table", migrate: moveFleetTargetsToTheirTable)
        return migrator
    }
}

extension EngineStore {
    static func encodeJSON<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try AWSJSON.encode(value), as: UTF8.self)
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try AWSJSON.decode(type, from: Data(text.utf8))
    }
}
