import AutomationModel
import Foundation
import Testing

@testable import Console

/// Fleets: a rate-controlled parent's row, its children grouped under it, `:parent ID`, the parent's view,
/// going from parent to child and back, signals to a child, and Cancel on a parent.
@Suite("Fleets in the console")
struct FleetConsoleTests {
    let parentId = FleetFixtures.parentId
    let waitingChild = FleetFixtures.children.first { $0.automationExecutionStatus == .waiting }!

    private func expectChildrenRequest(_ effects: [ConsoleEffect], nextToken: String? = nil) {
        let requests = effects.compactMap { effect -> ServiceRequest? in
            if case .request(let request) = effect { return request }
            return nil
        }
        #expect(requests == [.listChildren(parentId: parentId, pageSize: ConsoleOptions().pageSize, nextToken: nextToken)])
    }

    // MARK: The executions view

    @Test func childrenAreGroupedUnderTheirLoadedParent() {
        let state = FleetFixtures.state()
        #expect(state.list.rows.count == 39)
        let visible = (0..<state.list.visibleCount).map { state.list.visibleRow(at: $0).automationExecutionId }
        #expect(visible.count == 3)
        #expect(visible.contains(parentId))
        #expect(state.list.isParent(state.list.row(withId: parentId)!))
    }

    @Test func aChildWhoseParentIsNotLoadedStaysARow() {
        let orphans = Array(FleetFixtures.children.prefix(3))
        let state = Fixtures.state(rows: orphans + Fixtures.rows)
        #expect(state.list.visibleCount == 10)
        var withParent = state
        withParent.list.take([FleetFixtures.allRows.first { $0.automationExecutionId == parentId }!], nextToken: nil, appended: true)
        #expect(withParent.list.visibleCount == 8)
    }

    @Test func progressCountsTheChildrenAgainstTheResolvedTargets() {
        let state = FleetFixtures.state()
        let progress = state.list.progress(of: state.list.row(withId: parentId)!)
        #expect(progress.doneText == "31/40")
        #expect(progress.counts.errors == 2)
        #expect(progress.counts.running == 5)
        #expect(progress.notStarted == 4)
        #expect(progress.errorBudget == 3)
        #expect(!progress.isOverErrorBudget)
        #expect(progress.budgetText == "error budget 2 of 3 used")
    }

    @Test(arguments: [("3", 40, 3), ("0", 40, 0), ("10%", 50, 5), ("25%", 40, 10), ("abc", 40, nil), ("120%", 40, nil)])
    func errorBudgetByNumberAndPercentage(_ maxErrors: String, _ targets: Int, _ budget: Int?) {
        var parent = AutomationExecutionMetadata(automationExecutionId: parentId)
        parent.maxErrors = maxErrors
        parent.resolvedTargets = ResolvedTargets(parameterValues: (0..<targets).map { "i-\($0)" }, truncated: false)
        #expect(FleetProgress(parent: parent, counts: FleetCounts()).errorBudget == budget)
    }

    @Test func theBudgetIsOverAtTheErrorPastMaxErrors() {
        var parent = AutomationExecutionMetadata(automationExecutionId: parentId)
        parent.maxErrors = "10%"
        parent.resolvedTargets = ResolvedTargets(parameterValues: (0..<50).map { "i-\($0)" }, truncated: false)
        var children = (0..<5).map { n -> AutomationExecutionMetadata in
            var child = AutomationExecutionMetadata(automationExecutionId: "child-\(n)")
            child.automationExecutionStatus = .failed
            return child
        }
        #expect(!FleetProgress(parent: parent, counts: FleetCounts(children)).isOverErrorBudget)
        children[0].automationExecutionId = "child-5"
        children.append(children[0])
        children[5].automationExecutionStatus = .timedOut
        #expect(FleetProgress(parent: parent, counts: FleetCounts(children)).isOverErrorBudget)
    }

    /// The engine stops starting children once a cancelled one passes MaxErrors; the console must say so too.
    @Test func aCancelledChildUsesTheErrorBudgetAsTheEngineCountsIt() {
        var parent = AutomationExecutionMetadata(automationExecutionId: parentId)
        parent.maxErrors = "0"
        parent.resolvedTargets = ResolvedTargets(parameterValues: ["i-1", "i-2"], truncated: false)
        var child = AutomationExecutionMetadata(automationExecutionId: "child-1")
        child.automationExecutionStatus = .cancelled
        let progress = FleetProgress(parent: parent, counts: FleetCounts([child]))
        #expect(progress.counts.errors == 1)
        #expect(progress.counts.cancelled == 1)
        #expect(progress.isOverErrorBudget)
        let ends: [AutomationExecutionStatus] = [.success, .failed, .timedOut, .cancelled, .inProgress, .waiting]
        #expect(ends.filter(\.countsAgainstMaxErrors) == [.failed, .timedOut, .cancelled])
    }

