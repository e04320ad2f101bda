import AutomationModel
import Foundation
import Testing

@testable import Console

/// The rough edges of issue 10, each fixed: paging's end, the filter that replaces, status widths, Pending
/// durations, notices that clear, and refreshes that stop once everything is final.
@Suite("Rough edges")
struct RoughEdgeTests {
    func later(_ seconds: TimeInterval) -> Date { Fixtures.now.addingTimeInterval(seconds) }

    @Test func afterTheLastPageNothingMoreIsOffered() {
        var state = Fixtures.state(width: 160, height: 48, nextToken: "page-2")
        let older = (100..<110).map { Fixtures.row($0, document: "Old", status: .success, startedAgo: 400_000 + Double($0), endedAgo: 399_000) }
        _ = ConsoleUpdate.update(&state, .result(.executions(.all, older, nextToken: nil, appended: true), at: later(1)))
        #expect(state.list.nextToken == nil)
        // A refresh of the first page says there is a page 2, which is loaded already.
        _ = ConsoleUpdate.update(&state, .result(.executions(.all, Fixtures.rows, nextToken: "page-2", appended: false), at: later(6)))
        #expect(state.list.nextToken == nil)
        let effects = ConsoleUpdate.update(&state, Fixtures.key("G"))
        #expect(!effects.contains { if case .request(.loadMoreExecutions) = $0 { return true } else { return false } })
    }

    @Test func reopenedFilterIsReplacedByTyping() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("/"))
        Fixtures.type("Demo-A", into: &state)
        _ = ConsoleUpdate.update(&state, .key(.enter))
        _ = ConsoleUpdate.update(&state, Fixtures.key("/"))
        #expect(state.input?.text == "Demo-A")
        Fixtures.type("Sfn", into: &state)
        #expect(state.list.filter == "Sfn")
        // Backspace on the reopened filter clears it.
        _ = ConsoleUpdate.update(&state, .key(.enter))
        _ = ConsoleUpdate.update(&state, Fixtures.key("/"))
        _ = ConsoleUpdate.update(&state, .key(.backspace))
        #expect(state.list.filter == "")
    }

    @Test func longStatusFitsWhereThereIsRoom() {
        let row = Fixtures.row(30, document: "Change-Request", status: .pendingChangeCalendarOverride, startedAgo: 10)
        let state = Fixtures.state(width: 120, height: 30, rows: Fixtures.rows + [row])
        #expect(ConsoleView.render(state).text.contains("PendingChangeCalendarOverride "))
    }

    @Test func pendingHasNoDuration() {
        #expect(TimeText.duration(from: Fixtures.now.addingTimeInterval(-90), to: nil, now: Fixtures.now, status: .pending) == "-")
        #expect(TimeText.listDuration(from: Fixtures.now.addingTimeInterval(-90), to: nil, now: Fixtures.now, status: .pending) == "-")
        #expect(TimeText.duration(from: Fixtures.now.addingTimeInterval(-90), to: nil, now: Fixtures.now, status: .inProgress) == "1m30s")
        let row = Fixtures.row(31, document: "Queued", status: .pending, startedAgo: 3600)
        let state = Fixtures.state(width: 160, height: 48, rows: [row])
        let line = ConsoleView.render(state).text.split(separator: "\n").first { $0.contains("Queued") } ?? ""
        #expect(!line.contains("1h00m"))
        #expect(line.contains("Queued"))
    }

    @Test func noticesClear() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, .notice(.rateLimited(operation: "DescribeAutomationStepExecutions", waited: .milliseconds(300)), at: later(1)))
        #expect(ConsoleView.render(state).text.contains("waited 0.3s"))
        _ = ConsoleUpdate.update(&state, .tick(later(1 + ConsoleUpdate.flashSeconds + 0.1)))
        #expect(state.refresh.notice == nil)
        #expect(!ConsoleView.render(state).text.contains("waited 0.3s"))
    }

    @Test func finalExecutionIsNotRefreshed() {
        var (execution, steps) = Fixtures.approvalExecution
        execution.automationExecutionStatus = .success
        steps = steps.map { var step = $0; step.stepStatus = .success; return step }
        var state = Fixtures.executionState((execution, steps))
        let effects = ConsoleUpdate.update(&state, .tick(later(60)))
        #expect(!effects.contains { if case .request(.loadExecution) = $0 { return true } else { return false } })
    }
}

