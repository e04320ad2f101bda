import AutomationModel
import Foundation
import GRDB

/// One stored version of a document.
struct StoredDocument: Sendable, Hashable {
    var name: String
    var version: Int
    var content: String
    var format: DocumentFormat
    var documentType: String
    var owner: String
    var versionName: String?
    var displayName: String?
    var tags: [Tag]
    var createdDate: Date
    var defaultVersion: Int
    var latestVersion: Int

    init(row: Row) throws {
        name = row["name"]
        version = row["version"]
        content = row["content"]
        format = DocumentFormat(rawValue: row["format"]) ?? .yaml
        documentType = row["documentType"]
        owner = row["owner"]
        versionName = row["versionName"]
        displayName = row["displayName"]
        tags = try EngineStore.decodeJSON([Tag].self, row["tags"])
        createdDate = Date(timeIntervalSince1970: row["createdDate"])
        defaultVersion = row["defaultVersion"]
        latestVersion = row["latestVersion"]
    }
}

extension EngineStore {
    private static let documentColumns = """
        d.*, dd.defaultVersion AS defaultVersion,
        (SELECT MAX(version) FROM documents WHERE name = d.name) AS latestVersion
        """

    /// A document version: the default one unless `version` names one ("$LATEST" and "$DEFAULT" too).
    func document(name: String, version: String?) throws -> StoredDocument? {
        try pool.read { db in
            let versionClause: String
            var arguments: [any DatabaseValueConvertible] = [name]
            switch version {
            case nil, "", "$DEFAULT": versionClause = "d.version = dd.defaultVersion"
            case "$LATEST": versionClause = "d.version = (SELECT MAX(version) FROM documents WHERE name = d.name)"
            case let number?:
                guard let value = Int(number) else { return nil }
                versionClause = "d.version = ?"
                arguments.append(value)
            }
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT \(Self.documentColumns) FROM documents d JOIN document_defaults dd ON dd.name = d.name
                    WHERE d.name = ? AND \(versionClause)
                    """, arguments: StatementArguments(arguments))
            return try row.map(StoredDocument.init(row:))
        }
    }

    func documentExists(name: String) throws -> Bool {
        try pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM documents WHERE name = ?)", arguments: [name])
                ?? false
        }
    }

    /// The default version of every document, by name.
    func defaultDocuments() throws -> [StoredDocument] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.documentColumns) FROM documents d JOIN document_defaults dd ON dd.name = d.name
                    WHERE d.version = dd.defaultVersion ORDER BY d.name
                    """
            ).map(StoredDocument.init(row:))
        }
    }

    /// Adds a version (1 for a new document); returns its number. A new document's first version is its
    /// default; later versions become the default only when asked, as UpdateDocument leaves it alone.
    @discardableResult
    func addDocumentVersion(
        name: String, content: String, format: DocumentFormat, documentType: String, owner: String,
        versionName: String?, displayName: String?, tags: [Tag], createdDate: Date, makeDefault: Bool = true
    ) throws -> Int {
        try pool.write { db in
            let version =
                (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM documents WHERE name = ?", arguments: [name]) ?? 0)
                + 1
            try db.execute(
                sql: """
                    INSERT INTO documents (name, version, content, format, documentType, owner, versionName,
                        displayName, tags, createdDate)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    name, version, content, format.rawValue, documentType, owner, versionName, displayName,
                    try Self.encodeJSON(tags), createdDate.timeIntervalSince1970,
                ])
            try db.execute(
                sql: """
                    INSERT INTO document_defaults (name, defaultVersion) VALUES (?, ?)
                    ON CONFLICT(name) DO UPDATE SET defaultVersion = excluded.defaultVersion WHERE ?
                    """, arguments: [name, version, makeDefault])
            return version
        }
    }
}

extension EngineStore {
    /// Deletes one version, or every version and the default when `version` is nil. Returns how many went.
    func deleteDocument(name: String, version: Int?) throws -> Int {
        try pool.write { db in
            if let version {
                try db.execute(sql: "DELETE FROM documents WHERE name = ? AND version = ?", arguments: [name, version])
                return db.changesCount
            }
            try db.execute(sql: "DELETE FROM documents WHERE name = ?", arguments: [name])
            let deleted = db.changesCount
            try db.execute(sql: "DELETE FROM document_defaults WHERE name = ?", arguments: [name])
            return deleted
        }
    }
}
