import AutomationDocuments
import AutomationModel
import Foundation
import Testing

@testable import Console

/// Signal keys: which are offered, the forms they open, what they send, and how answers and refusals land.
@Suite("Update: signals")
struct UpdateSignalTests {
    private func listState(selecting n: Int, readOnly: Bool = false) -> ConsoleState {
        var state = Fixtures.state(readOnly: readOnly)
        state.list.selectedId = Fixtures.id(n)
        return state
    }

    private func signalForm(_ state: ConsoleState) throws -> SignalForm {
        guard case .signal(let form)? = state.overlay else { throw FormProblem("no signal form open") }
        return form
    }

    @Test func approveSendsTheCommentAndShowsTheCommandLine() throws {
        var state = listState(selecting: 1)
        #expect(ConsoleUpdate.update(&state, Fixtures.key("a")).isEmpty)
        Fixtures.type("ok by me", into: &state)
        let form = try signalForm(state)
        #expect(form.commandLine(target: Fixtures.target) == "aws ssm send-automation-signal --profile ops --region eu-west-1 --endpoint-url http://127.0.0.1:4583 --automation-execution-id \(Fixtures.id(1)) --signal-type Approve --payload '{\"Comment\":[\"ok by me\"]}'")
        let effects = ConsoleUpdate.update(&state, .key(.enter))
        let request = SendAutomationSignalRequest(automationExecutionId: Fixtures.id(1), signalType: .approve, payload: ["Comment": ["ok by me"]])
        #expect(effects == [.request(.sendSignal(request))])
        #expect(try signalForm(state).phase == .sending)
        // Keys are ignored while sending.
        #expect(ConsoleUpdate.update(&state, .key(.enter)).isEmpty)
    }

    @Test func approveWithoutACommentSendsNoPayload() {
        var state = listState(selecting: 1)
        _ = ConsoleUpdate.update(&state, Fixtures.key("a"))
        #expect(ConsoleUpdate.update(&state, .key(.enter)) == [.request(.sendSignal(SendAutomationSignalRequest(automationExecutionId: Fixtures.id(1), signalType: .approve)))])
    }

    @Test func signalSentClosesTheFormFlashesAndReloads() {
        var state = Fixtures.executionState(Fixtures.approvalExecution)
        _ = ConsoleUpdate.update(&state, Fixtures.key("a"))
        _ = ConsoleUpdate.update(&state, .key(.enter))
        let request = SendAutomationSignalRequest(automationExecutionId: Fixtures.id(1), signalType: .approve)
        let effects = ConsoleUpdate.update(&state, .result(.signalSent(request), at: Fixtures.now))
        #expect(state.overlay == nil)
        // The new count shows at once: alice's approval is added until the service is read again.
        #expect(state.flash == Flash(text: "Approve sent to \(Fixtures.id(1)): 1 of 1 approval", kind: .success, expires: Fixtures.now.addingTimeInterval(5)))
        #expect(effects == [.title("ssm-console"), .request(.loadExecution(id: Fixtures.id(1))), .request(.listExecutions(.all, pageSize: 50))])
    }

    @Test func refusalKeepsTheFormAndItsInput() throws {
        var state = listState(selecting: 1)
        _ = ConsoleUpdate.update(&state, Fixtures.key("r"))
        Fixtures.type("not in the window", into: &state)
        // Reject asks for y first; n goes back to the form.
        #expect(ConsoleUpdate.update(&state, .key(.enter)).isEmpty)
        #expect(try signalForm(state).phase == .confirming)
        _ = ConsoleUpdate.update(&state, Fixtures.key("n"))
        #expect(try signalForm(state).phase == .editing)
        _ = ConsoleUpdate.update(&state, .key(.enter))
        let effects = ConsoleUpdate.update(&state, Fixtures.key("y"))
        let request = SendAutomationSignalRequest(automationExecutionId: Fixtures.id(1), signalType: .reject, payload: ["Comment": ["not in the window"]])
        #expect(effects == [.request(.sendSignal(request))])
        let error = ServiceError(.invalidAutomationSignalException, "arn:x is not an approver of step approveChange.")
        _ = ConsoleUpdate.update(&state, .result(.failed(.sendSignal(request), error), at: Fixtures.now))
        let form = try signalForm(state)
        #expect(form.phase == .editing)
        #expect(form.comment == "not in the window")
        #expect(form.error == "InvalidAutomationSignalException: arn:x is not an approver of step approveChange.")
        #expect(ConsoleView.render(state).text.contains("InvalidAutomationSignalException: arn:x is not an approver"))
    }

