import AutomationModel

/// Where `:profile` and `:region` ask the console to go: another profile from the AWS config files (with its
/// own region and endpoint), or another region for the current profile.
public enum TargetChoice: Sendable, Hashable {
    case profile(String)
    case region(String)

    /// "profile prod", "region eu-west-1".
    public var description: String {
        switch self {
        case .profile(let name): return "profile \(name)"
        case .region(let name): return "region \(name)"
        }
    }
}

/// A connection the client core switches to: its paced service, what it points at, whether the profile is
/// read-only, and how to close the connection it replaces once that one's changes in flight are done.
public struct SwitchedConnection: Sendable {
    public var service: any AutomationService
    public var target: ConsoleTarget
    public var readOnly: Bool
    public var retirePrevious: @Sendable () async -> Void

    public init(
        service: any AutomationService, target: ConsoleTarget, readOnly: Bool,
        retirePrevious: @escaping @Sendable () async -> Void
    ) {
        self.service = service
        self.target = target
        self.readOnly = readOnly
        self.retirePrevious = retirePrevious
    }
}

/// Opens the connection for a choice, or throws why it cannot (an unknown profile, bad credentials, the local
/// engine, which has neither profiles nor regions).
public typealias TargetConnector = @Sendable (TargetChoice) async throws -> SwitchedConnection

/// What `:profile` and `:region` offer: the profiles of the AWS config files and the regions SSM runs in.
public struct TargetChoices: Sendable, Hashable {
    public var profiles: [String]
    public var regions: [String]

    public init(profiles: [String] = [], regions: [String] = []) {
        self.profiles = profiles
        self.regions = regions
    }
}
