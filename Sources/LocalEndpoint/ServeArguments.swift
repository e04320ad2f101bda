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