/// Refreshes of an open execution read only its steps not yet final, unless something says steps changed.
@Suite("Step refresh")
struct StepRefreshTests {
    func step(_ n: Int, _ status: AutomationExecutionStatus) -> StepExecution {
        StepExecution(stepName: "s\(n)", action: "aws:executeScript", stepExecutionId: "id-\(n)", stepStatus: status)
    }

    func execution(_ status: AutomationExecutionStatus = .inProgress, at current: String = "s3") -> AutomationExecution {
        var execution = AutomationExecution(automationExecutionId: "e")
        execution.automationExecutionStatus = status
        execution.currentStepName = current
        return execution
    }

    @Test func openStepsReplaceTheirRows() {
        let known = StepRefresh.Known(execution(), steps: [step(1, .success), step(2, .inProgress), step(3, .inProgress)])
        var fresher = step(2, .inProgress)
        fresher.response = "half way"
        let merged = StepRefresh.merge(known, execution: execution(), open: [fresher, step(3, .inProgress)])
        #expect(merged?.map(\.stepExecutionId) == ["id-1", "id-2", "id-3"])
        #expect(merged?[1].response == "half way")
    }

    @Test func aChangeOfShapeReadsEverything() {
        let known = StepRefresh.Known(execution(), steps: [step(1, .success), step(2, .inProgress)])
        // A step finished (it left the open ones), a step started, or the execution moved on: all pages again.
        #expect(StepRefresh.merge(known, execution: execution(), open: []) == nil)
        #expect(StepRefresh.merge(known, execution: execution(), open: [step(2, .inProgress), step(3, .inProgress)]) == nil)
        #expect(StepRefresh.merge(known, execution: execution(at: "s4"), open: [step(2, .inProgress)]) == nil)
        #expect(StepRefresh.merge(known, execution: execution(.success), open: [step(2, .inProgress)]) == nil)
    }

    @Test func theFilterAsksForOpenStatusesOnly() {
        let filter = StepRefresh.openStepsFilter
        #expect(filter.key == "StepExecutionStatus")
        #expect(filter.values.count <= 10)
        #expect(filter.values.allSatisfy { !AutomationExecutionStatus(rawValue: $0).isTerminal })
    }
}

@Suite("Header")
struct HeaderTests {
    @Test func headerNamesTheCredentialSource() {
        var target = Fixtures.target
        #expect(target.label == "AWS profile ops · eu-west-1 · http://127.0.0.1:4583")
        target.credentialSource = "environment credentials"
        #expect(target.label == "AWS environment credentials · eu-west-1 · http://127.0.0.1:4583")
    }
}

@Suite("Document picker")
struct DocumentPickerTests {
    @Test func typingFiltersTheDocuments() throws {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("n"))
        let names = ["AWS-RestartEC2Instance", "AWS-PatchInstanceWithRollback", "Demo-Approval", "Ops-PatchJava"]
        _ = ConsoleUpdate.update(&state, .result(.documents(names.map { DocumentIdentifier(name: $0) }), at: Fixtures.now))
        Fixtures.type("patch", into: &state)
        guard case .start(let form) = state.overlay else {
            Issue.record("the start form is not open")
            return
        }
        #expect(form.pickableDocuments == ["AWS-PatchInstanceWithRollback", "Ops-PatchJava"])
        #expect(ConsoleView.render(state).text.contains("patch_  2 of 4"))
        _ = ConsoleUpdate.update(&state, .key(.down))
        #expect(ConsoleUpdate.update(&state, .key(.enter)) == [.request(.describeDocument(name: "Ops-PatchJava", version: nil))])
    }

    @Test func nothingMatchingOpensNothing() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("n"))
        _ = ConsoleUpdate.update(&state, .result(.documents([DocumentIdentifier(name: "Demo-A")]), at: Fixtures.now))
        Fixtures.type("zzz", into: &state)
        #expect(ConsoleUpdate.update(&state, .key(.enter)) == [])
        #expect(ConsoleView.render(state).text.contains("No document name contains 'zzz'"))
        _ = ConsoleUpdate.update(&state, .key(.backspace))
        _ = ConsoleUpdate.update(&state, .key(.backspace))
        _ = ConsoleUpdate.update(&state, .key(.backspace))
        #expect(ConsoleUpdate.update(&state, .key(.enter)) == [.request(.describeDocument(name: "Demo-A", version: nil))])
    }
}
