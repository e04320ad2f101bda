/// One row of a key table: the keys, the command they run, and how help and the hints write them.
public struct KeyBinding<Command: Sendable>: Sendable {
    public var command: Command
    /// The command's name in the config file's `keys` section ("approve", "pageDown"): its case name.
    public var name: String
    public var keys: [KeyPress]
    /// Any key that types a character runs the command too: typing into a comment, a parameter or a line.
    public var takesText = false
    /// The keys as hints write them: "j/↓", "Enter/R". A hint may name only the usual key of several.
    public var label: String
    public var title: String
    /// Cannot be undone, so it asks for `y` first.
    public var isDangerous: Bool
    /// Shown in the footer or the form's hint line; the rest are in help.
    public var inHints: Bool
    /// Nil when the keys work now, else why not ("not waiting on approval").
    public var whyNot: @Sendable (ConsoleState) -> String?

    public init(
        _ keys: [KeyPress], _ command: Command, label: String, title: String, isDangerous: Bool = false,
        inHints: Bool = true, whyNot: @escaping @Sendable (ConsoleState) -> String? = { _ in nil }
    ) {
        self.command = command
        name = String(describing: command)
        self.keys = keys
        self.label = label
        self.title = title
        self.isDangerous = isDangerous
        self.inHints = inHints
        self.whyNot = whyNot
    }

    /// Typing: every key that types a character, and Backspace and Delete, edit the text. Not in the hints,
    /// which say what the other keys do.
    public static func text(
        _ command: Command, title: String, whyNot: @escaping @Sendable (ConsoleState) -> String? = { _ in nil }
    ) -> KeyBinding {
        var binding = KeyBinding([.backspace, .delete], command, label: "type", title: title, inHints: false, whyNot: whyNot)
        binding.takesText = true
        return binding
    }

    public func binds(_ key: KeyPress) -> Bool {
        keys.contains(key) || (takesText && key.typedCharacter != nil)
    }

    /// The same row left out of the hints.
    var hidden: KeyBinding {
        var binding = self
        binding.inHints = false
        return binding
    }

    /// The row without its command, for what reads tables of every kind (help, the README, tests).
    var described: KeyBinding<Void> {
        var binding = KeyBinding<Void>(
            keys, (), label: label, title: title, isDangerous: isDangerous, inHints: inHints, whyNot: whyNot)
        binding.name = name
        binding.takesText = takesText
        return binding
    }
}

extension KeyPress {
    /// The character the key types into text, if it types one.
    var typedCharacter: Character? {
        guard case .character(let character) = self, !character.isNewline else { return nil }
        return character
    }
}
