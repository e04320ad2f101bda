import AutomationModel
import Foundation
import Testing

@Suite struct OperationCatalogTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func namesAreUniqueAndEachEntryIsFoundByItsName() {
        let names = OperationCatalog.all.map(\.operation.name)
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(OperationCatalog.entry(named: name)?.operation.name == name)
        }
        #expect(OperationCatalog.entry(named: "SendCommand") == nil)
    }

    @Test func changesAreTheOperationsThatStartStopSignalOrWrite() {
        let changes = Set(OperationCatalog.all.filter(\.operation.changesState).map(\.operation.name))
        #expect(changes == [
            OperationCatalog.sendAutomationSignal.name, OperationCatalog.startAutomationExecution.name,
            OperationCatalog.stopAutomationExecution.name, OperationCatalog.createDocument.name,
            OperationCatalog.updateDocument.name, OperationCatalog.deleteDocument.name,
        ])
    }

    /// The published quotas, as `ssm-automation-api.md` (beside the repository, in shared/reference) states
    /// them: "TPS per account and region: DescribeAutomationExecutions 3, ...".
    @Test func ratesMatchThePublishedQuotasTable() throws {
        let page = Self.repository.deletingLastPathComponent()
            .appendingPathComponent("shared/reference/ssm-automation-api.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Quotas a live console must respect").last)
        let body = section.components(separatedBy: "History is kept").first ?? section
        let flat = body.replacingOccurrences(of: "\n", with: " ")
        let listing = try #require(flat.components(separatedBy: "TPS per account and region:").last)
        var published: [String: Double] = [:]
        for item in listing.split(separator: ",") {
            let words = item.split(separator: " ")
            guard words.count == 2, let rate = Double(words[1].trimmingCharacters(in: .punctuationCharacters)) else { continue }
            published[String(words[0])] = rate
        }
        #expect(published.count == 6)
        for (name, rate) in published {
            let operation = try #require(OperationCatalog.operation(named: name), "\(name) is not in the catalog")
            #expect(operation.quota == .published(callsPerSecond: rate), "\(name)")
            #expect(OperationQuotas.aws.limit(for: operation)?.callsPerSecond == rate, "\(name)")
        }
        for entry in OperationCatalog.all where published[entry.operation.name] == nil {
            #expect(entry.operation.quota == .unpublished, "\(entry.operation.name) has a rate the table does not publish")
        }
    }

    /// Outside the catalog no source file spells an operation's name as a string of its own.
    @Test func noSourceFileOutsideTheCatalogSpellsAnOperationName() throws {
        let sources = Self.repository.appendingPathComponent("Sources")
        let catalog = sources.appendingPathComponent("AutomationModel/Catalog").path
        let names = OperationCatalog.all.map(\.operation.name)
        var offenders: [String] = []
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let file as URL in files where file.pathExtension == "swift" && !file.path.hasPrefix(catalog) {
            let text = try String(contentsOf: file, encoding: .utf8)
            for name in names where text.contains("\"\(name)\"") || text.contains("\"\(name) ") {
                offenders.append("\(file.lastPathComponent): \(name)")
            }
        }
        #expect(offenders.isEmpty, "operation names spelled outside the catalog: \(offenders)")
    }

    /// The dispatch decodes the body as AWS does, calls the entry's method and encodes the answer.
    @Test func dispatchDecodesCallsAndEncodes() async throws {
        let service = RecordingService()
        let entry = try #require(OperationCatalog.entry(named: OperationCatalog.stopAutomationExecution.name))
        let answer = try await entry.handle(
            Data(#"{"AutomationExecutionId":"73c8eef8-f4ee-4a05-820c-e354f0000001","Type":"Complete"}"#.utf8),
            on: service)
        #expect(String(decoding: answer, as: UTF8.self) == "{}")
        #expect(service.stops.withLock { $0 } == [.init(automationExecutionId: "73c8eef8-f4ee-4a05-820c-e354f0000001", type: .complete)])
        await #expect(throws: ServiceError.self) { try await entry.handle(Data("[1]".utf8), on: service) }
        do {
            _ = try await entry.handle(Data("{}".utf8), on: service)
            Issue.record("a request without its required member was accepted")
        } catch let error as ServiceError {
            #expect(error.code == .validationException)
            #expect(error.message.contains("AutomationExecutionId"))
        }
    }

    @Test func clientLimitsComeWithTheEntry() throws {
        #expect(throws: ServiceError.self) {
            try OperationCatalog.getAutomationExecution.checkLimits(.init(automationExecutionId: "short"))
        }
        try OperationCatalog.getAutomationExecution.checkLimits(.init(automationExecutionId: "73c8eef8-f4ee-4a05-820c-e354f0000001"))
        #expect(throws: ServiceError.self) {
            try OperationCatalog.sendAutomationSignal.checkLimits(
                .init(automationExecutionId: "73c8eef8-f4ee-4a05-820c-e354f0000001", signalType: .startStep))
        }
    }
}
