import Console

/// What the config file sets: the console's defaults before the command line's flags, which win.
public struct ConsoleSettings: Sendable, Hashable {
    /// Seconds between automatic refreshes.
    public var refreshSeconds: Double = ConsoleOptions.defaultRefresh.seconds
    /// The AWS profile and region when `--profile` and `--region` are not given; nil: as the AWS CLI finds them.
    public var profile: String?
    public var region: String?
    /// Watch only, whatever the profile.
    public var readOnly = false
    /// Profiles the console opens read-only.
    public var readOnlyProfiles: [String] = []
    public var bell = true
    public var title = true
    /// Copy keys write to the terminal's clipboard (OSC 52).
    public var clipboard = true
    public var mouse = false
    public var skin = Skin()
    public var keys = KeyMap()

    public init() {}

    /// Whether the console is read-only with `profile`: always when `read-only` is set, else when the profile is
    /// one of `read-only-profiles`.
    public func isReadOnly(profile: String?) -> Bool {
        readOnly || profile.map(readOnlyProfiles.contains) == true
    }

    /// The longest refresh interval the file takes, as `--refresh`: a day.
    public static let maximumRefreshSeconds: Double = 86_400
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
