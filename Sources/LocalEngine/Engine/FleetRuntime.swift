import AutomationModel
import Foundation

/// What a rate-controlled parent keeps to schedule its children: one entry per resolved target, in order.
/// A child is recorded here in the same transaction that creates it, so after a restart no target is started
/// twice and none is forgotten.
struct FleetRuntime: Codable, Sendable {
    var targets: [FleetTarget]
    var maxConcurrency: Int
    var maxErrors: Int
    /// How many children may run at once now: the first runs alone, and each child that ends doubles it, up to
    /// MaxConcurrency (AWS's exponential start-up).
    var window = 1
    /// StopAutomationExecution on the parent: no more children start, running ones are cancelled.
    var stopping = false

    var running: Int { targets.count { $0.childId != nil && $0.outcome == nil } }
    var notStarted: Int { targets.count { $0.childId == nil } }
    var errors: Int { targets.count { $0.outcome.map(FleetTarget.isError) ?? false } }
    var succeeded: Int { targets.count { $0.outcome == .success } }
    /// More errors than MaxErrors allows: no new child starts.
    var thresholdReached: Bool { errors > maxErrors }
}

/// One resolved target: what its child is given, and the child once it exists.
struct FleetTarget: Codable, Sendable {
    /// The child's Target: the value given to TargetParameterName, or the target map as JSON.
    var target: String
    /// The child's parameters that differ from the parent's.
    var parameters: AutomationParameterMap
    var childId: String?
    /// The child's terminal status once it ended.
    var outcome: AutomationExecutionStatus?

    /// A child that did not succeed counts against MaxErrors.
    static func isError(_ status: AutomationExecutionStatus) -> Bool { status != .success }
}
