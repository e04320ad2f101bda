import Console

/// How many colours the terminal shows, as the console uses them.
public enum ColorDepth: Sendable, Hashable {
    /// `--no-color`, NO_COLOR, or a terminal without colours: attributes only.
    case none
    case eight
    case extended256

    /// None when asked (`--no-color`, or NO_COLOR set to anything but empty, as no-color.org says) or when the
    /// terminal has no colours; otherwise 256 or 8 by what the terminal reports.
    public static func detect(noColorFlag: Bool, environment: [String: String], hasColors: Bool, colors: Int) -> ColorDepth {
        guard mayUseColor(noColorFlag: noColorFlag, environment: environment, hasColors: hasColors) else { return .none }
        if colors >= 256 { return .extended256 }
        return colors >= 8 ? .eight : .none
    }

    /// Whether colour is allowed at all, before the terminal's number of colours is known.
    public static func mayUseColor(noColorFlag: Bool, environment: [String: String], hasColors: Bool) -> Bool {
        !noColorFlag && (environment["NO_COLOR"] ?? "").isEmpty && hasColors
    }
}

/// A foreground/background pair; -1 is the terminal's own default colour.
public struct ColorPair: Sendable, Hashable {
    public var foreground: Int16
    public var background: Int16

    public init(_ foreground: Int16, _ background: Int16 = -1) {
        self.foreground = foreground
        self.background = background
    }
}

/// What a `CellStyle` becomes on a terminal of a given depth.
public struct CellAppearance: Sendable, Hashable {
    /// nil: the terminal's default colours.
    public var colors: ColorPair?
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool
}

/// The colours each `ColorRole` gets. Without colour, bars and the selection are reversed and muted text
/// dimmed, so the layout still reads; meaning is always carried by text or a symbol as well.
public enum ColorPalette {
    // The curses colour numbers.
    static let black: Int16 = 0, red: Int16 = 1, green: Int16 = 2, yellow: Int16 = 3, blue: Int16 = 4,
        magenta: Int16 = 5, cyan: Int16 = 6, white: Int16 = 7

    /// The role's colours in `skin`: the built-in skin's, then the operator's own over them. A 256-colour
    /// number on an eight-colour terminal keeps the built-in colour (bright 8-15 become 0-7).
    public static func colors(for role: ColorRole, depth: ColorDepth, skin: Skin = Skin()) -> ColorPair? {
        let builtIn: ColorPair?
        switch (depth, skin.base) {
        case (.none, _): return nil
        case (_, .terminal): builtIn = nil
        case (.eight, .standard): builtIn = eightColors[role] ?? nil
        case (.extended256, .standard): builtIn = extendedColors[role] ?? nil
        case (.eight, .light): builtIn = lightEightColors[role] ?? nil
        case (.extended256, .light): builtIn = lightExtendedColors[role] ?? nil
        }
        guard let own = skin.roles[role] else { return builtIn }
        let base = builtIn ?? ColorPair(-1)
        let pair = ColorPair(
            number(own.foreground, depth: depth) ?? base.foreground, number(own.background, depth: depth) ?? base.background)
        return pair == ColorPair(-1) ? nil : pair
    }

    /// A colour as curses numbers it on a terminal of `depth`; nil when it has no such colour.
    private static func number(_ color: SkinColor?, depth: ColorDepth) -> Int16? {
        switch color {
        case nil: return nil
        case .terminalDefault?: return -1
        case .number(let value)?:
            if depth == .extended256 { return Int16(value) }
            if value < 8 { return Int16(value) }
            return value < 16 ? Int16(value - 8) : nil
        }
    }

    public static func appearance(of style: CellStyle, depth: ColorDepth, skin: Skin = Skin()) -> CellAppearance {
        let colors = colors(for: style.color, depth: depth, skin: skin)
        var appearance = CellAppearance(
            colors: colors, bold: style.bold, reverse: style.reverse, underline: style.underline, dim: false)
        switch style.color {
        case .header, .footer, .selection:
            // Bars are reversed without colour; with colour their own pair gives them a background, and
            // reversing that as well would swap it for the text colour.
            appearance.reverse = colors == nil
        default: break
        }
        // The terminal's own colours mark meaning with attributes, as no colour does.
        if depth == .none || (skin.base == .terminal && colors == nil) {
            switch style.color {
            case .muted: appearance.dim = true
            case .failure, .warning: appearance.bold = true
            default: break
            }
        }
        return appearance
    }

    private static let eightColors: [ColorRole: ColorPair?] = [
        .normal: nil,
        .header: ColorPair(white, blue),
        .footer: ColorPair(black, cyan),
        .selection: ColorPair(black, cyan),
        .muted: ColorPair(cyan),
        .accent: ColorPair(cyan),
        .border: ColorPair(cyan),
        .success: ColorPair(green),
        .failure: ColorPair(red),
        .waiting: ColorPair(yellow),
        .running: ColorPair(blue),
        .cancelled: ColorPair(magenta),
        .warning: ColorPair(yellow),
    ]

    private static let extendedColors: [ColorRole: ColorPair?] = [
        .normal: nil,
        .header: ColorPair(255, 24),
        .footer: ColorPair(252, 237),
        .selection: ColorPair(231, 25),
        .muted: ColorPair(245),
        .accent: ColorPair(75),
        .border: ColorPair(75),
        .success: ColorPair(71),
        .failure: ColorPair(167),
        .waiting: ColorPair(214),
        .running: ColorPair(39),
        .cancelled: ColorPair(139),
        .warning: ColorPair(178),
    ]

    /// For a light background: darker text, pale bars.
    private static let lightEightColors: [ColorRole: ColorPair?] = [
        .normal: nil,
        .header: ColorPair(white, blue),
        .footer: ColorPair(white, black),
        .selection: ColorPair(black, cyan),
        .muted: ColorPair(blue),
        .accent: ColorPair(blue),
        .border: ColorPair(blue),
        .success: ColorPair(green),
        .failure: ColorPair(red),
        .waiting: ColorPair(black, yellow),
        .running: ColorPair(blue),
        .cancelled: ColorPair(magenta),
        .warning: ColorPair(red),
    ]

    private static let lightExtendedColors: [ColorRole: ColorPair?] = [
        .normal: nil,
        .header: ColorPair(231, 25),
        .footer: ColorPair(236, 252),
        .selection: ColorPair(16, 153),
        .muted: ColorPair(243),
        .accent: ColorPair(25),
        .border: ColorPair(25),
        .success: ColorPair(28),
        .failure: ColorPair(160),
        .waiting: ColorPair(130),
        .running: ColorPair(26),
        .cancelled: ColorPair(90),
        .warning: ColorPair(166),
    ]

    /// The curses pair number for a role: roles are numbered from 1 in `ColorRole.allCases` order.
    public static func pairNumber(for role: ColorRole) -> Int16 {
        Int16(ColorRole.allCases.firstIndex(of: role)! + 1)
    }
}
