import AutomationDocuments
import AutomationModel
import Foundation
import Testing

@testable import LocalEngine

#if canImport(Glibc)
import Glibc
#endif

/// A fresh data directory for one test, removed by `remove()`.
struct ActionsTestDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("actions-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// The process-group records currently in the registry folder.
    var processRecords: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent("processes").path)) ?? []
    }
}

enum ActionsTest {
    static func invocation(
        _ action: String, _ inputs: [String: JSONValue], outputs: [OutputSelector] = [],
        stepExecutionId: String = UUID().uuidString.lowercased()
    ) -> ActionInvocation {
        ActionInvocation(
            executionId: "00000000-0000-4000-8000-000000000001", stepName: "step", stepExecutionId: stepExecutionId,
            action: action, inputs: inputs, outputSelectors: outputs)
    }

    /// True while `pid` is a live process (a zombie waiting to be reaped counts as gone).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }

    /// Waits up to `seconds` for `pid` to be gone.
    static func waitUntilGone(_ pid: pid_t, seconds: Double = 3) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !isRunning(pid) { return true }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return !isRunning(pid)
    }

    /// Waits up to `seconds` for a file to appear and hold text.
    static func readWhenWritten(_ path: String, seconds: Double = 5) async -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
                text.hasSuffix("\n")
            {
                return text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return nil
    }
}

extension ActionOutcome {
    var result: ActionResult {
        switch self {
        case .succeeded(let result), .failed(let result): return result
        }
    }

    var succeeded: Bool {
        if case .succeeded = self { return true }
        return false
    }
}
