import AutomationModel
import Foundation
import Testing

@testable import AutomationDocuments

@Suite struct DocumentLimitsTests {
    /// Ten anchors, each a list of ten aliases of the one before: 10^10 values once expanded, in 600 bytes.
    static let aliasBomb: String = {
        var lines = ["schemaVersion: '0.3'", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...10 {
            let previous = "*a\(level - 1)"
            lines.append("a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]")
        }
        lines.append("mainSteps: [{name: s, action: 'aws:sleep', inputs: {Duration: PT1S}}]")
        return lines.joined(separator: "\n")
    }()

    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = line.split(separator: " ").compactMap({ Int($0) }).first
        else { return 0 }
        return kilobytes * 1024
    }

    @Test func anAliasBombIsRefusedWithBoundedMemory() throws {
        #expect(Self.aliasBomb.utf8.count < 1_000)
        let before = Self.residentBytes()
        expectServiceError(.invalidDocumentContent, containing: ["expands to more than 100000 values", "aliases"]) {
            try DocumentParser.parse(Self.aliasBomb, format: .yaml)
        }
        // The budget stops the walk long before the expansion costs anything: a few MB at most.
        #expect(Self.residentBytes() - before < 64 * 1024 * 1024)
    }

    @Test func aliasesWithinTheBudgetStillWork() throws {
        let document = """
            schemaVersion: '0.3'
            parameters:
              Seconds: &seconds {type: String, default: PT1S}
            mainSteps:
              - {name: first, action: 'aws:sleep', inputs: {Duration: PT1S}}
            """
        #expect(try DocumentParser.parse(document, format: .yaml).mainSteps.count == 1)
    }

    @Test func contentOver64KBIsMaxDocumentSizeExceeded() throws {
        let padding = String(repeating: "#", count: DocumentLimits.maximumContentBytes)
        let document = "schemaVersion: '0.3'\nmainSteps: [{name: s, action: 'aws:sleep', inputs: {Duration: PT1S}}]\n" + padding
        expectServiceError(DocumentLimits.maxDocumentSizeExceeded, containing: ["64 KB"]) {
            try DocumentParser.parse(document, format: .yaml)
        }
        try DocumentLimits.checkSize(String(repeating: "é", count: DocumentLimits.maximumContentBytes / 2))
        #expect(throws: ServiceError.self) {
            try DocumentLimits.checkSize(String(repeating: "é", count: DocumentLimits.maximumContentBytes / 2 + 1))
        }
    }

    @Test func deepNestingIsRefusedNotACrash() throws {
        let deep = "schemaVersion: '0.3'\nx: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: ServiceError.self) { try DocumentParser.parse(deep, format: .yaml) }
    }
}
