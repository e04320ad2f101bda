import AutomationModel
import Foundation

/// GetAutomationExecution answers, kept so that polling an execution does not read, decode and encode it
/// again while it has not changed. Commits put the latest view of an unfinished execution; readers add
/// only ended executions, which never change again, so a reader can never put back an older view.
final class ExecutionViewCache: @unchecked Sendable {
    private struct Entry {
        var view: GetAutomationExecutionResponse
        var json: Data?
        var version: UInt64
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var nextVersion: UInt64 = 0
    /// Beyond this many entries the cache starts over; views are cheap to rebuild.
    let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The latest view of an execution, from the commit that made it.
    func put(_ id: String, _ view: GetAutomationExecutionResponse) {
        lock.withLock {
            makeRoom()
            nextVersion += 1
            entries[id] = Entry(view: view, json: nil, version: nextVersion)
        }
    }

    /// A view a reader built from the store: kept only when the execution has ended and nothing newer is here.
    func putEnded(_ id: String, _ view: GetAutomationExecutionResponse) {
        guard view.automationExecution?.automationExecutionStatus?.isTerminal == true else { return }
        lock.withLock {
            guard entries[id] == nil else { return }
            makeRoom()
            nextVersion += 1
            entries[id] = Entry(view: view, json: nil, version: nextVersion)
        }
    }

    func view(_ id: String) -> GetAutomationExecutionResponse? {
        lock.withLock { entries[id]?.view }
    }

    /// The view as wire JSON, encoded once per version.
    func json(_ id: String) throws -> Data? {
        guard let entry = lock.withLock({ entries[id] }) else { return nil }
        if let json = entry.json { return json }
        let json = try AWSJSON.encode(entry.view)
        lock.withLock {
            if entries[id]?.version == entry.version { entries[id]?.json = json }
        }
        return json
    }

    private func makeRoom() {
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
    }
}
