import AutomationModel
import Testing

@Suite struct ApproverMatchingTests {
    let alice = "arn:aws:iam::123456789012:user/alice"
    let session = "arn:aws:sts::123456789012:assumed-role/Operators/alice-session"

    @Test func usersByNameOrARN() {
        #expect(ApproverMatching.match(caller: alice, groups: [], approver: "alice") == .yes)
        #expect(ApproverMatching.match(caller: alice, groups: [], approver: alice) == .yes)
        #expect(ApproverMatching.match(caller: alice, groups: [], approver: "arn:aws:iam::123456789012:user/ops/alice") == .yes)
        #expect(ApproverMatching.match(caller: alice, groups: [], approver: "arn:aws:iam::999999999999:user/alice") == .no)
        #expect(ApproverMatching.match(caller: alice, groups: [], approver: "bob") == .no)
        #expect(ApproverMatching.match(caller: alice, groups: [], approver: "arn:aws:iam::123456789012:role/alice") == .no)
    }

    @Test func anAssumedRoleSessionMatchesItsRole() {
        #expect(ApproverMatching.match(caller: session, groups: [], approver: "Operators") == .yes)
        #expect(ApproverMatching.match(caller: session, groups: [], approver: "arn:aws:iam::123456789012:role/Operators") == .yes)
        #expect(ApproverMatching.match(caller: session, groups: [], approver: "arn:aws:iam::123456789012:user/Operators") == .no)
        #expect(ApproverMatching.match(caller: session, groups: [], approver: "alice-session") == .no)
    }

    @Test func groupsMatchKnownMembersAndArePossibleWhenMembershipIsUnknown() {
        let group = "arn:aws:iam::123456789012:group/Approvers"
        #expect(ApproverMatching.match(caller: alice, groups: ["Approvers"], approver: group) == .yes)
        #expect(ApproverMatching.match(caller: alice, groups: ["Approvers"], approver: "Approvers") == .yes)
        #expect(ApproverMatching.match(caller: alice, groups: ["Readers"], approver: group) == .no)
        #expect(ApproverMatching.match(caller: alice, groups: nil, approver: group) == .possiblyThroughGroup("Approvers"))
        // With the groups unknown, a bare name that is not the caller's is another principal's, not a possible group.
        #expect(ApproverMatching.match(caller: alice, groups: nil, approver: "Approvers") == .no)
        #expect(ApproverMatching.match(caller: alice, groups: nil, approvers: ["bob", "Approvers", "alice"]) == .yes)
        #expect(ApproverMatching.match(caller: alice, groups: nil, approvers: ["bob", group])
            == .possiblyThroughGroup("Approvers"))
        #expect(ApproverMatching.match(caller: alice, groups: [], approvers: ["bob", "Approvers"]) == .no)
    }

    @Test func principalsReadFromTheirARNs() {
        #expect(IAMPrincipal(arn: session) == IAMPrincipal(kind: .assumedRole, account: "123456789012", name: "Operators", sessionName: "alice-session"))
        #expect(IAMPrincipal(arn: "arn:aws:iam::123456789012:root").kind == .root)
        #expect(IAMPrincipal(arn: "alice").kind == .other)
        #expect(IAMPrincipal(arn: "arn:aws:iam::123456789012:group/team/Approvers") == IAMPrincipal(kind: .group, account: "123456789012", name: "Approvers"))
    }
}
