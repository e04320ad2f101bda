/// The colours the operator chose (the config file's `skin` and `colors`): a built-in skin, and per role a
/// foreground or background of their own. The terminal backend turns it into curses colours; views only name
/// roles. NO_COLOR and `--no-color` still win over any skin.
public struct Skin: Sendable, Hashable {
    public enum Base: String, Sendable, Hashable, CaseIterable {
        /// Colours for a dark background.
        case standard = "default"
        /// Colours for a light background.
        case light
        /// The terminal's own foreground and background everywhere; bars and the selection reversed.
        case terminal

        /// What the skin is for, in the default config file.
        public var about: String {
            switch self {
            case .standard: return "for a dark background"
            case .light: return "for a light background"
            case .terminal: return "the terminal's own colours, bars and selection reversed"
            }
        }
    }

    public var base: Base
    public var roles: [ColorRole: SkinColors]

    public init(base: Base = .standard, roles: [ColorRole: SkinColors] = [:]) {
        self.base = base
        self.roles = roles
    }
}

/// A role's own colours; nil keeps the built-in skin's.
public struct SkinColors: Sendable, Hashable {
    public var foreground: SkinColor?
    public var background: SkinColor?

    public init(foreground: SkinColor? = nil, background: SkinColor? = nil) {
        self.foreground = foreground
        self.background = background
    }
}

/// One colour: the terminal's own default, or one of the 256 colours (the first 16 also by name).
public enum SkinColor: Sendable, Hashable {
    case terminalDefault
    case number(Int)

    /// The names of colours 0-15, in order.
    public static let names = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan",
        "bright-white",
    ]

    public static let help = "a colour name (\(names.joined(separator: ", "))), a number from 0 to 255, or default"

    /// The colour `text` names; nil when it names none.
    public static func named(_ text: String) -> SkinColor? {
        let lower = text.lowercased()
        if lower == "default" { return .terminalDefault }
        if let index = names.firstIndex(of: lower) { return .number(index) }
        if let number = Int(lower), (0...255).contains(number) { return .number(number) }
        return nil
    }

    public var name: String {
        switch self {
        case .terminalDefault: return "default"
        case .number(let number): return number < Self.names.count ? Self.names[number] : String(number)
        }
    }
}
