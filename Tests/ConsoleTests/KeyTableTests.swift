import Testing

@testable import Console

/// The generic key table: lookup in table order past rows that are off, text rows, and hints.
@Suite("Key tables")
struct KeyTableTests {
    enum Command: Sendable, Hashable { case choose, pick, type, leave }

    static let table = KeyTable<Command>(.parameters, [
        KeyBinding([.left], .choose, label: "←", title: "choose", whyNot: { _ in "nothing to choose" }),
        KeyBinding([.right], .choose, label: "→", title: "choose"),
        KeyBinding([.character(" ")], .pick, label: "Space", title: "choose", inHints: false, whyNot: { _ in "typed" }),
        KeyBinding([.escape], .leave, label: "Esc", title: "cancel"),
        .text(.type, title: "type the value"),
    ])

    @Test func aKeyRunsTheFirstRowThatIsOn() {
        let state = Fixtures.state()
        // Space's own row is off, so Space is typed.
        #expect(Self.table.command(for: .character(" "), in: state) == .type)
        #expect(Self.table.command(for: .character("x"), in: state) == .type)
        #expect(Self.table.command(for: .backspace, in: state) == .type)
        #expect(Self.table.command(for: .right, in: state) == .choose)
        #expect(Self.table.command(for: .up, in: state) == nil)
        guard case .off(let binding, let reason) = Self.table.lookup(.left, in: state) else {
            Issue.record("← should be off")
            return
        }
        #expect(binding.label == "←")
        #expect(reason == "nothing to choose")
    }

    @Test func textRowsTakeCharactersButNotNewlinesOrOtherKeys() {
        let text = KeyBinding<Command>.text(.type, title: "type")
        #expect(text.binds(.character("a")))
        #expect(text.binds(.delete))
        #expect(!text.binds(.character("\n")))
        #expect(!text.binds(.control("a")))
        #expect(!text.binds(.enter))
    }

    @Test func hintsMergeNeighboursWithTheSameTitleAndLeaveOutHiddenRows() {
        #expect(Self.table.hint == "←/→ choose · Esc cancel")
    }

    @Test func formHintsReadAsBefore() {
        var form = StartForm()
        #expect(StartFormKeys.table(for: form).hint == "Esc cancel")
        form.step = .documentsFailed
        #expect(StartFormKeys.table(for: form).hint == "Enter/R try again · Esc cancel")
        form.step = .pickingDocument
        #expect(StartFormKeys.table(for: form).hint == "↑/↓ choose · Enter open · Esc cancel")
        form.step = .editingParameters
        #expect(StartFormKeys.table(for: form).hint == "Tab/↑/↓ field · ←/→ mode · Enter start · Esc cancel")
        form.step = .sending
        #expect(StartFormKeys.table(for: form).hint == "")
        var stop = StopForm(executionId: "e", type: .cancel)
        #expect(StopFormKeys.table(for: stop).hint == "y Cancel · n keep it running")
        stop.phase = .sending
        #expect(StopFormKeys.table(for: stop).hint == "")
        #expect(LineInputKeys.filter.hint == "Enter keep · Esc clear")
        #expect(LineInputKeys.command.hint == "Enter run · Esc cancel")
        #expect(KeyTables.formsHelpLine(KeyMap()) == "In forms: Enter send · Esc cancel · y confirms Reject, StopStep, Revoke and stop · ^Y copies the aws ssm command")
    }

    @Test func signalFormHintsFollowThePhase() {
        var form = SignalForm(signal: .stopStep, executionId: "e", documentName: nil, phase: .loading)
        #expect(SignalFormKeys.table(for: form).hint == "Esc cancel")
        form.phase = .editing
        #expect(SignalFormKeys.table(for: form).hint == "Up/Down choose · Enter send · Esc cancel")
        #expect(SignalFormKeys.table(for: form).bindings.filter(\.isDangerous).map(\.label) == ["Enter"])
        form.phase = .confirming
        #expect(SignalFormKeys.table(for: form).hint == "y yes · n no")
        let approve = SignalForm(signal: .approve, executionId: "e", documentName: nil, phase: .editing)
        #expect(SignalFormKeys.table(for: approve).hint == "Enter send · Esc cancel")
        #expect(SignalFormKeys.table(for: approve).bindings.allSatisfy { !$0.isDangerous })
    }
}
