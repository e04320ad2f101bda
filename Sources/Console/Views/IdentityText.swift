import AutomationModel

/// Who the console acts as, for the header.
enum IdentityText {
    /// "arn:aws:iam::123456789012:user/alice", "role Operators (session alice)", or "identity unknown".
    static func full(_ identity: CallerIdentity?) -> String {
        guard let identity else { return unknown }
        let principal = identity.principal
        switch principal.kind {
        case .assumedRole: return "role \(principal.name) (session \(principal.sessionName ?? "-"))"
        case .root: return "root of account \(principal.account ?? "-")"
        default: return identity.arn
        }
    }

    /// The same, shorter where the ARN is long: "user alice".
    static func short(_ identity: CallerIdentity?) -> String {
        guard let identity else { return unknown }
        let principal = identity.principal
        switch principal.kind {
        case .user, .role, .group: return "\(principal.kind.rawValue) \(principal.name)"
        default: return full(identity)
        }
    }

    static let unknown = "identity unknown"
}
