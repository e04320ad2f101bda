/// How one instance's command ended, and the text SSM shows for it.
struct InstanceCommandResult: Sendable, Hashable {
    enum Status: String, Sendable, Hashable {
        case success = "Success"
        case failed = "Failed"
        case timedOut = "TimedOut"
        case cancelled = "Cancelled"
    }

    var instanceId: String
    var status: Status
    /// The exit code; -1 when the command never finished by itself.
    var responseCode: Int
    var standardOutput: String
    var standardError: String
    /// Why the command could not start, when it did not.
    var launchFailure: String?

    /// stdout, then stderr after SSM's separator line when there is any.
    var outputBlock: String {
        var text = standardOutput
        if !standardError.isEmpty {
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            text += "----------ERROR-------\n" + standardError
        }
        return text
    }
}

enum RunCommandOutput {
    /// The aws:runCommand Output is cut at 2,500 characters, as SSM cuts it.
    static let limit = 2_500
    static let truncationNote = "\n--- output truncated to 2,500 characters ---"

    /// One instance: its block as is. Several: each block headed by the instance ID.
    static func text(for results: [InstanceCommandResult]) -> String {
        let full: String
        if results.count == 1 {
            full = results[0].outputBlock
        } else {
            full = results.map { result in
                var block = result.outputBlock
                if !block.isEmpty && !block.hasSuffix("\n") { block += "\n" }
                return "\(result.instanceId):\n\(block)"
            }.joined(separator: "\n")
        }
        guard full.count > limit else { return full }
        return String(full.prefix(limit - truncationNote.count)) + truncationNote
    }

    /// The worst status among the instances.
    static func status(for results: [InstanceCommandResult]) -> InstanceCommandResult.Status {
        let order: [InstanceCommandResult.Status] = [.cancelled, .timedOut, .failed]
        return order.first { status in results.contains { $0.status == status } } ?? .success
    }

    /// The first failing instance's code, or 0 when every instance succeeded.
    static func responseCode(for results: [InstanceCommandResult]) -> Int {
        results.first { $0.status != .success }?.responseCode ?? 0
    }

    /// The last lines of a stream, for failure messages.
    static func tail(_ text: String, lines: Int = 5, characters: Int = 500) -> String {
        let kept = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(lines)
            .joined(separator: "\n")
        return kept.count > characters ? "…" + String(kept.suffix(characters)) : kept
    }
}
