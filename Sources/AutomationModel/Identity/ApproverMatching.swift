/// Whether a caller may answer an aws:approve step, as AWS matches its Approvers: IAM users, roles and groups,
/// by name or ARN; an assumed-role session matches its role; a group matches its members. The engine knows a
/// caller's groups; a console against AWS does not, so a group ARN there is only a possible match, and a bare
/// name that is not the caller's own is read as another principal's name (the form AWS documents for bare
/// Approvers), so that an approval naming users by name is not "possibly yours" to everyone.
public enum ApproverMatching {
    public enum Match: Sendable, Hashable {
        /// The caller is this approver (its user, its role, or a group it is known to be in).
        case yes
        /// Only through membership of this group, which is not known here.
        case possiblyThroughGroup(String)
        case no
    }

    /// - Parameters:
    ///   - caller: the caller's ARN.
    ///   - groups: the caller's IAM group names, or nil when they are not known.
    ///   - approver: one entry of Approvers.
    public static func match(caller: String, groups: [String]?, approver: String) -> Match {
        if caller == approver { return .yes }
        let me = IAMPrincipal(arn: caller)
        if approver.hasPrefix("arn:") {
            let listed = IAMPrincipal(arn: approver)
            guard listed.account == me.account else { return .no }
            switch listed.kind {
            case .group: return group(listed.name, groups)
            case .user, .role: return listed.kind == me.matchedKind && listed.name == me.name ? .yes : .no
            default: return .no
            }
        }
        // A bare name: a user or role name, or (where the groups are known) a group name.
        if approver == me.name, me.matchedKind == .user || me.matchedKind == .role { return .yes }
        guard let groups else { return .no }
        return groups.contains(approver) ? .yes : .no
    }

    /// The best match among all the approvers: yes beats a possible group match beats no.
    public static func match(caller: String, groups: [String]?, approvers: [String]) -> Match {
        var best = Match.no
        for approver in approvers {
            switch match(caller: caller, groups: groups, approver: approver) {
            case .yes: return .yes
            case .possiblyThroughGroup(let name) where best == .no: best = .possiblyThroughGroup(name)
            default: break
            }
        }
        return best
    }

    private static func group(_ name: String, _ groups: [String]?) -> Match {
        guard let groups else { return .possiblyThroughGroup(name) }
        return groups.contains(name) ? .yes : .no
    }
}
