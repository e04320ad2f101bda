/// What the keys do in the stop confirmation.
enum StopFormCommand: Sendable, Hashable {
    /// `y`: send StopAutomationExecution.
    case stop
    /// `n`: close, leaving the execution running.
    case keep
    /// Ctrl-Y: copy the `aws ssm` command line to the clipboard.
    case copyCommand
}

/// The keys of the stop confirmation: "y Cancel · n keep it running".
enum StopFormKeys {
    static func table(for form: StopForm) -> KeyTable<StopFormCommand> {
        guard form.phase != .sending else { return KeyTable(.stopSending, []) }
        return KeyTable(.stopConfirmation, [
            KeyBinding([.character("y"), .character("Y")], .stop, label: "y", title: form.type.rawValue),
            KeyBinding([.character("n"), .character("N"), .escape], .keep, label: "n", title: "keep it running"),
            KeyBinding(
                [.control("y")], .copyCommand, label: "^Y", title: "copy command", inHints: false, whyNot: { Clipboard.whyNot($0) }),
        ])
    }
}
