import Foundation
import Testing

@testable import Console

/// Compares a rendered buffer with Snapshots/<name>.txt; SNAPSHOT_RECORD=1 writes the file instead.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static func assert(_ buffer: CellBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent("\(name).txt")
        let text = buffer.text + "\n"
        if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("No snapshot \(file.path). Record it with SNAPSHOT_RECORD=1 and check it by eye.", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            Issue.record("Snapshot \(name) differs.\nExpected:\n\(expected)\nGot:\n\(text)", sourceLocation: sourceLocation)
        }
    }
}
