/// Copying to the operator's clipboard: the update asks the terminal backend to send the text (OSC 52) and
/// says so in the status line. The terminal never answers whether it took it, so the message says it was sent.
enum Clipboard {
    /// Why copying is off, if it is: the config file's `clipboard: false`.
    static func whyNot(_ state: ConsoleState) -> String? {
        state.options.clipboard ? nil : "copying is off (clipboard: false in the config file)"
    }

    static func copy(_ text: String, what: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard whyNot(state) == nil else { return [] }
        ConsoleUpdate.flash("Copied \(what) to the clipboard (OSC 52).", .success, &state)
        return [.copy(text)]
    }
}