    @Test func expandingAsksForOneFilteredPageAndListsTheChildrenBelowTheParent() {
        var state = FleetFixtures.state()
        expectChildrenRequest(ConsoleUpdate.update(&state, Fixtures.key("e")))
        // Until the filtered page answers, the children the list loaded itself are shown.
        #expect(state.list.visibleCount == 3 + 36)
        _ = ConsoleUpdate.update(
            &state, .result(.children(parentId: parentId, FleetFixtures.children, nextToken: nil, appended: false), at: Fixtures.now))
        #expect(state.list.visibleCount == 3 + 36)
        let parentIndex = state.list.selectedIndex
        let first = state.list.visibleEntry(at: parentIndex + 1)
        #expect(first.parentId == parentId)
        // In the order the parent started them.
        let starts = (1...36).compactMap { state.list.visibleEntry(at: parentIndex + $0).row.executionStartTime }
        #expect(starts == starts.sorted())
        #expect(state.list.index(ofVisible: waitingChild.automationExecutionId) == parentIndex + 1 + 31)
    }

    @Test func collapsingWithAChildSelectedSelectsTheParent() {
        var state = FleetFixtures.expandedState()
        _ = ConsoleUpdate.update(&state, Fixtures.key("j"))
        _ = ConsoleUpdate.update(&state, Fixtures.key("j"))
        #expect(state.list.selectedRow?.parentAutomationExecutionId == parentId)
        #expect(ConsoleUpdate.update(&state, Fixtures.key("e")).isEmpty)
        #expect(state.list.selectedId == parentId)
        #expect(state.list.visibleCount == 3)
    }

    @Test func expandIsOffOnARowWithoutChildren() {
        var state = FleetFixtures.state()
        state.list.selectedId = Fixtures.id(1)
        #expect(ConsoleUpdate.update(&state, Fixtures.key("e")).isEmpty)
        #expect(state.flash?.text.contains("has no children") == true)
    }

    @Test func aRefreshAsksForOnePageOfChildrenPerExpandedParentNeverOnePerChild() {
        var state = FleetFixtures.expandedState()
        let later = Fixtures.now.addingTimeInterval(60)
        let effects = ConsoleUpdate.update(&state, .tick(later))
        let requests = effects.compactMap { effect -> ServiceRequest? in
            if case .request(let request) = effect { return request }
            return nil
        }
        #expect(requests.filter { if case .listChildren = $0 { return true } else { return false } }.count == 1)
        #expect(!requests.contains { if case .loadExecution = $0 { return true } else { return false } })
        #expect(requests.count <= 2 + WaitingApprovals.budget(interval: state.refresh.interval(state.options)))
    }

    @Test func scrollingNearTheLastLoadedChildAsksForTheNextPage() {
        // The list has loaded the parent but none of its children: they come only from the filtered pages.
        let parent = FleetFixtures.allRows.first { $0.automationExecutionId == parentId }!
        var state = Fixtures.state(rows: [parent])
        state.list.selectedId = parentId
        expectChildrenRequest(ConsoleUpdate.update(&state, Fixtures.key("e")))
        _ = ConsoleUpdate.update(
            &state,
            .result(.children(parentId: parentId, Array(FleetFixtures.children.prefix(20)), nextToken: "page-2", appended: false), at: Fixtures.now))
        var asked: [ConsoleEffect] = []
        for _ in 0..<18 { asked += ConsoleUpdate.update(&state, Fixtures.key("j")) }
        expectChildrenRequest(asked, nextToken: "page-2")
    }

