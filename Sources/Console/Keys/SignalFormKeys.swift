/// What the keys do in a signal form.
enum SignalFormCommand: Sendable, Hashable {
    /// Type or delete a character of the comment.
    case edit
    case previousChoice, nextChoice
    /// Enter: send, or ask `y` first for Reject and StopStep.
    case send
    /// Esc: close the form.
    case cancel
    /// `y`: send what was asked about.
    case confirm
    /// `n`: back to the form.
    case back
    /// PgDn, PgUp: scroll the approval's message.
    case messageDown, messageUp
    /// Ctrl-Y: copy the form's `aws ssm` command line to the clipboard.
    case copyCommand
}

/// The keys of a signal form, by phase; the form's last line is the hint of its table.
enum SignalFormKeys {
    static func send(dangerous: Bool) -> KeyBinding<SignalFormCommand> {
        KeyBinding([.enter], .send, label: "Enter", title: "send", isDangerous: dangerous)
    }

    static let cancel = KeyBinding<SignalFormCommand>([.escape], .cancel, label: "Esc", title: "cancel")
    static let previous = KeyBinding<SignalFormCommand>([.up], .previousChoice, label: "Up", title: "choose")
    static let next = KeyBinding<SignalFormCommand>([.down], .nextChoice, label: "Down", title: "choose")
    static let messageUp = KeyBinding<SignalFormCommand>([.pageUp], .messageUp, label: "PgUp", title: "message")
    static let messageDown = KeyBinding<SignalFormCommand>([.pageDown], .messageDown, label: "PgDn", title: "message")
    static let confirm = KeyBinding<SignalFormCommand>([.character("y"), .character("Y")], .confirm, label: "y", title: "yes")
    static let back = KeyBinding<SignalFormCommand>(
        [.character("n"), .character("N"), .escape], .back, label: "n", title: "no")

    /// Ctrl-Y, as typing takes the letters; in help's line for the forms rather than each form's hints.
    static let copyCommand = KeyBinding<SignalFormCommand>(
        [.control("y")], .copyCommand, label: "^Y", title: "copy command", inHints: false, whyNot: { Clipboard.whyNot($0) })

    static func table(for form: SignalForm) -> KeyTable<SignalFormCommand> {
        switch form.phase {
        case .editing where form.takesComment:
            var bindings = [send(dangerous: form.needsConfirmation), cancel]
            // A long approval message scrolls; the comment is typed.
            if form.approval?.message != nil { bindings += [messageUp, messageDown] }
            bindings.append(copyCommand)
            bindings.append(.text(.edit, title: "type the comment"))
            return KeyTable(.signalComment, bindings)
        case .editing:
            return KeyTable(.stepPicker, [previous, next, send(dangerous: form.needsConfirmation), cancel, copyCommand])
        case .loading:
            // The steps that have arrived can be chosen already; Enter waits for the rest.
            return KeyTable(.stepsLoading, [previous.hidden, next.hidden, cancel])
        case .confirming:
            return KeyTable(.signalConfirmation, [confirm, back, copyCommand])
        case .sending:
            return KeyTable(.signalSending, [])
        }
    }
}
