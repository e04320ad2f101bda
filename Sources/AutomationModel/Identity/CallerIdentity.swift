/// Who is calling, as STS GetCallerIdentity answers (`Arn`, `Account`, `UserId`), with the parts of the ARN an
/// approval is matched on.
public struct CallerIdentity: Sendable, Hashable, Codable {
    public var arn: String
    public var account: String
    public var userId: String

    public init(arn: String, account: String, userId: String) {
        self.arn = arn
        self.account = account
        self.userId = userId
    }

    /// The ARN's principal: an IAM user, a role, an assumed-role session, the account root or another kind.
    public var principal: IAMPrincipal { IAMPrincipal(arn: arn) }
}

/// The parts of an IAM or STS principal ARN that approvals are matched on.
public struct IAMPrincipal: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case user, role, group
        /// `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`: matches its role.
        case assumedRole = "assumed-role"
        case root
        /// Not an ARN, or a kind approvals do not name (federated users, say).
        case other
    }

    public var kind: Kind
    public var account: String?
    /// The user, role or group name (the last part of its path); for an assumed role, the role's name.
    public var name: String
    /// For an assumed role, the session name.
    public var sessionName: String?

    public init(kind: Kind, account: String?, name: String, sessionName: String? = nil) {
        self.kind = kind
        self.account = account
        self.name = name
        self.sessionName = sessionName
    }

    /// Reads `arn:PARTITION:iam::ACCOUNT:user/PATH/NAME` (and role, group), `arn:PARTITION:sts::ACCOUNT:
    /// assumed-role/ROLE/SESSION` and `arn:PARTITION:iam::ACCOUNT:root`; anything else is `.other` with the
    /// whole text as its name.
    public init(arn text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn" else {
            self.init(kind: .other, account: nil, name: text)
            return
        }
        let account = String(parts[4])
        let resource = parts[5]
        if resource == "root" {
            self.init(kind: .root, account: account, name: "root")
            return
        }
        let path = resource.split(separator: "/").map(String.init)
        guard let first = path.first, path.count >= 2 else {
            self.init(kind: .other, account: account, name: text)
            return
        }
        switch first {
        case "assumed-role" where path.count >= 3:
            self.init(kind: .assumedRole, account: account, name: path[1], sessionName: path[path.count - 1])
        case "user": self.init(kind: .user, account: account, name: path[path.count - 1])
        case "role": self.init(kind: .role, account: account, name: path[path.count - 1])
        case "group": self.init(kind: .group, account: account, name: path[path.count - 1])
        default: self.init(kind: .other, account: account, name: text)
        }
    }

    /// The role an assumed-role session acts as, or the principal itself.
    var matchedKind: Kind { kind == .assumedRole ? .role : kind }
}
