import AutomationModel

/// What the client core remembers of the steps it last loaded, so a refresh of an open execution asks only for
/// the steps not yet final (DescribeAutomationStepExecutions with a StepExecutionStatus filter: one page for a
/// 150-step execution with 10 still running, instead of all three).
///
/// The filter cannot see a step that started and ended between two refreshes, so the short way is taken only
/// when nothing says the steps changed shape: the execution's status, current step and progress counters as
/// before, and the steps still open exactly the ones open last time. Otherwise every page is read again.
struct StepRefresh: Sendable {
    /// The statuses a step has while it is not final, asked for in one filter (the API takes up to 10 values).
    static let openStatuses: [AutomationExecutionStatus] = [.pending, .inProgress, .waiting, .cancelling]
    /// Executions remembered, most recent last; a console looks at one at a time.
    static let capacity = 8

    struct Known: Sendable {
        var id: String
        var status: AutomationExecutionStatus?
        var currentStepName: String?
        var progressCounters: ProgressCounters?
        var steps: [StepExecution]

        init(_ execution: AutomationExecution, steps: [StepExecution]) {
            id = execution.automationExecutionId
            status = execution.automationExecutionStatus
            currentStepName = execution.currentStepName
            progressCounters = execution.progressCounters
            self.steps = steps
        }

        /// The steps still open, by ID; nil when one cannot be followed by the filter (no ID, or an open
        /// status the filter does not ask for).
        var openStepIds: Set<String>? {
            var ids: Set<String> = []
            for step in steps where !(step.stepStatus?.isTerminal ?? false) {
                guard let id = step.stepExecutionId, let status = step.stepStatus, StepRefresh.openStatuses.contains(status)
                else { return nil }
                ids.insert(id)
            }
            return ids
        }
    }

    private let known = LockedValue<[Known]>([])

    func steps(for id: String) -> Known? {
        known.withLock { list in list.last { $0.id == id } }
    }

    func remember(_ execution: AutomationExecution, steps: [StepExecution]) {
        let entry = Known(execution, steps: steps)
        known.withLock { list in
            list.removeAll { $0.id == entry.id }
            list.append(entry)
            if list.count > Self.capacity { list.removeFirst(list.count - Self.capacity) }
        }
    }

    /// The filter that asks for the open steps only.
    static var openStepsFilter: StepExecutionFilter {
        StepExecutionFilter(key: .stepExecutionStatus, values: openStatuses.map(\.rawValue))
    }

    /// The steps of `execution` from what was known and the open steps just read, or nil when the short way
    /// cannot be trusted and every page must be read.
    static func merge(_ known: Known, execution: AutomationExecution, open: [StepExecution]) -> [StepExecution]? {
        guard known.status == execution.automationExecutionStatus, known.currentStepName == execution.currentStepName,
            known.progressCounters == execution.progressCounters, let wasOpen = known.openStepIds
        else { return nil }
        var fresh: [String: StepExecution] = [:]
        for step in open {
            guard let id = step.stepExecutionId else { return nil }
            fresh[id] = step
        }
        guard Set(fresh.keys) == wasOpen else { return nil }
        // A complete list in GetAutomationExecution must count as many steps as are known.
        if let embedded = execution.stepExecutions, execution.stepExecutionsTruncated != true,
            !embedded.isEmpty, embedded.count != known.steps.count
        {
            return nil
        }
        return known.steps.map { step in step.stepExecutionId.flatMap { fresh[$0] } ?? step }
    }
}
