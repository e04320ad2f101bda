import AutomationDocuments
import AutomationModel
import Foundation

/// Which executions the executions view lists; becomes DescribeAutomationExecutions filters on the server.
public struct ExecutionQuery: Sendable, Hashable {
    public var status: AutomationExecutionStatus?
    public var documentNamePrefix: String?
    public var startedAfter: Date?
    /// The approvals inbox: only executions waiting on a human (Waiting, and Pending approvals).
    public var waitingOnHumanOnly: Bool
    /// `:parent ID`: only this parent's children (the server's ParentExecutionId filter).
    public var parentExecutionId: String?

    public init(
        status: AutomationExecutionStatus? = nil, documentNamePrefix: String? = nil, startedAfter: Date? = nil,
        waitingOnHumanOnly: Bool = false, parentExecutionId: String? = nil
    ) {
        self.status = status
        self.documentNamePrefix = documentNamePrefix
        self.startedAfter = startedAfter
        self.waitingOnHumanOnly = waitingOnHumanOnly
        self.parentExecutionId = parentExecutionId
    }

    /// One parent's children, as the fleet's rows and the parent's view load them.
    public static func children(of parentId: String) -> ExecutionQuery {
        ExecutionQuery(parentExecutionId: parentId)
    }

    public static let all = ExecutionQuery()
}

/// Work the console's update asks of the client core. Every call to the service is one of these; the core runs
/// them on its own queue and answers each with a `ServiceResult` event.
public enum ServiceRequest: Sendable, Hashable {
    /// The first page of executions for a query (a refresh). The core never runs two of these at once.
    case listExecutions(ExecutionQuery, pageSize: Int)
    /// The page after `nextToken`, when the operator scrolls past the loaded rows.
    case loadMoreExecutions(ExecutionQuery, pageSize: Int, nextToken: String)
    /// One page of a parent's children (ParentExecutionId filter): the first on a refresh, the one after
    /// `nextToken` when the operator scrolls past the loaded ones. Never a call per child.
    case listChildren(parentId: String, pageSize: Int, nextToken: String?)
    /// GetAutomationExecution plus DescribeAutomationStepExecutions for the execution view.
    case loadExecution(id: String)
    /// The execution's waiting aws:approve step (DescribeAutomationStepExecutions, StepExecutionStatus Waiting).
    case loadApproval(executionId: String)
    case sendSignal(SendAutomationSignalRequest)
    case startExecution(StartAutomationExecutionRequest)
    case stopExecution(StopAutomationExecutionRequest)
    /// Automation documents for the start form's pick-list.
    case listDocuments
    /// The managed instances the start form's Targets name (DescribeInstanceInformation by tag, paged).
    case countTargets([Target])
    /// One document's parameters and steps (start form, StartStep pick-list).
    case describeDocument(name: String, version: String?)
    /// Connect to another profile or region and send everything after it there (`:profile`, `:region`).
    case switchTarget(TargetChoice)
    /// The instances of an aws:runCommand step's command, with their plugins (ListCommandInvocations, Details).
    case loadCommandInvocations(commandId: String)
    /// One instance's output of a command (GetCommandInvocation).
    case loadCommandOutput(commandId: String, instanceId: String)

    /// Whether this request changes something, so it is refused in read-only mode and goes into the audit log.
    public var isChange: Bool {
        switch self {
        case .sendSignal, .startExecution, .stopExecution: return true
        default: return false
        }
    }
}

/// What came back for a `ServiceRequest`.
public enum ServiceResult: Sendable {
    case executions(ExecutionQuery, [AutomationExecutionMetadata], nextToken: String?, appended: Bool)
    case execution(AutomationExecution, steps: [StepExecution])
    /// A page of a parent's children; `appended` when it follows the pages already loaded.
    case children(parentId: String, [AutomationExecutionMetadata], nextToken: String?, appended: Bool)
    /// The waiting aws:approve step of the execution, or nil when it has none.
    case approval(executionId: String, step: StepExecution?)
    case signalSent(SendAutomationSignalRequest)
    case started(StartAutomationExecutionRequest, executionId: String)
    case stopped(StopAutomationExecutionRequest)
    case documents([DocumentIdentifier])
    /// How many managed instances the targets name.
    case targetCount([Target], count: Int)
    /// DescribeDocument plus, from GetDocument's content, the step names in document order and the parameters'
    /// rules (allowed values, pattern, lengths, item counts) that DescribeDocument leaves out; `loopSteps`: the
    /// names of each aws:loop's own steps, by the loop's name, which StartStep names while the loop runs.
    case document(
        DocumentDescription, stepNames: [String], parameterRules: ParameterRules, loopSteps: [String: [String]] = [:])
    /// The core now sends everything to `target`; no answer from the previous one arrives after this.
    case switched(ConsoleTarget, readOnly: Bool)
    case commandInvocations(commandId: String, [CommandInvocation])
    case commandOutput(GetCommandInvocationResponse)
    /// The request failed; `error` carries the AWS error code and message (or a transport failure as
    /// `ServiceError` with a code such as `ConnectionError`).
    case failed(ServiceRequest, ServiceError)
}

/// What the client core reports about its own work, for the status line.
public enum CoreNotice: Sendable, Hashable {
    /// The service throttled `operation`; the core retries after `retryIn`.
    case throttled(operation: String, retryIn: Duration)
    /// A retryable failure; attempt `attempt` follows after `retryIn`.
    case retrying(operation: String, attempt: Int, reason: String, retryIn: Duration)
    /// The core waited to stay under `operation`'s quota.
    case rateLimited(operation: String, waited: Duration)
    /// A change was made (its result is reported as usual) but its audit log record could not be written.
    case auditLogFailed(path: String, reason: String)
}

extension CoreNotice {
    /// The notice for a call the quotas held back for `waited`, or nil when the wait is too short for anyone to
    /// notice: only a wait someone would notice is worth a line in the status bar.
    public static func rateLimitedIfNoticeable(operation: String, waited: Duration) -> CoreNotice? {
        waited >= .milliseconds(250) ? .rateLimited(operation: operation, waited: waited) : nil
    }
}

/// Everything that can change the console's state. The update is a pure function of (state, event).
public enum ConsoleEvent: Sendable {
    case key(KeyPress)
    /// Only when the mouse is turned on.
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// The clock moved: flash messages expire, relative times age, the next refresh may be due.
    case tick(Date)
    case result(ServiceResult, at: Date)
    case notice(CoreNotice, at: Date)
    /// The local demo was seeded, or seeded one more execution, after the first screen: the list reloads at
    /// once instead of at the next refresh.
    case demoSeeded(at: Date)
}

/// What the update asks to happen after it has changed the state.
public enum ConsoleEffect: Sendable, Hashable {
    case request(ServiceRequest)
    /// Leave the console and restore the terminal.
    case quit
    /// Ring the terminal bell once.
    case bell
    /// Set the terminal's title (tmux shows it on the window).
    case title(String)
    /// Put the text on the terminal's clipboard (OSC 52).
    case copy(String)
    /// Redraw every cell, whatever the terminal is believed to show (Ctrl-L).
    case repaint
}
