/// What the keys do in the profile or region pick-list.
enum TargetPickerCommand: Sendable, Hashable {
    case previous, next
    /// Enter: switch to the chosen one.
    case choose
    /// Esc: close, staying where the console is.
    case cancel
    /// Type or delete a character of the filter.
    case edit
}

/// The keys of the pick-list `:profile` and `:region` open; its last line is the table's hint.
enum TargetPickerKeys {
    static func table(for picker: TargetPicker) -> KeyTable<TargetPickerCommand> {
        let none = picker.selected == nil ? "nothing matches" : nil
        return KeyTable(.targetPicker, [
            KeyBinding([.up], .previous, label: "↑", title: "choose"),
            KeyBinding([.down], .next, label: "↓", title: "choose"),
            KeyBinding([.enter], .choose, label: "Enter", title: "switch", whyNot: { _ in none }),
            KeyBinding([.escape], .cancel, label: "Esc", title: "cancel"),
            .text(.edit, title: "type to narrow the list"),
        ])
    }
}
