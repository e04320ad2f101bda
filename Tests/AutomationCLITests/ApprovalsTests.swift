import AutomationModel
import Foundation
import Testing

@testable import AutomationCLI

/// `approvals`: what waits on the caller, found within the quotas, and how it prints.
@Suite struct ApprovalsTests {
    static let me = "arn:aws:iam::123456789012:user/alice"
    static let bob = "arn:aws:iam::123456789012:user/bob"

    static func id(_ n: Int) -> String { "00000000-0000-4000-8000-\(String(format: "%012d", n))" }

    static func execution(
        _ n: Int, _ status: AutomationExecutionStatus = .waiting, action: String? = "aws:approve", step: String? = "Approve",
        mode: ExecutionMode = .auto
    ) -> AutomationExecutionMetadata {
        var metadata = AutomationExecutionMetadata(automationExecutionId: id(n))
        metadata.documentName = "Doc\(n)"
        metadata.automationExecutionStatus = status
        metadata.currentAction = action
        metadata.currentStepName = step
        metadata.mode = mode
        metadata.executedBy = bob
        metadata.executionStartTime = Date(timeIntervalSince1970: 1_700_000_000)
        return metadata
    }

    /// An aws:approve step execution as the API returns it.
    static func approveStep(
        approvers: [String], needed: Int = 1, decisions: [(String, String)] = [], status: AutomationExecutionStatus = .waiting,
        name: String = "Approve"
    ) -> StepExecution {
        var step = StepExecution(stepName: name, action: "aws:approve", stepExecutionId: UUID().uuidString, stepStatus: status)
        step.executionStartTime = Date(timeIntervalSince1970: 1_700_000_000)
        step.inputs = [
            "Approvers": JSONValue.array(approvers.map(JSONValue.string)).jsonText, "MinRequiredApprovals": String(needed),
            "Message": JSONValue.string("Go?").jsonText,
        ]
        step.outputs = [
            "ApproverDecisions": decisions.map {
                JSONValue.object(["Approver": .string($0.0), "Decision": .string($0.1), "DecisionTime": "2023-11-14T22:20:00Z"]).jsonText
            }
        ]
        return step
    }

    static func fake(pageSize: Int = 50) -> WaitingExecutionsFake {
        WaitingExecutionsFake(
            executions: [
                execution(1),  // mine: I am listed by name
                execution(2),  // mine only through a group
                execution(3),  // someone else's
                execution(4),  // mine but answered
                execution(5, action: "aws:pause", step: "Hold"),
                execution(6, action: "aws:sleep", step: "Nap", mode: .interactive),
                execution(7, .pendingApproval, action: nil, step: nil),
                execution(8, .success),
            ],
            steps: [
                id(1): [approveStep(approvers: ["alice", bob], needed: 2, decisions: [(bob, "Approved")])],
                id(2): [approveStep(approvers: ["arn:aws:iam::123456789012:group/Oncall"])],
                id(3): [approveStep(approvers: [bob])],
                id(4): [approveStep(approvers: [me], needed: 2, decisions: [(me, "Approved")])],
            ],
            pageSize: pageSize)
    }

