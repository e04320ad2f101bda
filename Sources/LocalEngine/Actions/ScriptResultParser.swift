import AutomationModel

/// Reads what the Python wrapper wrote between its marker lines.
enum ScriptResultParser {
    enum Report: Sendable, Hashable {
        case result(JSONValue)
        case error(type: String, message: String, stackTrace: String)
    }

    /// The last complete report on `output`, or nil when the wrapper never wrote one.
    static func parse(_ output: String, marker: String) -> Report? {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let end = lines.lastIndex(where: { $0 == "\(marker) END" }), end >= 2 else { return nil }
        let header = lines[end - 2]
        guard let json = try? JSONValue.parse(String(lines[end - 1])) else { return nil }
        switch header {
        case "\(marker) RESULT":
            return .result(json)
        case "\(marker) ERROR":
            return .error(
                type: json["errorType"]?.stringValue ?? "Exception",
                message: json["errorMessage"]?.stringValue ?? "",
                stackTrace: json["stackTrace"]?.stringValue ?? "")
        default:
            return nil
        }
    }
}
