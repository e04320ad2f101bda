import AutomationModel

/// Every context's key table in one place: the one the state is in (for tests), and the line help gives
/// the forms.
public enum KeyTables {
    /// The table of the context `state` is in, without its commands. In the two views it lists the keys that
    /// read-only turns off, as they are still the view's keys.
    public static func current(_ state: ConsoleState) -> KeyTable<Void> {
        switch state.keyContext {
        case .tooSmall:
            return ActionTable.tooSmall.described
        case .executions, .execution:
            return ActionTable.table(for: state.keyContext).described
        case .help:
            return HelpKeys.table.described
        case .filterLine, .commandLine:
            return LineInputKeys.table(for: state.input?.kind ?? .filter).described
        case .signalComment, .stepPicker, .stepsLoading, .signalConfirmation, .signalSending:
            guard case .signal(let form) = state.overlay else { break }
            return SignalFormKeys.table(for: form).described
        case .documentsLoading, .documentsFailed, .documentPicker, .parameters, .startSending:
            guard case .start(let form) = state.overlay else { break }
            return StartFormKeys.table(for: form).described
        case .stopConfirmation, .stopSending:
            guard case .stop(let form) = state.overlay else { break }
            return StopFormKeys.table(for: form).described
        }
        return KeyTable(state.keyContext, [])
    }

    /// "In forms: Enter send · Esc cancel · y confirms Reject, StopStep and stop": a form's keys, and the
    /// dangerous actions that ask `y` (signals by their names, the others in lower case).
    static var formsHelpLine: String {
        let editing = KeyTable<SignalFormCommand>(.signalComment, [SignalFormKeys.send(dangerous: false), SignalFormKeys.cancel])
        let confirmed = ActionTable.all.filter(\.isDangerous).map { $0.signal?.rawValue ?? $0.title.lowercased() }
        return "In forms: \(editing.hint) · \(SignalFormKeys.confirm.label) confirms \(listed(confirmed))"
    }

    /// "a, b and c".
    private static func listed(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " and " + words[words.count - 1]
    }
}
