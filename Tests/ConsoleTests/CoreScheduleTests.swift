import AutomationModel
@testable import Console
import Foundation
import Testing

@Suite("Core scheduling, pacing and query filters")
struct CoreScheduleTests {
    @Test("the schedule runs a request unless an equal one is in flight")
    func schedule() {
        var schedule = RequestSchedule()
        let all = ServiceRequest.listExecutions(.all, pageSize: 25)
        let inbox = ServiceRequest.listExecutions(ExecutionQuery(waitingOnHumanOnly: true), pageSize: 25)
        #expect(schedule.submit(all) == .run)
        #expect(schedule.submit(all) == .dropped)
        #expect(schedule.submit(inbox) == .run)
        #expect(schedule.submit(.listDocuments) == .run)
        #expect(schedule.submit(.listDocuments) == .dropped)
        schedule.finish(all)
        #expect(schedule.submit(all) == .run)
        schedule.finish(all)
        schedule.finish(inbox)
        schedule.finish(.listDocuments)
        #expect(schedule.inFlight.isEmpty)
    }

    @Test("query filters: status, prefix, start time; the inbox narrows a status to those waiting on a person")
    func filters() {
        #expect(ExecutionQuery.all.filters.isEmpty)
        let query = ExecutionQuery(
            status: .failed, documentNamePrefix: "Demo-", startedAfter: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(query.filters == [
            AutomationExecutionFilter(key: .executionStatus, values: ["Failed"]),
            AutomationExecutionFilter(key: .documentNamePrefix, values: ["Demo-"]),
            AutomationExecutionFilter(key: .startTimeAfter, values: ["2026-11-18T11:06:40Z"]),
        ])
        let waitingInbox = ExecutionQuery(status: .waiting, waitingOnHumanOnly: true)
        #expect(waitingInbox.filters == [AutomationExecutionFilter(key: .executionStatus, values: ["Waiting"])])
        let impossible = ExecutionQuery(status: .success, waitingOnHumanOnly: true)
        var succeeded = AutomationExecutionMetadata(automationExecutionId: "x")
        succeeded.automationExecutionStatus = .success
        #expect(!impossible.accepts(succeeded))
        #expect(ExecutionQuery.all.accepts(succeeded))
    }

    @Test("the mark and the inbox are one rule: every marked row is asked for and accepted, no other")
    func markAndInboxAgree() {
        let inbox = ExecutionQuery(waitingOnHumanOnly: true)
        let asked = Set(inbox.filters.first(where: { $0.key == AutomationExecutionFilter.Key.executionStatus.rawValue })?.values ?? [])
        for status in AutomationExecutionStatus.allKnown {
            for action in [nil, "aws:approve", "aws:pause", "aws:runCommand"] {
                var row = AutomationExecutionMetadata(automationExecutionId: "x")
                row.automationExecutionStatus = status
                row.currentAction = action
                let marked = ExecutionSummary(row).isWaitingOnHuman
                #expect(asked.contains(status.rawValue) == marked, "\(status) \(action ?? "-")")
                #expect(inbox.accepts(row) == marked, "\(status) \(action ?? "-")")
                #expect(RowFilter(query: inbox, filter: "").accepts(row) == marked, "\(status) \(action ?? "-")")
            }
        }
    }
}
