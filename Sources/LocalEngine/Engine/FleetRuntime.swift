import AutomationModel
import Foundation

/// What a rate-controlled parent keeps to schedule its children: one entry per resolved target, in order.
/// The targets live in the store's `fleet_targets` table, one row per target, not in the parent's record: a
/// child's row is written in the same transaction that creates or ends it, so after a restart no target is
/// started twice and none is forgotten, and the cost of a child's end does not grow with the fleet.
struct FleetRuntime: Codable, Sendable {
    /// In memory only; encoding leaves them out (the store writes them as rows).
    private(set) var targets: [FleetTarget]
    var maxConcurrency: Int
    var maxErrors: Int
    /// How many children may run at once now: the first runs alone, and each child that ends doubles it, up to
    /// MaxConcurrency (AWS's exponential start-up).
    var window = 1
    /// StopAutomationExecution on the parent: no more children start, running ones are cancelled.
    var stopping = false

    /// Counted as the targets change, so scheduling after a child's end does not walk every target.
    private(set) var running = 0
    private(set) var errors = 0
    private(set) var succeeded = 0
    private(set) var notStarted = 0
    /// The first target without a child: children start in target order, so those without one are the tail.
    private(set) var nextToStart: Int?

    /// More errors than MaxErrors allows: no new child starts.
    var thresholdReached: Bool { errors > maxErrors }

    init(targets: [FleetTarget], maxConcurrency: Int, maxErrors: Int) {
        self.targets = targets
        self.maxConcurrency = maxConcurrency
        self.maxErrors = maxErrors
        recount()
    }

    /// The targets read back from the store.
    mutating func restore(_ targets: [FleetTarget]) {
        self.targets = targets
        recount()
    }

    /// A child exists for the target at `index`, ended already when `outcome` is given.
    mutating func started(_ index: Int, childId: String, outcome: AutomationExecutionStatus?) {
        count(targets[index], by: -1)
        targets[index].childId = childId
        targets[index].outcome = outcome
        count(targets[index], by: 1)
        if nextToStart == index {
            nextToStart = targets[(index + 1)...].firstIndex { $0.childId == nil }
        } else if nextToStart.map({ index < $0 }) ?? true {
            nextToStart = targets.firstIndex { $0.childId == nil }
        }
    }

    /// The child of the target at `index` ended.
    mutating func ended(_ index: Int, status: AutomationExecutionStatus) {
        count(targets[index], by: -1)
        targets[index].outcome = status
        count(targets[index], by: 1)
    }

    /// The target that `childId` was started for, looked up by its position when the child knows it.
    func index(ofChild childId: String, position: Int?) -> Int? {
        if let position, targets.indices.contains(position), targets[position].childId == childId { return position }
        return targets.firstIndex { $0.childId == childId }
    }

    /// The children not ended yet.
    var runningChildIds: [String] { targets.compactMap { $0.outcome == nil ? $0.childId : nil } }

    private mutating func recount() {
        running = 0
        errors = 0
        succeeded = 0
        notStarted = 0
        for target in targets { count(target, by: 1) }
        nextToStart = targets.firstIndex { $0.childId == nil }
    }

    private mutating func count(_ target: FleetTarget, by change: Int) {
        guard target.childId != nil else {
            notStarted += change
            return
        }
        guard let outcome = target.outcome else {
            running += change
            return
        }
        if FleetTarget.isError(outcome) { errors += change }
        if outcome == .success { succeeded += change }
    }

    private enum CodingKeys: String, CodingKey {
        case targets, maxConcurrency, maxErrors, window, stopping
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        maxConcurrency = try container.decode(Int.self, forKey: .maxConcurrency)
        maxErrors = try container.decode(Int.self, forKey: .maxErrors)
        window = try container.decodeIfPresent(Int.self, forKey: .window) ?? 1
        stopping = try container.decodeIfPresent(Bool.self, forKey: .stopping) ?? false
        // Records written before the targets had their own table carried them here.
        targets = try container.decodeIfPresent([FleetTarget].self, forKey: .targets) ?? []
        recount()
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(maxConcurrency, forKey: .maxConcurrency)
        try container.encode(maxErrors, forKey: .maxErrors)
        try container.encode(window, forKey: .window)
        try container.encode(stopping, forKey: .stopping)
    }
}

/// One resolved target: what its child is given, and the child once it exists.
struct FleetTarget: Codable, Sendable, Hashable {
    /// The child's Target: the value given to TargetParameterName, or the target map as JSON.
    var target: String
    /// The child's parameters that differ from the parent's.
    var parameters: AutomationParameterMap
    var childId: String?
    /// The child's terminal status once it ended.
    var outcome: AutomationExecutionStatus?

    /// A child that did not succeed counts against MaxErrors.
    static func isError(_ status: AutomationExecutionStatus) -> Bool { status.countsAgainstMaxErrors }
}