    @Test func theParentCommandListsOneParentsChildrenThroughTheServerFilter() {
        var state = FleetFixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key(":"))
        Fixtures.type("parent \(parentId)", into: &state)
        let effects = ConsoleUpdate.update(&state, .key(.enter))
        let query = ExecutionQuery.children(of: parentId)
        #expect(state.list.query == query)
        #expect(query.filters == [AutomationExecutionFilter(key: .parentExecutionId, values: [parentId])])
        #expect(effects.contains(.request(.listExecutions(query, pageSize: state.options.pageSize))))
        _ = ConsoleUpdate.update(&state, .result(.executions(query, FleetFixtures.children, nextToken: nil, appended: false), at: Fixtures.now))
        #expect(state.list.visibleCount == 36)
    }

    @Test func theParentCommandNeedsAnID() {
        #expect(ConsoleCommand.parse("parent") == .failure(FormProblem(
            ":parent needs one parent execution ID, e.g. :parent 3c6ef362-2d4e-4f60-8a1b-000000000000")))
        #expect(ConsoleCommand.parse("parent abc") == .success(.parent("abc")))
    }

    @Test func aSignalFromAChildsRowActsOnThatChild() {
        var state = FleetFixtures.expandedState()
        state.list.selectedId = waitingChild.automationExecutionId
        _ = ConsoleUpdate.update(&state, Fixtures.key("a"))
        guard case .signal(let form) = state.overlay else {
            Issue.record("no signal form: \(String(describing: state.flash))")
            return
        }
        #expect(form.executionId == waitingChild.automationExecutionId)
        #expect(form.signal == .approve)
    }

    // MARK: The parent's view

    @Test func openingAParentLoadsItsChildrenWithOneFilteredCall() {
        var state = FleetFixtures.state()
        _ = ConsoleUpdate.update(&state, .key(.enter))
        let effects = ConsoleUpdate.update(&state, .result(.execution(FleetFixtures.parent, steps: []), at: Fixtures.now))
        #expect(state.detail?.isFleet == true)
        expectChildrenRequest(effects)
    }

    /// In a running parent's view a refresh reads the parent and one page of its children, and not the list
    /// behind it: both pages are DescribeAutomationExecutions, which a view calls at most once per interval.
    /// Back in the list, the next tick reads the list.
    @Test func aRunningParentsViewReadsItsChildrenNotTheListBehindIt() throws {
        var state = FleetFixtures.parentState()
        try #require(state.detail?.isFleet == true && state.detail?.isFinal == false)
        func requests(_ effects: [ConsoleEffect]) -> [ServiceRequest] {
            effects.compactMap { effect -> ServiceRequest? in
                if case .request(let request) = effect { return request }
                return nil
            }
        }
        let later = Fixtures.now.addingTimeInterval(60)
        let sent = requests(ConsoleUpdate.update(&state, .tick(later)))
        #expect(sent.contains(.listChildren(parentId: parentId, pageSize: ConsoleOptions().pageSize, nextToken: nil)))
        #expect(sent.contains { if case .loadExecution(id: parentId) = $0 { return true } else { return false } })
        #expect(!sent.contains { if case .listExecutions = $0 { return true } else { return false } })
        _ = ConsoleUpdate.update(&state, .key(.escape))
        let back = requests(ConsoleUpdate.update(&state, .tick(later.addingTimeInterval(1))))
        #expect(back.contains { if case .listExecutions = $0 { return true } else { return false } })
    }

    @Test func enterOpensTheSelectedChildAndEscGoesBackAlongThePath() {
        var state = FleetFixtures.parentState()
        _ = ConsoleUpdate.update(&state, Fixtures.key("j"))
        let child = FleetNavigation.selectedChild(in: state)!
        #expect(child.automationExecutionId == state.list.children[parentId]!.rows[1].automationExecutionId)
        _ = ConsoleUpdate.update(&state, .key(.enter))
        #expect(state.detail?.id == child.automationExecutionId)
        #expect(state.path == [parentId])
        _ = ConsoleUpdate.update(&state, .key(.escape))
        #expect(state.detail?.id == parentId)
        #expect(state.path.isEmpty)
        _ = ConsoleUpdate.update(&state, .key(.escape))
        #expect(state.screen == .executions)
    }

    @Test func pGoesFromAChildToItsParent() {
        var state = FleetFixtures.expandedState()
        state.list.selectedId = waitingChild.automationExecutionId
        _ = ConsoleUpdate.update(&state, Fixtures.key("p"))
        #expect(state.screen == .execution)
        #expect(state.detail?.id == parentId)
        var child = AutomationExecution(automationExecutionId: waitingChild.automationExecutionId)
        child.parentAutomationExecutionId = parentId
        child.automationExecutionStatus = .waiting
        var fromChild = FleetFixtures.state()
        fromChild.list.selectedId = Fixtures.id(1)
        _ = ConsoleUpdate.update(&fromChild, .key(.enter))
        fromChild.detail = ExecutionDetail(id: child.automationExecutionId)
        _ = ConsoleUpdate.update(&fromChild, .result(.execution(child, steps: []), at: Fixtures.now))
        _ = ConsoleUpdate.update(&fromChild, Fixtures.key("p"))
        #expect(fromChild.detail?.id == parentId)
        #expect(fromChild.path == [child.automationExecutionId])
    }

    @Test func pGoesFromAnExecuteAutomationStepToTheChildItStarted() {
        var state = Fixtures.executionState(Fixtures.approvalExecution)
        var step = Fixtures.step("runChild", AutomationActionName.executeAutomation.rawValue, .inProgress, id: "step-9", startedAgo: 30)
        step.outputs = ["ExecutionId": ["c0000001-3f2a-4b6c-8d1e-0000feed0001"]]
        state.detail?.steps = [step]
        state.detail?.selectedStep = 0
        _ = ConsoleUpdate.update(&state, Fixtures.key("p"))
        #expect(state.detail?.id == "c0000001-3f2a-4b6c-8d1e-0000feed0001")
        #expect(state.path == [Fixtures.id(1)])
    }

    @Test func pIsOffWithoutARelatedExecution() {
        var state = Fixtures.executionState(Fixtures.approvalExecution)
        #expect(ConsoleUpdate.update(&state, Fixtures.key("p")).isEmpty)
        #expect(state.flash?.text.contains(FleetNavigation.noRelatedReason) == true)
    }

    @Test func cancelOnAParentSaysHowManyChildrenRunAndHowManyHaveNotStarted() {
        var state = FleetFixtures.parentState()
        _ = ConsoleUpdate.update(&state, Fixtures.key("c"))
        guard case .stop(let form) = state.overlay else {
            Issue.record("no stop form")
            return
        }
        #expect(form.executionId == parentId)
        #expect(form.children?.counts.running == 5)
        #expect(form.children?.notStarted == 4)
        #expect(form.childrenText == "It is a parent: 5 running children will be cancelled and 4 not started will not start (31 already finished).")
        #expect(form.request == StopAutomationExecutionRequest(automationExecutionId: parentId, type: .cancel))
    }

    @Test func cancelOnAnExecutionWithoutChildrenSaysNothingOfChildren() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("c"))
        guard case .stop(let form) = state.overlay else {
            Issue.record("no stop form")
            return
        }
        #expect(form.childrenText == nil)
    }

    // MARK: Progress counted from the children loaded

    @Test func progressFromTheFirstPageOnlyIsMarkedPartial() {
        let state = FleetFixtures.partlyLoadedExpandedState()
        let progress = state.list.progress(of: state.list.row(withId: parentId)!)
        let firstPage = FleetFixtures.firstPageOfChildren
        #expect(!progress.complete)
        #expect(progress.counts.known == firstPage.count)
        #expect(progress.total == 40)
        #expect(progress.notStarted == nil)
        let finished = firstPage.count { $0.automationExecutionStatus?.isTerminal == true }
        #expect(progress.doneText == "\(finished)+/40")
        #expect(progress.loadedText == "\(firstPage.count) of 40 loaded")
    }

    @Test func progressIsCompleteOnceTheLastPageIsIn() {
        var state = FleetFixtures.partlyLoadedExpandedState()
        let rest = FleetFixtures.children.filter { child in
            !FleetFixtures.firstPageOfChildren.contains { $0.automationExecutionId == child.automationExecutionId }
        }
        _ = ConsoleUpdate.update(
            &state, .result(.children(parentId: parentId, rest, nextToken: nil, appended: true), at: Fixtures.now))
        let progress = state.list.progress(of: state.list.row(withId: parentId)!)
        #expect(progress.complete)
        #expect(progress.doneText == "31/40")
        #expect(progress.notStarted == 4)
        #expect(progress.loadedText == nil)
    }

    @Test func cancelOnAPartlyLoadedParentSaysItKnowsOnlyTheLoadedChildren() {
        var state = FleetFixtures.partlyLoadedParentState()
        _ = ConsoleUpdate.update(&state, Fixtures.key("c"))
        guard case .stop(let form) = state.overlay else {
            Issue.record("no stop form")
            return
        }
        let running = FleetCounts(FleetFixtures.firstPageOfChildren).running
        #expect(form.children?.notStarted == nil)
        #expect(form.childrenText == "It is a parent of 40 targets: its running children (\(running) among the 10 loaded) will be cancelled and those not started will not start.")
    }
}
