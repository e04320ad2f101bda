import AutomationModel
import Foundation

/// GetAutomationExecution answers, kept so that polling an execution does not read, decode and encode it
/// again while it has not changed. Commits put the latest view of an unfinished execution; readers add
/// only ended executions, which never change again, so a reader can never put back an older view.
final class ExecutionViewCache: Sendable {
    private struct Entry: Sendable {
        var view: GetAutomationExecutionResponse
        var json: Data?
        var version: UInt64
    }

    private struct Entries: Sendable {
        var byId: [String: Entry] = [:]
        var nextVersion: UInt64 = 0

        /// Beyond `capacity` entries the cache starts over.
        mutating func insert(_ id: String, _ view: GetAutomationExecutionResponse, capacity: Int) {
            if byId.count >= capacity { byId.removeAll(keepingCapacity: true) }
            nextVersion += 1
            byId[id] = Entry(view: view, json: nil, version: nextVersion)
        }
    }

    private let entries = LockedValue(Entries())
    /// Beyond this many entries the cache starts over; views are cheap to rebuild.
    let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The latest view of an execution, from the commit that made it.
    func put(_ id: String, _ view: GetAutomationExecutionResponse) {
        entries.withLock { $0.insert(id, view, capacity: capacity) }
    }

    /// A view a reader built from the store: kept only when the execution has ended and nothing newer is here.
    func putEnded(_ id: String, _ view: GetAutomationExecutionResponse) {
        guard view.automationExecution?.automationExecutionStatus?.isTerminal == true else { return }
        entries.withLock { entries in
            guard entries.byId[id] == nil else { return }
            entries.insert(id, view, capacity: capacity)
        }
    }

    func view(_ id: String) -> GetAutomationExecutionResponse? {
        entries.withLock { $0.byId[id]?.view }
    }

    /// The view as wire JSON, encoded once per version.
    func json(_ id: String) throws -> Data? {
        guard let entry = entries.withLock({ $0.byId[id] }) else { return nil }
        if let json = entry.json { return json }
        let json = try AWSJSON.encode(entry.view)
        entries.withLock { entries in
            if entries.byId[id]?.version == entry.version { entries.byId[id]?.json = json }
        }
        return json
    }
}
