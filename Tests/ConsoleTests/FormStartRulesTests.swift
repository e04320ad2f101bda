import AutomationDocuments
import AutomationModel
import Foundation
import Testing

@testable import Console

/// The start form with the rules from the document's content: allowed values as a pick-list, and pattern,
/// length and item-count rules checked before StartAutomationExecution is sent.
@Suite("Forms: start form parameter rules")
struct FormStartRulesTests {
    static let content = """
        schemaVersion: '0.3'
        parameters:
          Environment:
            type: String
            allowedValues: [development, staging, production]
          Ticket:
            type: String
            default: CHG-1
            allowedPattern: '^CHG-[0-9]+$'
            maxChars: 8
          Targets:
            type: StringList
            default: [web-1]
            allowedValues: [web-1, web-2, web-3]
            maxItems: 2
        mainSteps:
          - name: hold
            action: aws:pause
            inputs: {}
        """

    private func startForm(_ state: ConsoleState) throws -> StartForm {
        guard case .start(let form)? = state.overlay else { throw FormProblem("no start form open") }
        return form
    }

    /// The form on `Deploy`, described the way the local engine answers DescribeDocument for `content`.
    private func openForm(rules: ParameterRules? = nil) throws -> ConsoleState {
        let document = try DocumentParser.parse(Self.content, format: .yaml)
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("n"))
        _ = ConsoleUpdate.update(&state, .result(.documents([DocumentIdentifier(name: "Deploy")]), at: Fixtures.now))
        _ = ConsoleUpdate.update(&state, .key(.enter))
        var description = DocumentDescription(name: "Deploy")
        description.documentVersion = "1"
        description.parameters = document.parameters.map(\.documentParameter)
        let rules = rules ?? .parsed(document.parameters)
        _ = ConsoleUpdate.update(&state, .result(.document(description, stepNames: ["hold"], parameterRules: rules), at: Fixtures.now))
        return state
    }

    private func value(_ state: ConsoleState, _ index: Int) throws -> String { try startForm(state).fields[index].value }

    @Test func allowedValuesArePickedWithLeftRightAndSpace() throws {
        var state = try openForm()
        let form = try startForm(state)
        #expect(form.fields.map(\.isPickList) == [true, false, false], "a StringList takes several values, so it is typed")
        #expect(try value(state, 0) == "")
        _ = ConsoleUpdate.update(&state, .key(.right))
        #expect(try value(state, 0) == "development")
        _ = ConsoleUpdate.update(&state, Fixtures.key(" "))
        #expect(try value(state, 0) == "staging")
        _ = ConsoleUpdate.update(&state, .key(.left))
        _ = ConsoleUpdate.update(&state, .key(.left))
        #expect(try value(state, 0) == "production", "Left wraps from the first value to the last")
        Fixtures.type("x", into: &state)
        #expect(try value(state, 0) == "production", "typing cannot make a value outside the allowed ones")
        _ = ConsoleUpdate.update(&state, .key(.backspace))
        #expect(try value(state, 0) == "")
        #expect(ConsoleUpdate.update(&state, .key(.enter)).isEmpty)
        #expect(try startForm(state).error == "Environment is required (String, text)")
        // Down still moves to the next field.
        _ = ConsoleUpdate.update(&state, .key(.down))
        #expect(try startForm(state).focus == 1)
    }

    @Test func anAllowedValueIsAcceptedAndSent() throws {
        var state = try openForm()
        _ = ConsoleUpdate.update(&state, .key(.left))
        let effects = ConsoleUpdate.update(&state, .key(.enter))
        let request = StartAutomationExecutionRequest(
            documentName: "Deploy", documentVersion: "1",
            parameters: ["Environment": ["production"], "Ticket": ["CHG-1"], "Targets": ["web-1"]], mode: .auto)
        #expect(effects == [.request(.startExecution(request))])
        #expect(try startForm(state).error == nil)
    }

    @Test func aValueOutsideTheAllowedPatternIsRefusedNamingTheParameterAndThePattern() throws {
        var state = try openForm()
        _ = ConsoleUpdate.update(&state, .key(.right))
        _ = ConsoleUpdate.update(&state, .key(.tab))
        for _ in 0..<5 { _ = ConsoleUpdate.update(&state, .key(.backspace)) }
        Fixtures.type("chg-7", into: &state)
        #expect(ConsoleUpdate.update(&state, .key(.enter)).isEmpty)
        #expect(try startForm(state).error == "Parameter 'Ticket' must match the pattern ^CHG-[0-9]+$; 'chg-7' does not.")
        for _ in 0..<5 { _ = ConsoleUpdate.update(&state, .key(.backspace)) }
        Fixtures.type("CHG-12345", into: &state)
        #expect(ConsoleUpdate.update(&state, .key(.enter)).isEmpty)
        #expect(try startForm(state).error == "Parameter 'Ticket' must be at most 8 characters long; 'CHG-12345' has 9.")
        _ = ConsoleUpdate.update(&state, .key(.backspace))
        #expect(ConsoleUpdate.update(&state, .key(.enter)).count == 1)
    }

    @Test func aStringListIsCheckedItemByItemAndByCount() throws {
        var state = try openForm()
        _ = ConsoleUpdate.update(&state, .key(.right))
        _ = ConsoleUpdate.update(&state, .key(.tab))
        _ = ConsoleUpdate.update(&state, .key(.tab))
        Fixtures.type(", web-9", into: &state)
        #expect(ConsoleUpdate.update(&state, .key(.enter)).isEmpty)
        #expect(try startForm(state).error == "Parameter 'Targets' must be one of: web-1, web-2, web-3; got 'web-9'.")
        for _ in 0..<5 { _ = ConsoleUpdate.update(&state, .key(.backspace)) }
        Fixtures.type("web-2, web-3", into: &state)
        #expect(ConsoleUpdate.update(&state, .key(.enter)).isEmpty)
        #expect(try startForm(state).error == "Parameter 'Targets' takes at most 2 items; it has 3.")
    }

    @Test func unreadableContentLeavesTheTypesAndSaysSo() throws {
        var state = try openForm(rules: .unavailable(reason: "schemaVersion 0.4 is not supported"))
        let form = try startForm(state)
        #expect(form.rulesNote?.contains("schemaVersion 0.4 is not supported") == true)
        #expect(form.fields.allSatisfy { $0.rules == nil && !$0.isPickList })
        // Without the rules, any String is sent as typed; the service checks it.
        Fixtures.type("anywhere", into: &state)
        let effects = ConsoleUpdate.update(&state, .key(.enter))
        guard case .request(.startExecution(let request))? = effects.first else {
            Issue.record("expected a start request, got \(effects)")
            return
        }
        #expect(request.parameters?["Environment"] == ["anywhere"])
    }
}