    @Test func escCancelsAForm() {
        var state = listState(selecting: 1)
        _ = ConsoleUpdate.update(&state, Fixtures.key("a"))
        #expect(ConsoleUpdate.update(&state, .key(.escape)).isEmpty)
        #expect(state.overlay == nil)
    }

    @Test(arguments: [
        (2, Character("a"), "a Approve: not waiting on approval"), (6, "r", "r Reject: waits on Resume, not an approval"),
        (1, "u", "u Resume: no paused step"), (1, "s", "s StartStep: StartStep is for Interactive executions"),
        (2, "s", "s StartStep: StartStep is for Interactive executions"), (5, "x", "x StopStep: no running step"),
        (3, "a", "a Approve: execution has ended (Success)"), (7, "c", "c Stop: execution has ended (Cancelled)"),
    ])
    func signalsThatMakeNoSenseAreRefusedWithAReason(_ n: Int, _ key: Character, _ reason: String) {
        var state = listState(selecting: n)
        #expect(ConsoleUpdate.update(&state, Fixtures.key(key)).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.flash?.text == reason)
        #expect(ConsoleView.render(state).rowText(22).hasPrefix(reason))
    }

    @Test func theStatusLineSaysWhySignalsAreOff() {
        let state = listState(selecting: 1)
        #expect(ChromeView.offActionsText(state) == "off: s StartStep is for Interactive executions · u no paused step")
        let ended = listState(selecting: 3)
        #expect(ChromeView.offActionsText(ended) == "off: a r s x u c execution has ended (Success)")
        #expect(ConsoleView.render(ended).rowText(22).hasPrefix("off: a r s x u c execution has ended (Success)"))
        #expect(ChromeView.offActionsText(listState(selecting: 3, readOnly: true)) == nil)
    }

    @Test func resumeOffersThePausedStep() throws {
        var state = listState(selecting: 6)
        _ = ConsoleUpdate.update(&state, Fixtures.key("u"))
        #expect(try signalForm(state).choices.map(\.value) == ["pauseForCheck"])
        let effects = ConsoleUpdate.update(&state, .key(.enter))
        #expect(effects == [.request(.sendSignal(SendAutomationSignalRequest(automationExecutionId: Fixtures.id(6), signalType: .resume, payload: ["StepName": ["pauseForCheck"]])))])
    }

    @Test func startStepFromTheListLoadsStepsAndDocumentThenOffersValidNextStepsFirst() throws {
        var state = listState(selecting: 5)
        let effects = ConsoleUpdate.update(&state, Fixtures.key("s"))
        #expect(effects == [.request(.loadExecution(id: Fixtures.id(5))), .request(.describeDocument(name: "Demo-Interactive", version: "1"))])
        #expect(try signalForm(state).phase == .loading)
        // Enter does nothing until the steps are known.
        #expect(ConsoleUpdate.update(&state, .key(.enter)).isEmpty)
        let (execution, steps) = Fixtures.interactiveExecution
        _ = ConsoleUpdate.update(&state, .result(.execution(execution, steps: steps), at: Fixtures.now))
        #expect(try signalForm(state).phase == .loading)
        var description = DocumentDescription(name: "Demo-Interactive")
        description.documentVersion = "1"
        _ = ConsoleUpdate.update(&state, .result(.document(description, stepNames: ["checkHealth", "notify", "restartService", "finish"], parameterRules: .parsed([])), at: Fixtures.now))
        let form = try signalForm(state)
        #expect(form.phase == .editing)
        #expect(form.choices.map(\.value) == ["restartService", "notify", "checkHealth", "finish"])
        _ = ConsoleUpdate.update(&state, .key(.down))
        let sent = ConsoleUpdate.update(&state, .key(.enter))
        #expect(sent == [.request(.sendSignal(SendAutomationSignalRequest(automationExecutionId: Fixtures.id(5), signalType: .startStep, payload: ["StepName": ["notify"]])))])
    }

