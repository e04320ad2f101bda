import AutomationModel
import Foundation
import Testing

@testable import Console

/// The start form (documents, typed parameters checked before sending, mode) and the stop confirmation.
@Suite("Forms: start and stop")
struct FormStartStopTests {
    private func startForm(_ state: ConsoleState) throws -> StartForm {
        guard case .start(let form)? = state.overlay else { throw FormProblem("no start form open") }
        return form
    }

    private func openParameters(_ parameters: [DocumentParameter]) -> ConsoleState {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("n"))
        _ = ConsoleUpdate.update(&state, .result(.documents([DocumentIdentifier(name: "Demo-B"), DocumentIdentifier(name: "Demo-A")]), at: Fixtures.now))
        _ = ConsoleUpdate.update(&state, .key(.down))
        _ = ConsoleUpdate.update(&state, .key(.enter))
        var description = DocumentDescription(name: "Demo-B")
        description.documentVersion = "3"
        description.parameters = parameters
        _ = ConsoleUpdate.update(&state, .result(.document(description, stepNames: ["one"], parameterRules: .parsed([])), at: Fixtures.now))
        return state
    }

    @Test func nListsDocumentsThenDescribesThePickedOne() throws {
        var state = Fixtures.state()
        #expect(ConsoleUpdate.update(&state, Fixtures.key("n")) == [.request(.listDocuments)])
        _ = ConsoleUpdate.update(&state, .result(.documents([DocumentIdentifier(name: "Demo-B"), DocumentIdentifier(name: "Demo-A")]), at: Fixtures.now))
        #expect(try startForm(state).documents == ["Demo-A", "Demo-B"])
        _ = ConsoleUpdate.update(&state, .key(.down))
        #expect(ConsoleUpdate.update(&state, .key(.enter)) == [.request(.describeDocument(name: "Demo-B", version: nil))])
        #expect(try startForm(state).step == .loadingDocument)
    }

    @Test func parametersAreCheckedBeforeSending() throws {
        var state = openParameters([
            DocumentParameter(name: "Ticket", type: "String"),
            DocumentParameter(name: "Count", type: "Integer", defaultValue: "2"),
            DocumentParameter(name: "Ids", type: "StringList", defaultValue: ""),
        ])
        #expect(ConsoleUpdate.update(&state, .key(.enter)).isEmpty)
        #expect(try startForm(state).error == "Ticket is required (String, text)")
        Fixtures.type("CHG-1", into: &state)
        _ = ConsoleUpdate.update(&state, .key(.tab))
        _ = ConsoleUpdate.update(&state, .key(.backspace))
        Fixtures.type("x", into: &state)
        #expect(ConsoleUpdate.update(&state, .key(.enter)).isEmpty)
        #expect(try startForm(state).error == "Count must be a whole number such as 42; got 'x'")
        _ = ConsoleUpdate.update(&state, .key(.backspace))
        Fixtures.type("7", into: &state)
        _ = ConsoleUpdate.update(&state, .key(.tab))
        Fixtures.type("i-1, i-2", into: &state)
        _ = ConsoleUpdate.update(&state, .key(.tab))
        #expect(try startForm(state).isModeFocused)
        _ = ConsoleUpdate.update(&state, .key(.right))
        let effects = ConsoleUpdate.update(&state, .key(.enter))
        let request = StartAutomationExecutionRequest(
            documentName: "Demo-B", documentVersion: "3", parameters: ["Ticket": ["CHG-1"], "Count": ["7"], "Ids": ["i-1", "i-2"]],
            mode: .interactive)
        #expect(effects == [.request(.startExecution(request))])
        #expect(try startForm(state).step == .sending)
    }

    @Test(arguments: [
        ("Boolean", "yes", "Flag must be true or false; got 'yes'"),
        ("StringMap", "[1]", "Flag must be a JSON object such as {\"Key\":\"Value\"}"),
        ("MapList", "{\"a\":1}", "Flag must be a JSON array of objects such as [{\"Key\":\"Value\"}]"),
    ])
    func typedValuesAreChecked(_ type: String, _ value: String, _ message: String) {
        var field = ParameterField(DocumentParameter(name: "Flag", type: type))
        field.value = value
        #expect(field.wireValue() == .failure(FormProblem(message)))
    }

    @Test func mapListBecomesOneJSONObjectPerValue() {
        var field = ParameterField(DocumentParameter(name: "Targets", type: "MapList"))
        field.value = "[{\"Key\":\"Name\"},{\"Key\":\"Env\"}]"
        #expect(field.wireValue() == .success(["{\"Key\":\"Name\"}", "{\"Key\":\"Env\"}"]))
    }

    @Test func startedOpensTheNewExecution() {
        var state = openParameters([])
        _ = ConsoleUpdate.update(&state, .key(.enter))
        let request = StartAutomationExecutionRequest(documentName: "Demo-B", documentVersion: "3", mode: .auto)
        let effects = ConsoleUpdate.update(&state, .result(.started(request, executionId: "new-id"), at: Fixtures.now))
        #expect(state.overlay == nil)
        #expect(state.screen == .execution)
        #expect(state.detail?.id == "new-id")
        #expect(effects == [.request(.loadExecution(id: "new-id")), .request(.listExecutions(.all, pageSize: 50))])
        #expect(state.flash?.text == "Started Demo-B: new-id")
    }

    @Test func startRefusalKeepsTheParameters() throws {
        var state = openParameters([DocumentParameter(name: "Ticket", type: "String", defaultValue: "CHG-9")])
        _ = ConsoleUpdate.update(&state, .key(.enter))
        let request = StartAutomationExecutionRequest(documentName: "Demo-B", documentVersion: "3", parameters: ["Ticket": ["CHG-9"]], mode: .auto)
        let error = ServiceError(.invalidAutomationExecutionParametersException, "Ticket must match ^CHG-[0-9]{4}$.")
        _ = ConsoleUpdate.update(&state, .result(.failed(.startExecution(request), error), at: Fixtures.now))
        let form = try startForm(state)
        #expect(form.step == .editingParameters)
        #expect(form.fields.first?.value == "CHG-9")
        #expect(form.error == "InvalidAutomationExecutionParametersException: Ticket must match ^CHG-[0-9]{4}$.")
    }

    @Test func documentListAndDescribeFailuresShowInTheForm() throws {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("n"))
        _ = ConsoleUpdate.update(&state, .result(.failed(.listDocuments, ServiceError(.internalServerError, "boom")), at: Fixtures.now))
        #expect(try startForm(state).error == "ListDocuments failed: InternalServerError: boom")
        var picked = openParameters([])
        picked.overlay = .start({ var form = StartForm(); form.step = .loadingDocument; form.documentName = "Demo-B"; form.documents = ["Demo-B"]; return form }())
        _ = ConsoleUpdate.update(&picked, .result(.failed(.describeDocument(name: "Demo-B", version: nil), ServiceError(.invalidDocument, "gone")), at: Fixtures.now))
        #expect(try startForm(picked).step == .pickingDocument)
        #expect(try startForm(picked).error == "DescribeDocument failed: InvalidDocument: gone")
    }

    @Test func aFailedDocumentListShowsItsErrorAndRetriesOnEnterOrR() throws {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("n"))
        _ = ConsoleUpdate.update(&state, .result(.failed(.listDocuments, ServiceError(.internalServerError, "boom")), at: Fixtures.now))
        #expect(try startForm(state).step == .documentsFailed)
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("ListDocuments failed: InternalServerError: boom"))
        #expect(screen.contains("Enter/R try again"))
        #expect(!screen.contains("loading..."))
        #expect(ConsoleUpdate.update(&state, .key(.enter)) == [.request(.listDocuments)])
        #expect(try startForm(state).step == .loadingDocuments)
        #expect(try startForm(state).error == nil)
        _ = ConsoleUpdate.update(&state, .result(.failed(.listDocuments, ServiceError(.internalServerError, "boom")), at: Fixtures.now))
        #expect(ConsoleUpdate.update(&state, Fixtures.key("R")) == [.request(.listDocuments)])
        _ = ConsoleUpdate.update(&state, .result(.documents([DocumentIdentifier(name: "Demo-B")]), at: Fixtures.now))
        #expect(try startForm(state).step == .pickingDocument)
        #expect(try startForm(state).documents == ["Demo-B"])
        // Esc still cancels after a failure.
        _ = ConsoleUpdate.update(&state, .key(.escape))
        _ = ConsoleUpdate.update(&state, Fixtures.key("n"))
        _ = ConsoleUpdate.update(&state, .result(.failed(.listDocuments, ServiceError(.internalServerError, "boom")), at: Fixtures.now))
        _ = ConsoleUpdate.update(&state, .key(.escape))
        #expect(state.overlay == nil)
    }

    @Test func stopCancelsAnAutoExecutionAfterY() {
        var state = Fixtures.state()
        state.list.selectedId = Fixtures.id(2)
        #expect(ConsoleUpdate.update(&state, Fixtures.key("c")).isEmpty)
        #expect(state.overlay == .stop(StopForm(executionId: Fixtures.id(2), type: .cancel)))
        #expect(ConsoleView.render(state).text.contains("Cancel execution \(Fixtures.id(2))?"))
        let effects = ConsoleUpdate.update(&state, Fixtures.key("y"))
        let request = StopAutomationExecutionRequest(automationExecutionId: Fixtures.id(2), type: .cancel)
        #expect(effects == [.request(.stopExecution(request))])
        let reload = ConsoleUpdate.update(&state, .result(.stopped(request), at: Fixtures.now))
        #expect(state.overlay == nil)
        #expect(state.flash?.text == "Cancel sent to \(Fixtures.id(2))")
        #expect(reload == [.request(.listExecutions(.all, pageSize: 50))])
    }

    @Test func stopCompletesAnInteractiveExecutionBetweenSteps() {
        var state = Fixtures.state()
        state.list.selectedId = Fixtures.id(5)
        _ = ConsoleUpdate.update(&state, Fixtures.key("c"))
        #expect(state.overlay == .stop(StopForm(executionId: Fixtures.id(5), type: .complete)))
        _ = ConsoleUpdate.update(&state, Fixtures.key("n"))
        #expect(state.overlay == nil)
    }

    @Test func stopRefusalStaysOpenWithTheError() {
        var state = Fixtures.state()
        state.list.selectedId = Fixtures.id(2)
        _ = ConsoleUpdate.update(&state, Fixtures.key("c"))
        _ = ConsoleUpdate.update(&state, Fixtures.key("y"))
        let request = StopAutomationExecutionRequest(automationExecutionId: Fixtures.id(2), type: .cancel)
        _ = ConsoleUpdate.update(&state, .result(.failed(.stopExecution(request), ServiceError(.invalidAutomationStatusUpdateException, "Already ended.")), at: Fixtures.now))
        var expected = StopForm(executionId: Fixtures.id(2), type: .cancel)
        expected.error = "InvalidAutomationStatusUpdateException: Already ended."
        #expect(state.overlay == .stop(expected))
    }
}
