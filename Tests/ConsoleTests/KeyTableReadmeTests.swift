import Foundation
import Testing

@testable import Console

/// README.md's key table is the one the key tables generate, so it cannot drift from what the keys do. To
/// regenerate it, replace the table after "## The console" with `KeyTables.readmeMarkdown()` (this test's
/// failure message prints it).
@Suite("Key tables: README")
struct KeyTableReadmeTests {
    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")

    /// The lines of the table that starts with the `| key | what it does |` header, up to the first line that is
    /// not a table row.
    static func readmeTable() throws -> [String] {
        let lines = try String(contentsOf: readme, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("| key | what it does |") }, "no key table in \(readme.path)")
        return Array(lines[start...].prefix { $0.hasPrefix("|") })
    }

    @Test func readmeKeyTableIsTheGeneratedOne() throws {
        let generated = KeyTables.readmeMarkdown()
        let written = try Self.readmeTable()
        #expect(written == generated.components(separatedBy: "\n"), "README.md's key table differs; it should be:\n\(generated)")
    }

    @Test func generatedTableListsEveryKeyOfBothViews() {
        let table = KeyTables.readmeMarkdown()
        for action in ActionTable.all {
            #expect(table.contains("| `\(action.keyLabel)` |"), "\(action.id) is not in the README table")
            #expect(table.contains(action.title))
        }
    }
}
