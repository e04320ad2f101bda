import LocalEngine

/// The command-line forms of `ssm-console serve`'s values.
public enum ServeArguments {
    /// `ID:SECRET[:PRINCIPAL_ARN]`; the principal defaults to `arn:aws:iam::123456789012:user/ID`.
    public static func accessKey(_ text: String) throws(ServeSetupError) -> ServeAccessKey {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty, parts.count == 2 || parts[2].hasPrefix("arn:")
        else {
            throw ServeSetupError(
                "--access-key must be ID:SECRET or ID:SECRET:PRINCIPAL_ARN (for example AKIAEXAMPLE:secret:arn:aws:iam::123456789012:user/alice); got '\(text)'.")
        }
        let principal = parts.count == 3 ? parts[2] : ServeAccessKey.defaultPrincipal(userName: parts[0])
        return ServeAccessKey(accessKeyId: parts[0], secretAccessKey: parts[1], principalArn: principal)
    }

    /// `ID=GROUP[,GROUP...]`: the IAM group names of the principal of access key ID.
    public static func keyGroups(_ text: String) throws(ServeSetupError) -> ServeKeyGroups {
        let form = "--key-groups must be ACCESS_KEY_ID=GROUP[,GROUP...] (for example AKIAEXAMPLE=Approvers,Oncall)"
        let pair = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty else {
            throw ServeSetupError("\(form); got '\(text)'.")
        }
        let groups = try pair[1].split(separator: ",", omittingEmptySubsequences: false).map {
            name throws(ServeSetupError) in try groupName(String(name), origin: "--key-groups \(text)")
        }
        return ServeKeyGroups(accessKeyId: pair[0], groups: groups)
    }

    /// An IAM group name as IAM allows it: 1 to 128 of letters, digits and `+=,.@_-`. Group ARNs are refused,
    /// since approvers are matched on the name within the principal's own account.
    public static func groupName(_ name: String, origin: String) throws(ServeSetupError) -> String {
        let allowed = name.range(of: "^[A-Za-z0-9+=,.@_-]{1,128}$", options: .regularExpression) != nil
        guard allowed else {
            let hint = name.hasPrefix("arn:") ? " Give the group's name (the last part of its ARN), not its ARN." : ""
            throw ServeSetupError(
                "\(origin): '\(name)' is not an IAM group name (1 to 128 letters, digits and +=,.@_-).\(hint)")
        }
        return name
    }

    /// `ID[,KEY=VALUE...]`: a managed instance and its tags.
    public static func instance(_ text: String) throws(ServeSetupError) -> ManagedInstance {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let form = "--instance must be ID or ID,KEY=VALUE,... (for example mi-0123456789abcdef0,Name=web,Env=prod)"
        guard let id = parts.first, !id.isEmpty, !id.contains("=") else {
            throw ServeSetupError("\(form); got '\(text)'.")
        }
        var tags: [String: String] = [:]
        for tag in parts.dropFirst() {
            let pair = tag.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard pair.count == 2, !pair[0].isEmpty else {
                throw ServeSetupError("\(form); the tag '\(tag)' in '\(text)' is not KEY=VALUE.")
            }
            tags[pair[0]] = pair[1]
        }
        return ManagedInstance(id: id, tags: tags)
    }

    /// `none` or `aws`.
    public static func quotas(_ text: String) throws(ServeSetupError) -> ServeQuotas {
        guard let quotas = ServeQuotas(rawValue: text) else {
            throw ServeSetupError("--quotas must be none or aws; got '\(text)'.")
        }
        return quotas
    }
}

/// One `--key-groups ID=G1,G2`: the IAM groups of an access key's principal.
public struct ServeKeyGroups: Sendable, Hashable {
    public var accessKeyId: String
    public var groups: [String]

    public init(accessKeyId: String, groups: [String]) {
        self.accessKeyId = accessKeyId
        self.groups = groups
    }
}
