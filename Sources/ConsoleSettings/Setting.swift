import Console

/// One top-level setting of the config file: its name, what `config --default` says of it, how its default
/// is written, and how it is read. The parser and the default file both come from `Setting.all`, so neither
/// can leave a setting out.
struct Setting: Sendable {
    var name: String
    /// The comment written above it in the default file, one line per element.
    var comment: [String]
    /// The setting's value as YAML, from the defaults (`ConsoleSettings()`).
    var yaml: @Sendable (ConsoleSettings) -> String
    /// Throws a `SettingsProblem`.
    var read: @Sendable (SettingsNode, inout ConsoleSettings, inout SettingsReading) throws -> Void

    static let all: [Setting] = [
        Setting(
            name: "refresh",
            comment: [
                "Seconds between automatic refreshes, from \(Int(ConsoleOptions.minimumRefresh.seconds)) (the SSM quotas allow no faster",
                "polling) to \(Int(ConsoleSettings.maximumRefreshSeconds)). --refresh wins.",
            ],
            yaml: { Setting.number($0.refreshSeconds) },
            read: { node, settings, _ in
                let value = try node.number()
                let floor = ConsoleOptions.minimumRefresh.seconds
                guard value >= floor, value <= ConsoleSettings.maximumRefreshSeconds else {
                    throw node.problem(
                        "takes seconds from \(Int(floor)) to \(Int(ConsoleSettings.maximumRefreshSeconds)), such as 5; got \(Setting.number(value))")
                }
                settings.refreshSeconds = value
            }),
        Setting(
            name: "profile",
            comment: ["The profile from the AWS config files when --profile is not given; empty: as the AWS CLI chooses."],
            yaml: { Setting.quoted($0.profile ?? "") },
            read: { node, settings, _ in settings.profile = try node.optionalString() }),
        Setting(
            name: "region",
            comment: ["The region when --region is not given; empty: as the AWS CLI finds it."],
            yaml: { Setting.quoted($0.region ?? "") },
            read: { node, settings, _ in settings.region = try node.optionalString() }),
        Setting(
            name: "read-only",
            comment: ["Watch only (no signals, starts or stops) whatever the profile, as --read-only."],
            yaml: { "\($0.readOnly)" },
            read: { node, settings, _ in settings.readOnly = try node.bool() }),
        Setting(
            name: "read-only-profiles",
            comment: ["Profiles the console always opens read-only, such as [production]."],
            yaml: { "[" + $0.readOnlyProfiles.map(Setting.quoted).joined(separator: ", ") + "]" },
            read: { node, settings, _ in
                guard case .sequence = node.node else { throw node.problem("expected a list of profile names, such as [production]") }
                var profiles: [String] = []
                for item in node.items() { profiles.append(try item.string()) }
                settings.readOnlyProfiles = profiles
            }),
        Setting(
            name: "bell",
            comment: ["Ring the terminal bell when an approval starts waiting on you (--no-bell turns it off)."],
            yaml: { "\($0.bell)" },
            read: { node, settings, _ in settings.bell = try node.bool() }),
        Setting(
            name: "title",
            comment: ["Show the approvals waiting on you in the terminal title (--no-title turns it off)."],
            yaml: { "\($0.title)" },
            read: { node, settings, _ in settings.title = try node.bool() }),
        Setting(
            name: "clipboard",
            comment: [
                "Let the copy keys put text on your local clipboard with OSC 52, through SSH and tmux (tmux needs",
                "set-clipboard on or allow-passthrough on). false turns the copy keys off.",
            ],
            yaml: { "\($0.clipboard)" },
            read: { node, settings, _ in settings.clipboard = try node.bool() }),
        Setting(
            name: "mouse",
            comment: ["Take mouse events (wheel, click, double click); off leaves the mouse to the terminal and tmux."],
            yaml: { "\($0.mouse)" },
            read: { node, settings, _ in settings.mouse = try node.bool() }),
        Setting(
            name: "skin",
            comment: [
                "The built-in colours: " + Skin.Base.allCases.map { "\($0.rawValue) (\($0.about))" }.joined(separator: ", ") + ".",
                "NO_COLOR and --no-color still turn colour off.",
            ],
            yaml: { $0.skin.base.rawValue },
            read: { node, settings, _ in
                let name = try node.string()
                guard let base = Skin.Base(rawValue: name) else {
                    throw node.problem("no skin '\(name)'; choose \(Skin.Base.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                settings.skin.base = base
            }),
        Setting(
            name: "colors",
            comment: [
                "Colours of your own over the skin's, per role: ROLE: COLOUR for the text, or ROLE: {fg: COLOUR, bg: COLOUR}.",
                "A COLOUR is \(SkinColor.help).",
                "Roles: " + ColorRole.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                "Example: {header: {fg: white, bg: 24}, failure: 196}",
            ],
            yaml: { _ in "{}" },
            read: { node, settings, reading in settings.skin.roles = try SkinReading.roles(node, &reading) }),
        Setting(
            name: "keys",
            comment: [
                "Keys of your own: CONTEXT: {COMMAND: KEY or [KEY, ...]}; the command gets exactly those keys. A KEY is",
                "\(KeyName.help).",
                "Ctrl-C, and Esc and : where they are not the command's own, cannot be given; nor a key another command",
                "of the context keeps, nor, where you type text, a key that types. Help and the footer show your keys.",
                "The keys under screen work in every context, before its own, so they may not be any context's key.",
                "The contexts, their commands and default keys:",
            ] + KeyReading.defaultsListing,
            yaml: { _ in "{}" },
            read: { node, settings, reading in settings.keys = try KeyReading.keyMap(node, &reading) }),
    ]

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// What reading the file collects besides the settings: the warnings, and the errors past the first.
struct SettingsReading {
    var warnings: [SettingsProblem] = []
    var errors: [SettingsProblem] = []
}
