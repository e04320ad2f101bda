import AutomationModel
import Foundation

/// One change the console sent, as one line of the audit log.
public struct AuditRecord: Codable, Sendable, Hashable {
    public var time: Date
    public var principal: String
    /// Where it was sent: the target's header label.
    public var target: String
    /// The execution acted on; for a start, the new execution's ID when it started.
    public var executionId: String?
    /// The operation and its type: `SendAutomationSignal Approve`, `StartAutomationExecution`,
    /// `StopAutomationExecution Cancel`.
    public var action: String
    /// For a start: the document (and version) started.
    public var document: String?
    /// The signal's payload or the start's parameters.
    public var payload: AutomationParameterMap?
    /// `sent` (written before the call), then `ok` or the error as `Code: message`.
    public var result: String

    public init(
        time: Date, principal: String, target: String, executionId: String?, action: String, document: String? = nil,
        payload: AutomationParameterMap?, result: String
    ) {
        self.time = time
        self.principal = principal
        self.target = target
        self.executionId = executionId
        self.action = action
        self.document = document
        self.payload = payload
        self.result = result
    }

    /// The record written just before a change is sent, so a change cut off by exit is still on record; its
    /// result is `sent` until the record written after the call. Nil for requests that change nothing.
    public init?(sending request: ServiceRequest, target: ConsoleTarget, time: Date) {
        self.init(request: request, outcome: Self.sent, startedId: nil, target: target, time: time)
    }

    /// The record for a change request and what came of it; nil for requests that change nothing.
    public init?(request: ServiceRequest, result: ServiceResult, target: ConsoleTarget, time: Date) {
        switch result {
        case .failed(_, let error):
            self.init(request: request, outcome: "\(error.code.rawValue): \(error.message)", startedId: nil, target: target, time: time)
        case .started(_, let executionId):
            self.init(request: request, outcome: "ok", startedId: executionId, target: target, time: time)
        default:
            self.init(request: request, outcome: "ok", startedId: nil, target: target, time: time)
        }
    }

    /// The result of a record written before the call.
    public static let sent = "sent"

    private init?(request: ServiceRequest, outcome: String, startedId: String?, target: ConsoleTarget, time: Date) {
        switch request {
        case .sendSignal(let signal):
            self.init(
                time: time, principal: target.identity?.arn ?? target.principal, target: target.label,
                executionId: signal.automationExecutionId, action: "\(OperationCatalog.sendAutomationSignal.name) \(signal.signalType)",
                payload: signal.payload, result: outcome)
        case .startExecution(let start):
            self.init(
                time: time, principal: target.identity?.arn ?? target.principal, target: target.label, executionId: startedId,
                action: OperationCatalog.startAutomationExecution.name + (start.mode.map { " \($0)" } ?? ""),
                document: start.documentName + (start.documentVersion.map { ":\($0)" } ?? ""),
                payload: start.parameters, result: outcome)
        case .stopExecution(let stop):
            self.init(
                time: time, principal: target.identity?.arn ?? target.principal, target: target.label, executionId: stop.automationExecutionId,
                action: "\(OperationCatalog.stopAutomationExecution.name) \(stop.type ?? "Cancel")", payload: nil, result: outcome)
        default:
            return nil
        }
    }
}
