/// Who did something, as the list shows it.
enum PrincipalText {
    /// "alice" for arn:aws:iam::123456789012:user/alice, "Admin/bob" for an assumed role's session: the part
    /// of a principal ARN a person recognises, for narrow columns (the execution view shows the whole ARN).
    static func name(_ principal: String?) -> String {
        guard let principal, !principal.isEmpty else { return "-" }
        guard principal.hasPrefix("arn:"), let resource = principal.split(separator: ":", maxSplits: 5).last
        else { return principal }
        let parts = resource.split(separator: "/")
        return parts.count > 1 ? parts.dropFirst().joined(separator: "/") : String(resource)
    }
}
