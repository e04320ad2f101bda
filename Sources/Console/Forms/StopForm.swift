import AutomationModel
import Foundation

/// The confirmation `c` opens: "Cancel execution …? y/n" (Complete for an Interactive one between steps).
public struct StopForm: Sendable, Hashable {
    public var executionId: String
    public var type: StopType
    public var phase: FormPhase = .confirming
    public var error: String?

    public init(executionId: String, type: StopType) {
        self.executionId = executionId
        self.type = type
    }

    public var request: StopAutomationExecutionRequest {
        StopAutomationExecutionRequest(automationExecutionId: executionId, type: type)
    }
}
