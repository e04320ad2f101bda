import AutomationModel
import Foundation

/// Everything the console shows and remembers. Only `ConsoleUpdate` changes it; views only read it.
public struct ConsoleState: Sendable, Hashable {
    public enum Screen: Sendable, Hashable {
        case executions
        case execution
    }

    /// Something drawn over the screen that takes the keys until it closes.
    public enum Overlay: Sendable, Hashable {
        case help(scroll: ScrollState)
        case signal(SignalForm)
        case start(StartForm)
        case stop(StopForm)
        /// `:profile` or `:region` without a name.
        case pick(TargetPicker)
        case commandOutput(CommandOutputView)
    }

    /// Where the console is connected; `:profile` and `:region` change it.
    public var target: ConsoleTarget
    /// What `:profile` and `:region` offer.
    public var targetChoices = TargetChoices()
    /// The switch asked for and not yet answered.
    public var switching: TargetChoice?
    public var options: ConsoleOptions
    public var width: Int
    public var height: Int
    /// The clock as the last event told it; relative times are computed from it so rendering is deterministic.
    public var now: Date
    public var screen: Screen = .executions
    public var list: ExecutionList
    /// The execution view's contents; kept while the view is open.
    public var detail: ExecutionDetail?
    /// The executions opened before the open one (parent to child and back), which Esc goes back along.
    public var path: [String] = []
    public var overlay: Overlay?
    /// The `/` filter or `:` command being typed, if any.
    public var input: LineInput?
    public var flash: Flash?
    public var refresh = RefreshState()
    /// Document step names by document name, for StartStep's pick-list.
    public var documentSteps: [String: [String]] = [:]
    /// The names of each aws:loop's steps by loop name, by document name, for StartStep inside a loop.
    public var documentLoopSteps: [String: [String: [String]]] = [:]
    /// Step executions loaded for a signal form opened from the executions view.
    public var formSteps: ExecutionDetail?
    /// The approvals of the executions that wait on one, for the inbox, the marks, the header and the bell.
    public var approvals = WaitingApprovals()

    public init(target: ConsoleTarget, options: ConsoleOptions, width: Int, height: Int, now: Date) {
        self.target = target
        self.options = options
        self.width = width
        self.height = height
        self.now = now
        list = ExecutionList(query: .all)
    }

    /// The execution the signal, stop and open keys act on: the open one, or the selected row.
    public var selectedExecution: ExecutionSummary? {
        switch screen {
        case .execution:
            guard let detail else { return nil }
            return detail.summary ?? list.row(withId: detail.id).map(ExecutionSummary.init)
        case .executions:
            return list.selectedRow.map(ExecutionSummary.init)
        }
    }

    /// Steps known for `id`: those of the open execution view.
    func knownSteps(of id: String) -> [StepExecution]? {
        guard let detail, detail.id == id, detail.execution != nil else { return nil }
        return detail.steps
    }
}

/// A short message in the status line that clears itself.
public struct Flash: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case info, success, warning, error }
    public var text: String
    public var kind: Kind
    public var expires: Date

    public init(text: String, kind: Kind, expires: Date) {
        self.text = text
        self.kind = kind
        self.expires = expires
    }
}

/// A line being typed at the bottom: the `/` filter or the `:` command line.
public struct LineInput: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case filter, command }
    public var kind: Kind
    public var text: String
    /// The text is the filter reopened, shown selected: the first key typed replaces it, Backspace clears it.
    public var replacing = false
}

/// What is being fetched, so nothing is asked twice, and when the next refresh is due.
public struct RefreshState: Sendable, Hashable {
    public var listInFlight = false
    public var moreInFlight = false
    public var executionInFlight: Set<String> = []
    /// Parents whose page of children is being fetched.
    public var childrenInFlight: Set<String> = []
    /// A refresh asked for while one was in flight (the query changed, or a change made the one in flight
    /// stale); sent when that one answers.
    public var listPending = false
    /// Executions to load again when the load in flight answers, because a change made its answer stale.
    public var executionPending: Set<String> = []
    /// When the list refresh now in flight (or the last one) was asked for.
    public var lastList: Date?
    /// When the first page for the current query last arrived: how fresh the rows on screen are.
    public var listAnswered: Date?
    public var lastExecution: Date?
    /// Doublings of the refresh interval after throttling; back to 0 after a clean refresh.
    public var backoff = 0
    public var throttledSinceLastList = false
    /// The latest word from the client core about throttling or retries, shown until a clean refresh or
    /// `noticeExpires`, whichever comes first.
    public var notice: String?
    public var noticeExpires: Date?

    static let maximumBackoff = 4

    func interval(_ options: ConsoleOptions) -> TimeInterval {
        options.refreshInterval.seconds * Double(1 << min(backoff, Self.maximumBackoff))
    }
}
