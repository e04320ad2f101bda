import AutomationModel
import Foundation

/// Everything the engine keeps about one execution: the API view and the engine's own progress.
struct ExecutionRecord: Codable, Sendable {
    /// The API view, without StepExecutions (those live in `steps`).
    var execution: AutomationExecution
    var steps: [StepExecution]
    var runtime: ExecutionRuntime
    var tags: [Tag]
    var clientToken: String?
    /// Identifies the start request, so a reused ClientToken with other arguments is refused.
    var requestFingerprint: String?
    /// A rate-controlled parent's targets and their children.
    var fleet: FleetRuntime?
    /// A rate-controlled child's place in its parent's targets.
    var fleetPosition: Int?

    var id: String { execution.automationExecutionId }
    var status: AutomationExecutionStatus { execution.automationExecutionStatus ?? .pending }
    var mode: ExecutionMode { execution.mode ?? .auto }

    func stepIndex(id stepExecutionId: String) -> Int? {
        steps.firstIndex { $0.stepExecutionId == stepExecutionId }
    }
}

/// Where an execution is in its flow, and what it needs to go on after a restart.
struct ExecutionRuntime: Codable, Sendable {
    var cursor: Cursor = .idle
    /// Resolved parameter values with their JSON types, for interpolation.
    var parameterValues: [String: JSONValue] = [:]
    /// Each finished step's outputs with their JSON types, for interpolation.
    var stepOutputs: [String: [String: JSONValue]] = [:]
    /// The attempt of the current step, from 1.
    var attempt: Int = 1
    /// A critical step failed and the flow went on: the execution cannot end Success.
    var criticalFailure = false
    /// The execution is being cancelled: whatever runs now runs for onCancel, and the end is Cancelled.
    var cancelling = false
    /// When the current step's timeout strikes (also the approval deadline).
    var deadline: Date?
    /// Decisions recorded on the current aws:approve step.
    var decisions: [ApproverDecision] = []
    /// Optional in the store, so records written before loops and variables existed still read.
    private var loopStack: [LoopFrame]?
    private var variableValues: [String: JSONValue]?

    /// The loops the current step runs inside, outermost first; empty outside any loop.
    var loops: [LoopFrame] {
        get { loopStack ?? [] }
        set { loopStack = newValue.isEmpty ? nil : newValue }
    }

    /// The document's variables as they are now, typed, for interpolation.
    var variables: [String: JSONValue] {
        get { variableValues ?? [:] }
        set { variableValues = newValue.isEmpty ? nil : newValue }
    }

    init(parameterValues: [String: JSONValue] = [:], variables: [String: JSONValue] = [:]) {
        self.parameterValues = parameterValues
        self.variables = variables
    }

    enum Cursor: Codable, Sendable, Hashable {
        /// Interactive mode between steps, waiting for StartStep.
        case idle
        /// A step's action is running.
        case running(stepExecutionId: String)
        /// An aws:approve step waits for Approve or Reject.
        case awaitingApproval(stepExecutionId: String)
        /// An aws:pause step waits for Resume.
        case paused(stepExecutionId: String)
        /// The execution ended.
        case finished

        var stepExecutionId: String? {
            switch self {
            case .running(let id), .awaitingApproval(let id), .paused(let id): return id
            case .idle, .finished: return nil
            }
        }
    }
}

/// One approver's decision on an aws:approve step.
struct ApproverDecision: Codable, Sendable, Hashable {
    var approver: String
    var decision: String
    var comment: String?
    var decisionTime: Date

    static let approved = "Approved"
    static let rejected = "Rejected"

    /// As SSM reports ApproverDecisions: one JSON object per decision.
    var outputText: String {
        var object: [String: JSONValue] = [
            "Approver": .string(approver), "Decision": .string(decision),
            "DecisionTime": .string(ISO8601DateFormatter().string(from: decisionTime)),
        ]
        if let comment { object["Comment"] = .string(comment) }
        return JSONValue.object(object).jsonText
    }
}
