import AutomationModel
import Foundation

/// The confirmation `c` opens: "Cancel execution …? y/n" (Complete for an Interactive one between steps).
public struct StopForm: Sendable, Hashable {
    public var executionId: String
    public var type: StopType
    public var phase: FormPhase = .confirming
    public var error: String?
    /// For a parent: how its children stood when the form opened, so the question says what else stops.
    public var children: FleetProgress?

    public init(executionId: String, type: StopType, children: FleetProgress? = nil) {
        self.executionId = executionId
        self.type = type
        self.children = children
    }

    /// What cancelling a parent does to its children, in words; nil for an execution with none.
    public var childrenText: String? {
        guard let children, children.total > 0 || children.counts.known > 0 else { return nil }
        let running = children.counts.running
        guard let notStarted = children.notStarted else {
            // Only some children are loaded: say what is known and that it is not all.
            return "It is a parent of \(children.totalText) targets: its running children (\(running) among the "
                + "\(children.counts.known) loaded) will be cancelled and those not started will not start."
        }
        return "It is a parent: \(running) running child\(running == 1 ? "" : "ren") will be cancelled and "
            + "\(notStarted) not started will not start (\(children.counts.finished) already finished)."
    }

    public var request: StopAutomationExecutionRequest {
        StopAutomationExecutionRequest(automationExecutionId: executionId, type: type)
    }
}
