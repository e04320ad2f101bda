import AutomationDocuments
import AutomationModel
import Foundation
import Logging

/// The local Automation engine. Every change of state happens inside this actor and is written to the store
/// before the call that caused it returns, so two signals racing for one step produce one transition and a
/// restart finds what the last call left. Reads go straight to the store.
public actor AutomationEngine {
    public nonisolated let configuration: EngineConfiguration
    nonisolated let store: EngineStore
    nonisolated let viewCache = ExecutionViewCache()
    /// The Run Command reads over the commands aws:runCommand steps send.
    nonisolated var commandReads: CommandReads { CommandReads(store: CommandStore(dataDirectory: configuration.dataDirectory)) }
    private let directoryLock: DataDirectoryLock
    let logger = Logger(label: "ssm-console.engine")
    /// The runner of each action in `ActionRegistry` that has one.
    let runners: [AutomationActionName: any StepActionRunner]

    /// Executions that have not ended, by ID.
    var active: [String: ExecutionRecord] = [:]
    /// Parsed documents by "name@version".
    var parsedDocuments: [String: AutomationDocument] = [:]
    /// The task running each step attempt, by step execution ID.
    var attemptTasks: [String: Task<Void, Never>] = [:]
    /// Why a running attempt is being stopped, by step execution ID.
    var stopReasons: [String: StopReason] = [:]
    /// The pending deadline of each execution's current step, by execution ID.
    var deadlineTasks: [String: Task<Void, Never>] = [:]
    /// The execution whose steps `beginStep` is beginning, and the step a step that ended at once (aws:branch)
    /// asked for next: the outermost `beginStep` takes it up in a loop, so a chain of such steps does not
    /// recurse once per step.
    var flowChain: (executionId: String, next: (name: String, document: AutomationDocument)?)?

    /// The pending timeoutSeconds of each running aws:loop, by the loop's step execution ID.
    var loopDeadlineTasks: [String: Task<Void, Never>] = [:]

    enum StopReason: Equatable {
        case stopStep
        case executionCancelled
        case timedOut
        /// The loop (by its step execution ID) the step runs inside reached its own timeoutSeconds.
        case loopTimedOut(String)
    }

    /// Opens the store in the configured data directory, installs the shipped runbooks and picks up every
    /// execution the last engine left unfinished. Throws `DataDirectoryInUse` while another engine, in this
    /// process or another, has the directory.
    public static func open(_ configuration: EngineConfiguration) async throws -> AutomationEngine {
        let lock = try DataDirectoryLock(directory: configuration.dataDirectory)
        let store = try EngineStore(directory: configuration.dataDirectory)
        let engine = AutomationEngine(configuration: configuration, store: store, lock: lock)
        if configuration.installShippedRunbooks {
            try await engine.installShippedRunbooks()
        }
        await engine.recoverUnfinishedExecutions()
        return engine
    }

    private init(configuration: EngineConfiguration, store: EngineStore, lock: DataDirectoryLock) {
        self.configuration = configuration
        self.store = store
        directoryLock = lock
        runners = ActionRegistry.runners(for: configuration)
    }

    /// The service as seen by one caller: signals and starts are recorded under this principal, and approvals
    /// match it and its IAM `groups`.
    public nonisolated func session(principal: String, groups: [String] = []) -> EngineSession {
        EngineSession(engine: self, principal: principal, groups: groups)
    }

    /// Stops every running step and timer without changing any execution, as a process exit would, and lets
    /// go of the data directory; the next engine opened on it picks them up.
    public func shutdown() async {
        let tasks = Array(attemptTasks.values) + Array(deadlineTasks.values) + Array(loopDeadlineTasks.values)
        attemptTasks.removeAll()
        deadlineTasks.removeAll()
        loopDeadlineTasks.removeAll()
        active.removeAll()
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        directoryLock.release()
    }

    var now: Date { Date() }

    /// Writes a record (and whatever `extra` adds in the same transaction) and keeps it in memory while unfinished.
    func commit(_ record: ExecutionRecord, extra: ((GRDBDatabase) throws -> Void)? = nil) throws(ServiceError) {
        var record = record
        record.execution.progressCounters = Self.progress(of: record.steps)
        do {
            try store.save(record, extra: extra)
        } catch {
            throw ServiceError(.internalServerError, "The local engine could not write its store: \(error)")
        }
        remember(record)
    }

    /// Keeps a just-written record: its view for reads, and in memory while unfinished. A child of a
    /// rate-controlled parent that ended tells its parent, after the current transition, which may start more.
    func remember(_ record: ExecutionRecord) {
        viewCache.put(record.id, Self.view(of: record))
        if record.status.isTerminal {
            active[record.id] = nil
            if let parentId = record.execution.parentAutomationExecutionId, active[parentId]?.fleet != nil {
                let childId = record.id
                let position = record.fleetPosition
                let status = record.status
                Task { self.childEnded(parentId: parentId, childId: childId, position: position, status: status) }
            }
        } else {
            active[record.id] = record
        }
    }

    /// Commits from a background transition, where there is no caller to hand an error to.
    func commitInBackground(_ record: ExecutionRecord) {
        do {
            try commit(record)
        } catch {
            logger.error("\(error.message)", metadata: ["execution": "\(record.id)"])
            active[record.id] = record
        }
    }

    static func progress(of steps: [StepExecution]) -> ProgressCounters {
        let ran = steps.filter { $0.executionStartTime != nil }
        func count(_ status: AutomationExecutionStatus) -> Int { ran.filter { $0.stepStatus == status }.count }
        return ProgressCounters(
            totalSteps: ran.count, successSteps: count(.success), failedSteps: count(.failed),
            cancelledSteps: count(.cancelled), timedOutSteps: count(.timedOut))
    }
}
