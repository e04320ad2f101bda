import Console

/// The `colors` setting: per role, a foreground, or a foreground and background.
enum SkinReading {
    static func roles(_ node: SettingsNode, _ reading: inout SettingsReading) throws(SettingsProblem) -> [ColorRole: SkinColors] {
        var roles: [ColorRole: SkinColors] = [:]
        for (name, value, keyNode) in try node.entries() {
            guard let role = ColorRole(rawValue: name) else {
                reading.warnings.append(keyNode.problem(
                    "unknown colour role, ignored; the roles are \(ColorRole.allCases.map(\.rawValue).joined(separator: ", "))"))
                continue
            }
            if case .mapping = value.node {
                var colors = SkinColors()
                for (part, colour, partKey) in try value.entries() {
                    switch part {
                    case "fg": colors.foreground = try color(colour)
                    case "bg": colors.background = try color(colour)
                    default: reading.warnings.append(partKey.problem("unknown part of a colour, ignored; write fg and bg"))
                    }
                }
                roles[role] = colors
            } else {
                roles[role] = SkinColors(foreground: try color(value))
            }
        }
        return roles
    }

    private static func color(_ node: SettingsNode) throws(SettingsProblem) -> SkinColor {
        let text = try node.string()
        guard let color = SkinColor.named(text) else { throw node.problem("'\(text)' is no colour; write \(SkinColor.help)") }
        return color
    }
}
