/// Where the keys go: a main view, or what is open over it. Each context has one key table, and the update
/// looks a key up only in the table of the context the state is in.
public enum KeyContext: String, Sendable, Hashable, CaseIterable {
    case executions, execution
    case help
    /// The `/` filter and the `:` command line at the bottom.
    case filterLine, commandLine
    /// A signal form: typing the comment (Approve, Reject), choosing the step (StartStep, StopStep, Resume),
    /// waiting for the steps to choose from, asking `y` (Reject, StopStep), waiting for the answer.
    case signalComment, stepPicker, stepsLoading, signalConfirmation, signalSending
    /// The start form: waiting for documents, after ListDocuments failed, choosing the document, editing its
    /// parameters, waiting for the answer.
    case documentsLoading, documentsFailed, documentPicker, parameters, startSending
    /// The stop confirmation, and waiting for its answer.
    case stopConfirmation, stopSending
    /// The pick-list `:profile` and `:region` open without a name.
    case targetPicker
    /// The command output view: listing the instances, showing one's output.
    case commandInstances, commandOutput
    /// A terminal too small to draw on.
    case tooSmall
    /// The keys of every context (Ctrl-L), looked up before the context's own table. No state is in it: it
    /// exists so the config file can rebind those keys like any other.
    case screen

    /// The context in words, for the README and test messages.
    public var name: String {
        switch self {
        case .executions: return "executions view"
        case .execution: return "execution view"
        case .help: return "help"
        case .filterLine: return "the / line"
        case .commandLine: return "the : line"
        case .signalComment: return "signal form, comment"
        case .stepPicker: return "signal form, step"
        case .stepsLoading: return "signal form, loading steps"
        case .signalConfirmation: return "signal form, confirming"
        case .signalSending: return "signal form, sending"
        case .documentsLoading: return "start form, loading"
        case .documentsFailed: return "start form, documents failed"
        case .documentPicker: return "start form, document"
        case .parameters: return "start form, parameters"
        case .startSending: return "start form, sending"
        case .stopConfirmation: return "stop confirmation"
        case .stopSending: return "stop confirmation, sending"
        case .targetPicker: return "profile or region pick-list"
        case .commandInstances: return "command output, instances"
        case .commandOutput: return "command output, one instance"
        case .tooSmall: return "terminal too small"
        case .screen: return "every context"
        }
    }
}

extension ConsoleState {
    /// The context the next key goes to: a screen too small to draw on takes only `q`; then an open overlay,
    /// then the line being typed, then the view.
    public var keyContext: KeyContext {
        if layout.isTooSmall { return .tooSmall }
        switch overlay {
        case .help: return .help
        case .signal(let form): return SignalFormKeys.table(for: form).context
        case .start(let form): return StartFormKeys.table(for: form).context
        case .stop(let form): return StopFormKeys.table(for: form).context
        case .pick(let picker): return TargetPickerKeys.table(for: picker).context
        case .commandOutput(let view): return CommandOutputKeys.table(for: view).context
        case nil: break
        }
        if let input { return LineInputKeys.table(for: input.kind).context }
        return viewContext
    }

    /// The view under any overlay: its keys are the ones the footer and help show.
    var viewContext: KeyContext { screen == .executions ? .executions : .execution }
}
