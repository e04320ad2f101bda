/// Whether a caller is one of a step's Approvers. An approver entry may be a full IAM ARN, a user name or a
/// role name; an assumed-role session matches its role.
enum PrincipalMatching {
    static func matches(principal: String, approver: String) -> Bool {
        if principal == approver { return true }
        let caller = identity(of: principal)
        let listed = identity(of: approver)
        if approver.hasPrefix("arn:") {
            return caller.account == listed.account && caller.kind == listed.kind && caller.name == listed.name
        }
        return caller.name == approver
    }

    /// Account, kind (user or role) and name of an IAM or STS ARN; a bare name is a name of unknown kind.
    private static func identity(of text: String) -> (account: String?, kind: String?, name: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn" else { return (nil, nil, text) }
        let account = String(parts[4])
        let path = parts[5].split(separator: "/").map(String.init)
        guard let kind = path.first else { return (account, nil, text) }
        switch kind {
        case "assumed-role" where path.count >= 2: return (account, "role", path[1])
        case "role", "user": return (account, kind, path.last ?? "")
        default: return (account, kind, path.last ?? "")
        }
    }
}
