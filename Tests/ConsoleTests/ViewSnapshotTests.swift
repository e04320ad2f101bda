import AutomationDocuments
import AutomationModel
import Foundation
import Testing

@testable import Console

/// Renders given states into the cell buffer at 80x24 and 160x48 and compares them with text snapshots.
@Suite("View snapshots")
struct ViewSnapshotTests {
    static let sizes = [(80, 24), (160, 48)]

    private func check(_ name: String, _ make: (Int, Int) -> ConsoleState) {
        for (width, height) in Self.sizes {
            Snapshot.assert(ConsoleView.render(make(width, height)), named: "\(name)-\(width)x\(height)")
        }
    }

    @Test func executionsList() {
        check("executions") { Fixtures.state(width: $0, height: $1, nextToken: "page-2") }
    }

    @Test func inbox() {
        check("inbox") { width, height in
            var state = Fixtures.state(width: width, height: height)
            _ = ConsoleUpdate.update(&state, Fixtures.key("i"))
            var inbox = ExecutionQuery.all
            inbox.waitingOnHumanOnly = true
            let waiting = Fixtures.rows.filter { ExecutionSummary($0).isWaitingOnHuman }
            _ = ConsoleUpdate.update(&state, .result(.executions(inbox, waiting, nextToken: nil, appended: false), at: Fixtures.now))
            return state
        }
    }

    @Test func filterActive() {
        check("filter") { width, height in
            var state = Fixtures.state(width: width, height: height)
            _ = ConsoleUpdate.update(&state, Fixtures.key("/"))
            Fixtures.type("demo-p", into: &state)
            return state
        }
    }

    @Test func commandLineOpen() {
        check("command") { width, height in
            var state = Fixtures.state(width: width, height: height)
            _ = ConsoleUpdate.update(&state, Fixtures.key(":"))
            Fixtures.type("status Wait", into: &state)
            return state
        }
    }

    @Test func executionWithSelectedStep() {
        check("execution") { Fixtures.executionState(Fixtures.approvalExecution, width: $0, height: $1) }
    }

    @Test func longValueScrolled() {
        check("execution-scrolled") { width, height in
            var state = Fixtures.executionState(Fixtures.approvalExecution, width: width, height: height)
            _ = ConsoleUpdate.update(&state, .key(.tab))
            for _ in 0..<6 { _ = ConsoleUpdate.update(&state, Fixtures.key("j")) }
            return state
        }
    }

    /// A 3-of-4 approval with a long message and two approvals in, answered by alice, one of its approvers.
    @Test func approvalForm() {
        check("approve-form") { width, height in
            var state = Fixtures.state(width: width, height: height)
            state.list.selectedId = Fixtures.id(1)
            _ = ConsoleUpdate.update(&state, .result(.approval(executionId: Fixtures.id(1), step: Fixtures.twoDecisionApproval()), at: Fixtures.now))
            _ = ConsoleUpdate.update(&state, Fixtures.key("a"))
            Fixtures.type("Looks good, it's CHG-1042", into: &state)
            return state
        }
    }

