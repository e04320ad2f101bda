import AutomationModel
import Foundation

/// The short form a signal key opens: a comment for Approve and Reject, a step pick-list for StartStep, Resume
/// and StopStep. It keeps its input when the service refuses, so the operator can fix and resend.
public struct SignalForm: Sendable, Hashable {
    /// One entry of the step pick-list: what is shown and what goes into the payload.
    public struct Choice: Sendable, Hashable {
        public var label: String
        public var value: String
    }

    public var signal: SignalType
    public var executionId: String
    public var documentName: String?
    public var comment = ""
    public var choices: [Choice] = []
    public var choiceIndex = 0
    public var phase: FormPhase
    /// The service's refusal, "Code: message", shown until the next send.
    public var error: String?
    /// Approve and Reject: the approval being answered, once it is known.
    public var approval: ApprovalView?
    /// The first line of the approval's message on screen, when the message is longer than its room.
    public var messageScroll = 0

    public init(signal: SignalType, executionId: String, documentName: String?, phase: FormPhase) {
        self.signal = signal
        self.executionId = executionId
        self.documentName = documentName
        self.phase = phase
    }

    public var takesComment: Bool { signal == .approve || signal == .reject || signal == .revoke }
    /// Reject, Revoke and StopStep cannot be undone, so they ask for `y` first.
    public var needsConfirmation: Bool { signal == .reject || signal == .revoke || signal == .stopStep }
    /// The form of an aws:approve step, which shows the approval.
    public var isApproval: Bool { signal == .approve || signal == .reject }

    public var selectedChoice: Choice? { choices.indices.contains(choiceIndex) ? choices[choiceIndex] : nil }

    public var payload: AutomationParameterMap? {
        switch signal {
        case .approve, .reject, .revoke:
            let text = comment.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : ["Comment": [text]]
        case .startStep, .resume:
            return selectedChoice.map { ["StepName": [$0.value]] }
        case .stopStep:
            return selectedChoice.map { ["StepExecutionId": [$0.value]] }
        }
    }

    /// The request to send, or why it cannot be sent yet.
    public var request: Result<SendAutomationSignalRequest, FormProblem> {
        if let key = signal.requiredPayloadKey, payload?[key] == nil {
            return .failure(FormProblem(phase == .loading ? "still loading the steps" : "no step to choose"))
        }
        if takesComment, comment.count > ClientLimits.valueLength.upperBound {
            return .failure(FormProblem("the comment is longer than \(ClientLimits.valueLength.upperBound) characters"))
        }
        return .success(SendAutomationSignalRequest(automationExecutionId: executionId, signalType: signal, payload: payload))
    }

    /// What the form sends, as an `aws` command line.
    public func commandLine(target: ConsoleTarget) -> String {
        let request = SendAutomationSignalRequest(automationExecutionId: executionId, signalType: signal, payload: payload)
        return ShellCommandLine.sendSignal(request, target: target)
    }
}

/// Why a form cannot be sent, in words for the operator.
public struct FormProblem: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