    @Test func listsWhatWaitsOnTheCallerWithOneStepReadPerWaitingApproval() async throws {
        let fake = Self.fake(pageSize: 2)
        let waiting = try await WaitingExecutionsQuery(service: fake, caller: Self.me, groups: nil).run(everyone: false)
        #expect(waiting.map(\.id) == [Self.id(1), Self.id(2)])
        #expect(waiting.map(\.match) == [.yes, .possiblyThroughGroup("Oncall")])
        #expect(waiting[0].summary == "approval of step Approve: 1 of 2 approvals, 1 more needed")

        // Six Waiting executions in three pages of two, then one step read for each of the four waiting on an approval.
        #expect(fake.executionRequests.count == 3)
        #expect(fake.executionRequests.allSatisfy { $0.filters == [AutomationExecutionFilter(key: .executionStatus, values: ["Waiting"])] })
        #expect(fake.stepRequests.map(\.automationExecutionId) == [Self.id(1), Self.id(2), Self.id(3), Self.id(4)])
        #expect(fake.stepRequests.allSatisfy { $0.maxResults == 1 && $0.reverseOrder == true })
        #expect(fake.stepRequests[0].filters == [
            StepExecutionFilter(key: .action, values: ["aws:approve"]), StepExecutionFilter(key: .stepName, values: ["Approve"]),
        ])
    }

    @Test func knownGroupsDecideGroupApprovers() async throws {
        let member = try await WaitingExecutionsQuery(service: Self.fake(), caller: Self.me, groups: ["Oncall"]).run(everyone: false)
        #expect(member.map(\.id) == [Self.id(1), Self.id(2)])
        #expect(member[1].match == .yes)
        let notMember = try await WaitingExecutionsQuery(service: Self.fake(), caller: Self.me, groups: []).run(everyone: false)
        #expect(notMember.map(\.id) == [Self.id(1)])
    }

    @Test func allListsEverythingWaitingOnAPersonWithWhatItWaitsFor() async throws {
        let fake = Self.fake()
        let waiting = try await WaitingExecutionsQuery(service: fake, caller: Self.me, groups: []).run(everyone: true)
        #expect(fake.executionRequests.first?.filters?.first?.values == ["Waiting", "PendingApproval", "PendingChangeCalendarOverride"])
        #expect(waiting.map(\.id) == (1...7).map(Self.id))
        #expect(waiting.map(\.waitsFor) == [.approval, .approval, .approval, .approval, .resume, .startStep, .changeRequestApproval])
        #expect(waiting.map(\.waitsOnCaller) == [true, false, false, false, false, false, false])
        #expect(waiting[3].yourDecision?.approved == true)
        #expect(waiting[4].summary == "a pause: Resume of step Hold")
        #expect(waiting[6].summary == "change request approval, in Change Manager")
        // The pause, the interactive execution and the change request need no step read.
        #expect(fake.stepRequests.count == 4)
    }

    @Test func anApprovalThatHasEndedIsNotWaitingOnAnyone() async throws {
        let fake = WaitingExecutionsFake(
            executions: [Self.execution(1, mode: .interactive)],
            steps: [Self.id(1): [Self.approveStep(approvers: ["alice"], decisions: [(Self.bob, "Approved")], status: .success)]])
        let waiting = try await WaitingExecutionsQuery(service: fake, caller: Self.me, groups: []).run(everyone: true)
        #expect(waiting.map(\.waitsFor) == [.startStep])
        #expect(waiting.first?.approval == nil)
    }

    @Test func aServiceErrorNamesTheOperation() async throws {
        let fake = WaitingExecutionsFake(executions: [Self.execution(1)], steps: [:])
        let broken = BrokenSteps(inner: fake)
        await #expect(throws: CLIFailure.service(code: "ThrottlingException", message: "Rate exceeded", operation: "DescribeAutomationStepExecutions")) {
            _ = try await WaitingExecutionsQuery(service: broken, caller: Self.me, groups: []).run(everyone: false)
        }
    }

    @Test func theJSONDocumentHasTheDocumentedShape() async throws {
        let waiting = try await WaitingExecutionsQuery(service: Self.fake(), caller: Self.me, groups: nil).run(everyone: false)
        let caller = CallerIdentity(arn: Self.me, account: "123456789012", userId: "AIDAEXAMPLE")
        let document = ApprovalsReport.document(caller: caller, waiting: [waiting[0]], everyone: false)
        let json = try ApprovalsReport.render(document, format: .json, terminal: TableTerminal())
        #expect(json == """
            {
                "Caller": {
                    "Arn": "arn:aws:iam::123456789012:user/alice",
                    "Account": "123456789012",
                    "UserId": "AIDAEXAMPLE"
                },
                "WaitingOnYou": [
                    {
                        "AutomationExecutionId": "\(Self.id(1))",
                        "DocumentName": "Doc1",
                        "ExecutionStatus": "Waiting",
                        "CurrentStepName": "Approve",
                        "ExecutedBy": "arn:aws:iam::123456789012:user/bob",
                        "ExecutionStartTime": "2023-11-14T22:13:20Z",
                        "WaitsFor": "Approval",
                        "Summary": "approval of step Approve: 1 of 2 approvals, 1 more needed",
                        "Approval": {
                            "Approvers": [
                                "alice",
                                "arn:aws:iam::123456789012:user/bob"
                            ],
                            "MinRequiredApprovals": 2,
                            "Approvals": 1,
                            "Remaining": 1,
                            "Message": "Go?",
                            "Deadline": "2023-11-21T22:13:20Z",
                            "YouMayDecide": "Yes",
                            "Decisions": [
                                {
                                    "Approver": "arn:aws:iam::123456789012:user/bob",
                                    "Decision": "Approved",
                                    "DecisionTime": "2023-11-14T22:20:00Z"
                                }
                            ]
                        }
                    }
                ]
            }

            """)
        let all = ApprovalsReport.document(caller: caller, waiting: waiting, everyone: true)
        #expect(all["WaitingOnYou"]?.arrayValue?.count == 2)
        #expect(all["WaitingOnOthers"]?.arrayValue?.count == 0)
        let possible = all["WaitingOnYou"]?.arrayValue?.last?["Approval"]
        #expect(possible?["YouMayDecide"]?.stringValue == "PossiblyThroughGroup")
        #expect(possible?["ThroughGroup"]?.stringValue == "Oncall")
        let text = try ApprovalsReport.render(document, format: .text, terminal: TableTerminal())
        #expect(text.contains(Self.id(1)) && text.contains("AIDAEXAMPLE"))
        let table = try ApprovalsReport.render(document, format: .table, terminal: TableTerminal(width: 200))
        #expect(table.contains("Approvals") && table.contains(Self.id(1)))
    }

    @Test func theDebugCountReadsTheApprovalAfterTheSignal() async throws {
        let fake = WaitingExecutionsFake(
            executions: [],
            steps: [Self.id(1): [
                Self.approveStep(approvers: ["alice"], decisions: [(Self.me, "Approved")], status: .success, name: "First"),
                Self.approveStep(approvers: ["alice", Self.bob], needed: 2, decisions: [(Self.me, "Approved")]),
            ]])
        let request: [String: JSONValue] = ["AutomationExecutionId": .string(Self.id(1)), "SignalType": "Approve"]
        let line = await SignalApprovalCount.line(.sendAutomationSignal, request: request, service: fake)
        #expect(line == "approvals: 1 of 2 needed")
        #expect(fake.stepRequests.count == 1)
        #expect(fake.stepRequests.first?.filters == [StepExecutionFilter(key: .action, values: ["aws:approve"])])

        #expect(await SignalApprovalCount.line(.sendAutomationSignal, request: request.merging(["SignalType": "Resume"]) { $1 }, service: fake) == nil)
        #expect(await SignalApprovalCount.line(.getAutomationExecution, request: request, service: fake) == nil)

        let done = Self.approveStep(approvers: ["alice", Self.bob], needed: 2, decisions: [(Self.me, "Approved"), (Self.bob, "Approved")], status: .success)
        #expect(SignalApprovalCount.text(try #require(ApprovalState(step: done)), step: done) == "approvals: 2 of 2 needed (approved; step Approve Success)")
        let rejected = Self.approveStep(approvers: ["alice", Self.bob], needed: 2, decisions: [(Self.me, "Approved"), (Self.bob, "Rejected")], status: .failed)
        #expect(SignalApprovalCount.text(try #require(ApprovalState(step: rejected)), step: rejected) == "approvals: 1 of 2 needed (rejected by \(Self.bob))")
    }
}

/// Passes DescribeAutomationExecutions through and throttles DescribeAutomationStepExecutions.
private struct BrokenSteps: AutomationService {
    let inner: WaitingExecutionsFake
    func describeAutomationExecutions(_ request: DescribeAutomationExecutionsRequest) async throws -> DescribeAutomationExecutionsResponse {
        try await inner.describeAutomationExecutions(request)
    }
    func describeAutomationStepExecutions(_ request: DescribeAutomationStepExecutionsRequest) async throws -> DescribeAutomationStepExecutionsResponse {
        throw ServiceError(.throttlingException, "Rate exceeded")
    }
    func getAutomationExecution(_ request: GetAutomationExecutionRequest) async throws -> GetAutomationExecutionResponse { try await inner.getAutomationExecution(request) }
    func sendAutomationSignal(_ request: SendAutomationSignalRequest) async throws -> SendAutomationSignalResponse { try await inner.sendAutomationSignal(request) }
    func startAutomationExecution(_ request: StartAutomationExecutionRequest) async throws -> StartAutomationExecutionResponse { try await inner.startAutomationExecution(request) }
    func stopAutomationExecution(_ request: StopAutomationExecutionRequest) async throws -> StopAutomationExecutionResponse { try await inner.stopAutomationExecution(request) }
    func getDocument(_ request: GetDocumentRequest) async throws -> GetDocumentResponse { try await inner.getDocument(request) }
    func describeDocument(_ request: DescribeDocumentRequest) async throws -> DescribeDocumentResponse { try await inner.describeDocument(request) }
    func listDocuments(_ request: ListDocumentsRequest) async throws -> ListDocumentsResponse { try await inner.listDocuments(request) }
    func createDocument(_ request: CreateDocumentRequest) async throws -> CreateDocumentResponse { try await inner.createDocument(request) }
    func updateDocument(_ request: UpdateDocumentRequest) async throws -> UpdateDocumentResponse { try await inner.updateDocument(request) }
    func deleteDocument(_ request: DeleteDocumentRequest) async throws -> DeleteDocumentResponse { try await inner.deleteDocument(request) }
    func describeInstanceInformation(_ request: DescribeInstanceInformationRequest) async throws -> DescribeInstanceInformationResponse { try await inner.describeInstanceInformation(request) }
    func listCommands(_ request: ListCommandsRequest) async throws -> ListCommandsResponse { try await inner.listCommands(request) }
    func listCommandInvocations(_ request: ListCommandInvocationsRequest) async throws -> ListCommandInvocationsResponse { try await inner.listCommandInvocations(request) }
    func getCommandInvocation(_ request: GetCommandInvocationRequest) async throws -> GetCommandInvocationResponse { try await inner.getCommandInvocation(request) }
}