    /// On the smallest screen the message scrolls: its tail is reached with PgDn.
    @Test func approvalFormScrolledMessage() {
        var state = Fixtures.state(width: ScreenLayout.minimumWidth, height: ScreenLayout.minimumHeight)
        state.list.selectedId = Fixtures.id(1)
        _ = ConsoleUpdate.update(&state, .result(.approval(executionId: Fixtures.id(1), step: Fixtures.twoDecisionApproval()), at: Fixtures.now))
        _ = ConsoleUpdate.update(&state, Fixtures.key("a"))
        let before = ConsoleView.render(state).text
        #expect(before.contains("Message: lines 1-"))
        for _ in 0..<5 { _ = ConsoleUpdate.update(&state, .key(.pageDown)) }
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("reject with a comment if the window has"))
        #expect(!screen.contains("CHG-1042: restart"))
        _ = ConsoleUpdate.update(&state, .key(.pageUp))
        #expect(!ConsoleView.render(state).text.contains("reject with a comment if the window has"))
    }

    @Test func stopStepConfirmation() {
        check("stopstep-confirm") { width, height in
            var state = Fixtures.executionState(Fixtures.runningExecution, width: width, height: height)
            _ = ConsoleUpdate.update(&state, Fixtures.key("x"))
            _ = ConsoleUpdate.update(&state, .key(.enter))
            return state
        }
    }

    @Test func startForm() {
        check("start-form") { width, height in
            var state = Fixtures.state(width: width, height: height)
            _ = ConsoleUpdate.update(&state, Fixtures.key("n"))
            _ = ConsoleUpdate.update(&state, .result(.documents([DocumentIdentifier(name: "Demo-Approval"), DocumentIdentifier(name: "Demo-Interactive")]), at: Fixtures.now))
            _ = ConsoleUpdate.update(&state, .key(.enter))
            var description = DocumentDescription(name: "Demo-Approval")
            description.documentVersion = "1"
            description.parameters = [
                DocumentParameter(name: "ChangeTicket", type: "String", description: "The change request this run belongs to."),
                DocumentParameter(name: "InstanceIds", type: "StringList", description: "Instances to restart.", defaultValue: "mi-00000000000000001"),
                DocumentParameter(name: "Retries", type: "Integer", defaultValue: "2"),
            ]
            _ = ConsoleUpdate.update(&state, .result(.document(description, stepNames: ["prepare", "approveChange", "applyChange"], parameterRules: .parsed([])), at: Fixtures.now))
            Fixtures.type("CHG-1042", into: &state)
            return state
        }
    }

    @Test func startFormWithPickList() throws {
        let document = try DocumentParser.parse(
            """
            schemaVersion: '0.3'
            parameters:
              Environment:
                type: String
                description: Where the change is going.
                default: development
                allowedValues: [development, staging, eu-staging, production]
              Ticket:
                type: String
                allowedPattern: '^CHG-[0-9]+$'
                maxChars: 12
            mainSteps:
              - name: ChooseEnvironment
                action: aws:pause
                inputs: {}
            """, format: .yaml)
        check("start-form-picklist") { width, height in
            var state = Fixtures.state(width: width, height: height)
            _ = ConsoleUpdate.update(&state, Fixtures.key("n"))
            _ = ConsoleUpdate.update(&state, .result(.documents([DocumentIdentifier(name: "Demo-BranchOnEnvironment")]), at: Fixtures.now))
            _ = ConsoleUpdate.update(&state, .key(.enter))
            var description = DocumentDescription(name: "Demo-BranchOnEnvironment")
            description.documentVersion = "1"
            description.parameters = document.parameters.map(\.documentParameter)
            _ = ConsoleUpdate.update(
                &state,
                .result(.document(description, stepNames: ["ChooseEnvironment"], parameterRules: .parsed(document.parameters)), at: Fixtures.now))
            _ = ConsoleUpdate.update(&state, .key(.right))
            _ = ConsoleUpdate.update(&state, .key(.right))
            return state
        }
    }

    /// Twelve parameters after the service refused the start, with the last one focused.
    private func refusedStartWithManyParameters(width: Int, height: Int) throws -> ConsoleState {
        var state = Fixtures.state(width: width, height: height)
        _ = ConsoleUpdate.update(&state, Fixtures.key("n"))
        _ = ConsoleUpdate.update(&state, .result(.documents([DocumentIdentifier(name: "Demo-Fleet")]), at: Fixtures.now))
        _ = ConsoleUpdate.update(&state, .key(.enter))
        var description = DocumentDescription(name: "Demo-Fleet")
        description.documentVersion = "2"
        description.parameters = (1...12).map { number in
            DocumentParameter(name: "Setting\(number)", type: "String", description: "Setting number \(number) of the fleet change.", defaultValue: "value-\(number)")
        }
        _ = ConsoleUpdate.update(&state, .result(.document(description, stepNames: ["apply"], parameterRules: .parsed([])), at: Fixtures.now))
        for _ in 1..<12 { _ = ConsoleUpdate.update(&state, .key(.tab)) }
        let effects = ConsoleUpdate.update(&state, .key(.enter))
        guard case .request(.startExecution(let request)) = try #require(effects.first) else {
            Issue.record("Enter did not send StartAutomationExecution: \(effects)")
            return state
        }
        let refusal = ServiceError(.invalidAutomationExecutionParametersException, "Setting12 must be one of the fleet's known values.")
        _ = ConsoleUpdate.update(&state, .result(.failed(.startExecution(request), refusal), at: Fixtures.now))
        return state
    }

    /// At 80x24 the parameters scroll so the focused last one shows, and the refusal and the key hint stay inside
    /// the box, above its bottom edge.
    @Test func startFormWithManyParametersAndARefusal() throws {
        let buffer = ConsoleView.render(try refusedStartWithManyParameters(width: 80, height: 24))
        Snapshot.assert(buffer, named: "start-form-many-parameters-80x24")
        let screen = buffer.text
        #expect(screen.contains("▶ Setting12 (String): value-12_"))
        #expect(screen.contains("InvalidAutomationExecutionParametersException: Setting12 must be one of"))
        #expect(screen.contains("Tab/↑/↓ field · ←/→ mode · Enter start · Esc cancel · * required"))
        #expect(screen.contains("↑ 10 more parameters"))
        #expect(screen.contains("Mode: [Auto]"))
        #expect(buffer.rowText(21).contains("└"))
    }

    /// On the smallest screen the console draws, the command line gives way so the focused parameter, its
    /// description, the refusal and the whole (wrapped) key hint still show inside the box.
    @Test func startFormOnTheSmallestScreenDropsTheCommandLine() throws {
        let state = try refusedStartWithManyParameters(width: ScreenLayout.minimumWidth, height: ScreenLayout.minimumHeight)
        let buffer = ConsoleView.render(state)
        let screen = buffer.text
        #expect(screen.contains("▶ Setting12 (String): value-12_"))
        #expect(screen.contains("the fleet's known values."))
        #expect(screen.contains("Enter start · Esc cancel"))
        #expect(screen.contains("* required"))
        #expect(screen.contains("Setting number 12 of the fleet change."))
        #expect(!screen.contains("Same as:"))
        #expect(buffer.rowText(ScreenLayout.minimumHeight - 3).contains("└"))
    }

    @Test func help() {
        check("help") { width, height in
            var state = Fixtures.state(width: width, height: height)
            _ = ConsoleUpdate.update(&state, Fixtures.key("?"))
            return state
        }
    }

    @Test func tooSmall() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, .resize(width: 52, height: 12))
        Snapshot.assert(ConsoleView.render(state), named: "too-small-52x12")
    }

    @Test func readOnly() {
        check("read-only") { Fixtures.state(width: $0, height: $1, readOnly: true) }
    }

    @Test func asciiGlyphs() {
        check("ascii") { width, height in
            var state = Fixtures.state(width: width, height: height, glyphs: .ascii)
            state.list.selectedId = Fixtures.id(1)
            _ = ConsoleUpdate.update(&state, Fixtures.key("r"))
            return state
        }
    }

    @Test func renderingIsDeterministic() {
        let state = Fixtures.executionState(Fixtures.approvalExecution)
        #expect(ConsoleView.render(state) == ConsoleView.render(state))
    }

    @Test func waitingRowIsMarkedWithSymbolAndColour() throws {
        let state = Fixtures.state()
        let buffer = ConsoleView.render(state)
        let approvalIndex = try #require(state.list.visibleRows.firstIndex { $0.automationExecutionId == Fixtures.id(1) })
        let row = state.layout.listTop + approvalIndex
        #expect(buffer[0, row].character == "●")
        #expect(buffer[0, row].style.color == .waiting)
        #expect(buffer.rowText(row).contains("Waiting"))
        let failedRow = try #require(state.list.visibleRows.firstIndex { $0.automationExecutionStatus == .failed })
        let y = state.layout.listTop + failedRow
        let statusX = try #require(ExecutionsView.columns(width: 80).first { $0.key == .status }).x
        #expect(buffer[statusX, y].style.color == .failure)
    }
}
