import AutomationDocuments
import AutomationModel
import Foundation

/// The runbooks shipped in Sources/LocalEngine/Runbooks, read from the source tree.
enum RunbookFiles {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/LocalEngine/Runbooks")

    static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(".yaml".count)) }
            .sorted()
    }

    static func content(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("\(name).yaml"), encoding: .utf8)
    }

    static func document(_ name: String) throws -> AutomationDocument {
        try DocumentParser.parse(content(name), format: .yaml)
    }

    /// Interpolates a step's inputs the way the engine does before running it.
    static func inputs(
        of step: String, in doc: AutomationDocument, parameters: [String: JSONValue],
        stepOutputs: [String: [String: JSONValue]] = [:]
    ) throws -> JSONValue {
        let context = InterpolationContext(
            parameters: parameters, stepOutputs: stepOutputs, executionId: "8f6e3c1a-0000-4000-8000-000000000001",
            accountId: "123456789012", region: "us-east-1")
        guard let definition = doc.step(named: step) else { throw RunbookError.noStep(step) }
        return try Interpolator.interpolate(.object(definition.inputs), in: context)
    }

    enum RunbookError: Error {
        case noStep(String)
    }
}
