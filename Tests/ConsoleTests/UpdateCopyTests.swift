import AutomationModel
import Foundation
import Testing

@testable import Console

/// The copy keys: `y` the selected execution's ID, `Y` the `aws ssm` command that gets it, Ctrl-Y a form's
/// command; each asks the backend to copy (OSC 52) and says so; `clipboard: false` turns them off.
@Suite("Update: copying")
struct UpdateCopyTests {
    @Test func yCopiesTheSelectedExecutionsID() {
        var state = Fixtures.state()
        state.list.selectedId = Fixtures.id(2)
        let effects = ConsoleUpdate.update(&state, Fixtures.key("y"))
        #expect(effects == [.copy(Fixtures.id(2))])
        #expect(state.flash?.text == "Copied execution ID \(Fixtures.id(2)) to the clipboard (OSC 52).")
        #expect(ConsoleView.render(state).text.contains("Copied execution ID"))
    }

    @Test func shiftYCopiesTheCommandLine() {
        var state = Fixtures.executionState(Fixtures.approvalExecution)
        let effects = ConsoleUpdate.update(&state, Fixtures.key("Y"))
        #expect(effects == [.copy(
            "aws ssm get-automation-execution --profile ops --region eu-west-1 --endpoint-url http://127.0.0.1:4583 --automation-execution-id \(Fixtures.id(1))")])
    }

    @Test func ctrlYCopiesTheOpenFormsCommand() {
        var state = Fixtures.state()
        state.list.selectedId = Fixtures.id(1)
        _ = ConsoleUpdate.update(&state, Fixtures.key("a"))
        Fixtures.type("ok", into: &state)
        let effects = ConsoleUpdate.update(&state, .key(.control("y")))
        guard case .signal(let form) = state.overlay else {
            Issue.record("the form closed")
            return
        }
        #expect(form.comment == "ok", "Ctrl-Y does not type")
        #expect(effects == [.copy(form.commandLine(target: state.target))])
        #expect(form.commandLine(target: state.target).contains("--signal-type Approve --payload"))
    }

    @Test func clipboardOffTurnsTheCopyKeysOff() {
        var state = Fixtures.state()
        state.options.clipboard = false
        state.list.selectedId = Fixtures.id(2)
        #expect(ConsoleUpdate.update(&state, Fixtures.key("y")).isEmpty)
        #expect(state.flash?.text == "y Copy ID: copying is off (clipboard: false in the config file)")
    }
}