    /// An Interactive execution waiting inside a loop, after the first iteration: StartStep from a step's row
    /// inside the loop offers the loop's own steps by their own names (not the row's iteration label, not the
    /// document's top-level steps, which the service refuses inside the loop), the next one first.
    @Test func startStepInsideALoopSendsTheLoopStepsOwnName() throws {
        var execution = AutomationExecution(automationExecutionId: Fixtures.id(5))
        execution.documentName = "Demo-Interactive"
        execution.documentVersion = "1"
        execution.automationExecutionStatus = .waiting
        execution.mode = .interactive
        execution.executionStartTime = Fixtures.now.addingTimeInterval(-600)
        var before = Fixtures.step("Before", "aws:sleep", .success, id: "s-before", startedAgo: 600, endedAgo: 599)
        before.validNextSteps = ["Each"]
        let loop = Fixtures.step("Each", "aws:loop", .inProgress, id: "s-each", startedAgo: 590)
        func nested(_ name: String, _ id: String, iteration: Int, value: String, ended: TimeInterval, next: [String]) -> StepExecution {
            var step = Fixtures.step(name, "aws:sleep", .success, id: id, startedAgo: ended + 1, endedAgo: ended)
            step.parentStepDetails = ParentStepDetails(
                stepExecutionId: "s-each", stepName: "Each", action: "aws:loop", iteration: iteration, iteratorValue: value)
            step.validNextSteps = next
            return step
        }
        // As the service lists them: by start time.
        let steps = [
            before, loop, nested("First", "s-1", iteration: 1, value: "a", ended: 580, next: ["Second"]),
            nested("Second", "s-2", iteration: 1, value: "a", ended: 570, next: ["First"]),
            Fixtures.step("After", "aws:sleep", .pending, id: "s-after", startedAgo: nil),
        ]
        var state = Fixtures.executionState((execution, steps))
        // The row of the loop's step "Second".
        let rowIndex = try #require(state.detail?.steps.firstIndex { $0.stepExecutionId == "s-2" })
        state.detail?.selectedStep = rowIndex
        #expect(StepRowText.name(state.detail!.steps[rowIndex]) == "  [1: a] Second")
        _ = ConsoleUpdate.update(&state, Fixtures.key("s"))
        var description = DocumentDescription(name: "Demo-Interactive")
        description.documentVersion = "1"
        _ = ConsoleUpdate.update(&state, .result(.document(
            description, stepNames: ["Before", "Each", "After"], parameterRules: .parsed([]),
            loopSteps: ["Each": ["First", "Second"]]), at: Fixtures.now))
        let form = try signalForm(state)
        #expect(form.phase == .editing)
        #expect(form.choices.map(\.value) == ["First", "Second"])
        let sent = ConsoleUpdate.update(&state, .key(.enter))
        #expect(sent == [.request(.sendSignal(SendAutomationSignalRequest(
            automationExecutionId: Fixtures.id(5), signalType: .startStep, payload: ["StepName": ["First"]])))])
    }

    /// The names the console offers inside a loop come from the document: each loop's own steps, nested too.
    @Test func theDocumentsLoopStepsAreReadByLoop() throws {
        let document = try DocumentParser.parse(
            """
            schemaVersion: '0.3'
            mainSteps:
              - name: Outer
                action: aws:loop
                inputs:
                  Iterators: [a]
                  Steps:
                    - name: Inner
                      action: aws:loop
                      inputs:
                        Iterators: [b]
                        Steps:
                          - {name: Deep, action: aws:sleep, inputs: {Duration: PT0S}}
                    - {name: Then, action: aws:sleep, inputs: {Duration: PT0S}}
              - {name: Last, action: aws:sleep, inputs: {Duration: PT0S}}
            """, format: .yaml)
        #expect(ServiceCalls.loopSteps(document.mainSteps) == ["Outer": ["Inner", "Then"], "Inner": ["Deep"]])
    }

    @Test func startStepSaysWhenTheDocumentsContentCannotBeParsed() throws {
        var state = Fixtures.executionState(Fixtures.interactiveExecution)
        _ = ConsoleUpdate.update(&state, Fixtures.key("s"))
        var description = DocumentDescription(name: "Demo-Interactive")
        description.documentVersion = "1"
        let rules = ParameterRules.unavailable(reason: "mainSteps must be a list.")
        _ = ConsoleUpdate.update(&state, .result(.document(description, stepNames: [], parameterRules: rules), at: Fixtures.now))
        let form = try signalForm(state)
        #expect(form.phase == .editing)
        #expect(form.choices.map(\.value) == ["restartService", "notify"])
        #expect(form.error == "The document's content could not be read, so only ValidNextSteps are offered: mainSteps must be a list.")
    }

    @Test func startStepStillWorksWhenTheDocumentCannotBeRead() throws {
        var state = Fixtures.executionState(Fixtures.interactiveExecution)
        _ = ConsoleUpdate.update(&state, Fixtures.key("s"))
        let error = ServiceError(.invalidDocument, "No document.")
        _ = ConsoleUpdate.update(&state, .result(.failed(.describeDocument(name: "Demo-Interactive", version: "1"), error), at: Fixtures.now))
        let form = try signalForm(state)
        #expect(form.phase == .editing)
        #expect(form.choices.map(\.value) == ["restartService", "notify"])
        #expect(form.error == "DescribeDocument failed: InvalidDocument: No document.")
    }

    @Test func stopStepOffersRunningStepsAndAsksForConfirmation() throws {
        var state = Fixtures.executionState(Fixtures.runningExecution)
        #expect(ConsoleUpdate.update(&state, Fixtures.key("x")).isEmpty)
        let form = try signalForm(state)
        #expect(form.choices.map(\.value) == ["step-0201"])
        #expect(ConsoleUpdate.update(&state, .key(.enter)).isEmpty)
        #expect(try signalForm(state).phase == .confirming)
        let effects = ConsoleUpdate.update(&state, Fixtures.key("y"))
        #expect(effects == [.request(.sendSignal(SendAutomationSignalRequest(automationExecutionId: Fixtures.id(2), signalType: .stopStep, payload: ["StepExecutionId": ["step-0201"]])))])
    }

    @Test func stopStepFromTheListWaitsForTheSteps() throws {
        var state = listState(selecting: 2)
        #expect(ConsoleUpdate.update(&state, Fixtures.key("x")) == [.request(.loadExecution(id: Fixtures.id(2)))])
        let error = ServiceError(.automationExecutionNotFoundException, "Gone.")
        _ = ConsoleUpdate.update(&state, .result(.failed(.loadExecution(id: Fixtures.id(2)), error), at: Fixtures.now))
        let form = try signalForm(state)
        #expect(form.phase == .editing)
        #expect(form.error == "AutomationExecutionNotFoundException: Gone.")
        _ = ConsoleUpdate.update(&state, .key(.enter))
        #expect(try signalForm(state).error == "no step to choose")
    }

    @Test func readOnlyRemovesSignalsStartAndStop() {
        for key: Character in ["a", "r", "s", "x", "u", "n", "c"] {
            var state = listState(selecting: 1, readOnly: true)
            #expect(ConsoleUpdate.update(&state, Fixtures.key(key)).isEmpty)
            #expect(state.overlay == nil)
            #expect(state.flash?.text == "Read-only: signals, start and stop are turned off.")
        }
        let state = listState(selecting: 1, readOnly: true)
        let changes = ActionTable.available(in: state).filter(\.isChange)
        #expect(changes.isEmpty)
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("READ-ONLY"))
        #expect(!screen.contains("Approve"))
        let help = HelpView.lines(state).map(\.0).joined(separator: "\n")
        #expect(!help.contains("Approve"))
        #expect(!help.contains("Start"))
    }

    @Test func everySignalIsInTheTableWithItsKey() {
        let keys = Dictionary(uniqueKeysWithValues: ActionTable.all.compactMap { action in
            ActionTable.signalType(of: action.id).map { ($0, action.keys) }
        })
        #expect(keys == [.approve: [.character("a")], .reject: [.character("r")], .startStep: [.character("s")], .stopStep: [.character("x")], .resume: [.character("u")], .revoke: [.character("v")]])
        #expect(ActionTable.all.filter(\.isDangerous).map(\.id) == [.reject, .stopStep, .revoke, .stopExecution])
    }

    @Test func signalsComeFromTheTableAndRevokeOnlyForChangeRequests() {
        let signals = ConsoleAction.ID.allCases.compactMap { id in ActionTable.signalType(of: id).map { (id, $0) } }
        #expect(signals.map(\.0) == [.approve, .reject, .startStep, .stopStep, .resume, .revoke])
        #expect(signals.map(\.1) == [.approve, .reject, .startStep, .stopStep, .resume, .revoke])
        // An ordinary execution: Revoke is off, and the status line does not bother saying so.
        var state = listState(selecting: 1)
        #expect(ConsoleUpdate.update(&state, Fixtures.key("v")).isEmpty)
        #expect(state.flash?.text == "v Revoke: not a change request")
        #expect(ChromeView.offActionsText(listState(selecting: 1))?.contains("not a change request") == false)
        for action in ActionTable.all where action.signal != nil {
            #expect(action.title == action.signal?.rawValue)
            #expect(action.isChange)
        }
    }
}
