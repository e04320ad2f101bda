import AutomationModel

/// Every context's key table in one place: the one the state is in (for tests and help), the line help gives
/// the forms, and the README's key table.
public enum KeyTables {
    /// The table of the context `state` is in, without its commands. In the two views it lists the keys that
    /// read-only turns off, as they are still the view's keys.
    public static func current(_ state: ConsoleState) -> KeyTable<Void> {
        var table = own(state).rebound(state.options.keys)
        table.bindings += ScreenKeys.bindings(state.options.keys).map(\.described)
        return table
    }

    private static func own(_ state: ConsoleState) -> KeyTable<Void> {
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
        case .targetPicker:
            guard case .pick(let picker) = state.overlay else { break }
            return TargetPickerKeys.table(for: picker).described
        case .commandInstances, .commandOutput:
            guard case .commandOutput(let view) = state.overlay else { break }
            return CommandOutputKeys.table(for: view).described
        case .screen:
            // No state is in it; `current` adds its keys to every table.
            break
        }
        return KeyTable(state.keyContext, [])
    }

    /// "In forms: Enter send · Esc cancel · y confirms Reject, StopStep and stop": a form's keys, and the
    /// dangerous actions that ask `y` (signals by their names, the others in lower case).
    static func formsHelpLine(_ map: KeyMap) -> String {
        "In forms: " + formsSummary(map)
    }

    private static func formsSummary(_ map: KeyMap) -> String {
        let editing = KeyTable<SignalFormCommand>(.signalComment, [SignalFormKeys.send(dangerous: false), SignalFormKeys.cancel])
        let confirm = KeyTable(.signalConfirmation, [SignalFormKeys.confirm]).rebound(map).bindings.first?.label ?? ""
        let confirmed = ActionTable.all.filter(\.isDangerous).map { $0.signal?.rawValue ?? $0.title.lowercased() }
        let copy = KeyTable(.signalConfirmation, [SignalFormKeys.copyCommand]).rebound(map).bindings.first?.label ?? ""
        return "\(editing.rebound(map).hint) · \(confirm) confirms \(listed(confirmed)) · \(copy) copies the aws ssm command"
    }

    /// "a, b and c".
    private static func listed(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " and " + words[words.count - 1]
    }

    /// The README's key table: a row per key of the two views (what it does in each, whether it asks `y`), then
    /// the keys of the input lines and forms. README.md must hold exactly this; a test compares them.
    /// With a key map, the same table with the operator's keys.
    public static func readmeMarkdown(_ map: KeyMap = KeyMap()) -> String {
        var rows = ["| key | what it does |", "|---|---|"]
        let all = ActionTable.all.map { action in
            let context: KeyContext = action.contexts.contains(.executions) ? .executions : .execution
            return ActionTable.actions(in: context, map).first { $0.id == action.id } ?? action
        }
        var labels: [String] = []
        for action in all where !labels.contains(action.keyLabel) { labels.append(action.keyLabel) }
        for label in labels {
            let meanings = all.filter { $0.keyLabel == label }.map { action in
                var text = action.title
                if let about = action.about { text += ": \(about)" }
                if action.isDangerous { text += " (asks `y`)" }
                if action.contexts.count == 1, let context = action.contexts.first { text += " (\(context.name))" }
                return text
            }
            rows.append("| `\(label)` | \(meanings.joined(separator: "; ")) |")
        }
        rows.append("| in the `/` line | \(LineInputKeys.filter.rebound(map).hint) |")
        rows.append("| in the `:` line | \(LineInputKeys.command.rebound(map).hint) |")
        rows.append("| in forms | \(formsSummary(map)) |")
        for binding in ScreenKeys.bindings(map) {
            rows.append("| `\(binding.label)` | \(binding.title), everywhere: in the views, help, the lines and forms |")
        }
        return rows.joined(separator: "\n")
    }
}
