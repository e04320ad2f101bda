import AutomationModel
import Foundation
import Testing

@testable import Console

/// The approval fetches stay within DescribeAutomationStepExecutions' quota (3 TPS), counted at a fake service:
/// the update runs on a simulated clock for two minutes with 30 executions waiting on approvals, and every
/// request it makes is answered by the service.
@Suite("Approvals: fetches within the quota")
struct ApprovalFetchQuotaTests {
    static let tester = "arn:aws:iam::123456789012:user/tester"

    private func waitingApprovals(_ count: Int) -> [AutomationExecutionMetadata] {
        (1...count).map { n in
            Fixtures.row(n, document: "Demo-Approval", status: .waiting, step: "approveChange", action: "aws:approve", startedAgo: TimeInterval(60 * n))
        }
    }

    private func approveStep(approvers: [String]) -> StepExecution {
        var step = StepExecution(stepName: "approveChange", action: "aws:approve", stepExecutionId: "step-1", stepStatus: .waiting)
        step.executionStartTime = Fixtures.now
        step.inputs = ["Approvers": "[" + approvers.map { "\"\($0)\"" }.joined(separator: ",") + "]"]
        return step
    }

    /// Runs the console for `seconds` of simulated time; returns the simulated times of the approval fetches.
    private func run(_ service: FakeAutomationService, seconds: Int) async throws -> [(Date, String)] {
        var target = Fixtures.target
        target.identity = CallerIdentity(arn: Self.tester, account: "123456789012", userId: "AIDATESTER")
        var state = ConsoleState(target: target, options: ConsoleOptions(), width: 120, height: 40, now: Fixtures.now)
        let calls = ServiceCalls(service: service)
        var fetches: [(Date, String)] = []
        var pending = ConsoleUpdate.start(&state)
        for second in 0...seconds {
            let now = Fixtures.now.addingTimeInterval(TimeInterval(second))
            pending += ConsoleUpdate.update(&state, .tick(now))
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                guard case .request(let request) = effect else { continue }
                if case .loadApproval(let id) = request { fetches.append((now, id)) }
                let result = try await calls.perform(request)
                pending += ConsoleUpdate.update(&state, .result(result, at: now))
            }
        }
        return fetches
    }

    @Test func approvalsThatMayWaitOnYouAreReadAgainWithinTheQuota() async throws {
        let service = FakeAutomationService()
        service.executions = waitingApprovals(30)
        service.stepPages = [[approveStep(approvers: [Self.tester])]]
        let fetches = try await run(service, seconds: 120)
        let calls = service.calls("DescribeAutomationStepExecutions").compactMap { $0 as? DescribeAutomationStepExecutionsRequest }
        #expect(calls.count == fetches.count)
        // Every call asks the server for the waiting steps only.
        #expect(calls.allSatisfy { $0.filters == [StepExecutionFilter(key: .stepExecutionStatus, values: ["Waiting"])] })
        // Within any 5-second refresh interval: at most half the 3 TPS quota (7 calls), each execution at most once.
        for start in stride(from: 0, through: 115, by: 1) {
            let from = Fixtures.now.addingTimeInterval(TimeInterval(start))
            let window = fetches.filter { $0.0 >= from && $0.0 < from.addingTimeInterval(5) }
            #expect(window.count <= 7, "\(window.count) fetches in the 5 s from second \(start)")
            #expect(Set(window.map(\.1)).count == window.count, "an execution fetched twice in the 5 s from second \(start)")
        }
        // And all 30 are kept up to date: each is read several times in two minutes.
        let perExecution = Dictionary(grouping: fetches, by: \.1).mapValues(\.count)
        #expect(perExecution.count == 30)
        #expect(perExecution.values.allSatisfy { $0 >= 3 })
    }

    @Test func approvalsThatCannotWaitOnYouAreReadOnce() async throws {
        let service = FakeAutomationService()
        service.executions = waitingApprovals(30)
        service.stepPages = [[approveStep(approvers: [Fixtures.bob])]]
        let fetches = try await run(service, seconds: 120)
        // Approvers do not change while a step waits: once each, then never again.
        #expect(fetches.count == 30)
        #expect(Set(fetches.map(\.1)).count == 30)
        #expect(service.calls("DescribeAutomationExecutions").count >= 20)
    }
}
