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

    public static func colors(for role: ColorRole, depth: ColorDepth) -> ColorPair? {
        switch depth {
        case .none: return nil
        case .eight: return eightColors[role] ?? nil
        case .extended256: return extendedColors[role] ?? nil
        }
    }

    public static func appearance(of style: CellStyle, depth: ColorDepth) -> CellAppearance {
        let colors = colors(for: style.color, depth: depth)
        var appearance = CellAppearance(
            colors: colors, bold: style.bold, reverse: style.reverse, underline: style.underline, dim: false)
        switch style.color {
        case .header, .footer, .selection:
            // Bars are reversed without colour; with colour their own pair gives them a background, and
            // reversing that as well would swap it for the text colour.
            appearance.reverse = colors == nil
        default: break
        }
        if depth == .none {
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
        .success: ColorPair(71),
        .failure: ColorPair(167),
        .waiting: ColorPair(214),
        .running: ColorPair(39),
        .cancelled: ColorPair(139),
        .warning: ColorPair(178),
    ]

    /// The curses pair number for a role: roles are numbered from 1 in `ColorRole.allCases` order.
    public static func pairNumber(for role: ColorRole) -> Int16 {
        Int16(ColorRole.allCases.firstIndex(of: role)! + 1)
    }
}
