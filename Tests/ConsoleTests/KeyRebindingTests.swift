import AutomationModel
import Foundation
import Testing

@testable import Console

/// The operator's keys: any row of any context's table can be given other keys, which then do what the old
/// ones did; the old keys stop; help, footers, hints and the README generator show the keys in use; and
/// rebindings that would shadow Ctrl-C, Esc, the `:` line or typing, or collide, are refused.
@Suite("Key rebinding")
struct KeyRebindingTests {
    static func map(_ entries: [KeyMap.Entry]) throws -> KeyMap {
        try KeyMap.make(entries).get()
    }

    static func rebound(_ state: ConsoleState, _ map: KeyMap) -> ConsoleState {
        var state = state
        state.options.keys = map
        return state
    }

    /// A key no context binds, to rebind to.
    static let spare = KeyPress.function(11)

    /// For every sample state of every context, every command that is on now: rebound to F11, F11 does exactly
    /// what its default key did, and the default key no longer does it. Works for any row any table gains.
    @Test func everyCommandOfEveryContextCanBeRebound() throws {
        var checked = 0
        for (name, state) in try KeyTableCompletenessTests.samples() {
            let table = KeyTables.current(state)
            for binding in table.bindings where !binding.takesText && binding.whyNot(state) == nil {
                guard let key = binding.keys.first, table.bindings.first(where: { $0.binds(key) })?.name == binding.name else { continue }
                var expected = state
                let expectedEffects = ConsoleUpdate.update(&expected, .key(key))
                // The keys of every context are in every table, and rebound under their own context.
                let context = ScreenKeys.table.bindings.contains { $0.name == binding.name } ? KeyContext.screen : table.context
                let map = try Self.map([KeyMap.Entry(context, binding.name, [Self.spare])])
                var actual = Self.rebound(state, map)
                let effects = ConsoleUpdate.update(&actual, .key(Self.spare))
                actual.options.keys = KeyMap()
                #expect(actual == expected && effects == expectedEffects, "\(name): \(binding.name) on F11 differs from \(key)")
                var old = Self.rebound(state, map)
                let oldEffects = ConsoleUpdate.update(&old, .key(key))
                old.options.keys = KeyMap()
                let oldStillWorks = old == expected && oldEffects == expectedEffects && (old != state || !oldEffects.isEmpty)
                let takenByText = table.bindings.contains { $0.takesText && $0.binds(key) }
                #expect(!oldStillWorks || takenByText, "\(name): \(key) still runs \(binding.name) after rebinding")
                checked += 1
            }
        }
        #expect(checked > 60)
    }

    @Test func everyContextsCommandsCanBeGivenAnotherKeyWithoutConflict() throws {
        for context in KeyContext.allCases {
            for command in KeyMap.rebindable(in: context) {
                let map = try Self.map([KeyMap.Entry(context, command, [Self.spare])])
                let table = KeyTables.defaults(for: context).rebound(map)
                let rows = table.bindings.filter { $0.name == command }
                #expect(rows.count == 1 && rows[0].keys == [Self.spare] && rows[0].label == "F11", "\(context).\(command)")
            }
        }
    }

    @Test func footerHelpAndTheReadmeGeneratorShowTheKeysInUse() throws {
        let map = try Self.map([
            KeyMap.Entry(.executions, "approve", [.character("A")]),
            KeyMap.Entry(.executions, "help", [.function(1)]),
        ])
        var state = Fixtures.state()
        state.list.selectedId = Fixtures.id(1)
        state = Self.rebound(state, map)
        let footer = ConsoleView.render(state).rowText(state.height - 1)
        #expect(footer.contains("A Approve") && !footer.contains("a Approve"), "\(footer)")
        #expect(footer.contains("F1 Help"), "\(footer)")
        _ = ConsoleUpdate.update(&state, .key(.function(1)))
        let help = ConsoleView.render(state).text
        #expect(help.range(of: #"│ A +Approve"#, options: .regularExpression) != nil, "\(help)")
        #expect(help.range(of: #"│ a +Approve"#, options: .regularExpression) == nil, "\(help)")
        #expect(KeyTables.readmeMarkdown(map).contains("| `A` | Approve"))
        #expect(KeyTables.readmeMarkdown().contains("| `a` | Approve"), "the README shows the defaults")
        #expect(!KeyTables.readmeMarkdown(map).contains("| `a` | Approve"))
    }

    @Test func formHintsShowTheKeysInUse() throws {
        let map = try Self.map([KeyMap.Entry(.stopConfirmation, "keep", [.character("N")])])
        var state = Self.rebound(Fixtures.state(), map)
        state.list.selectedId = Fixtures.id(2)
        _ = ConsoleUpdate.update(&state, Fixtures.key("c"))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("N keep it running"), "\(screen)")
        var kept = state
        _ = ConsoleUpdate.update(&kept, .key(.escape))
        #expect(kept.overlay != nil, "Esc was keep's own key and is no longer")
        _ = ConsoleUpdate.update(&kept, Fixtures.key("N"))
        #expect(kept.overlay == nil)
    }

    @Test func refusals() {
        func problems(_ entries: [KeyMap.Entry]) -> [String] {
            if case .failure(let refusal) = KeyMap.make(entries) { return refusal.problems.map(\.message) }
            return []
        }
        #expect(problems([KeyMap.Entry(.executions, "quit", [.control("c")])]) == ["ctrl-c cannot be 'quit': Ctrl-C always stops the console"])
        #expect(problems([KeyMap.Entry(.executions, "help", [.escape])]) == ["esc cannot be 'help': Esc always closes or goes back"])
        #expect(problems([KeyMap.Entry(.help, "close", [.escape, .character("x")])]).isEmpty, "Esc is close's own key")
        #expect(problems([KeyMap.Entry(.execution, "refresh", [.character(":")])]) == [": cannot be 'refresh': `:` opens the command line"])
        #expect(problems([KeyMap.Entry(.signalComment, "send", [.character("s")])]) == ["s cannot be 'send': in signal form, comment that key types text"])
        #expect(problems([KeyMap.Entry(.signalComment, "send", [.control("s")])]).isEmpty)
        #expect(problems([KeyMap.Entry(.executions, "refresh", [.character("q")])])
            == ["q for 'refresh' is already 'quit' (Quit) in executions view; rebind 'quit' too or choose another key"])
        #expect(problems([KeyMap.Entry(.executions, "nothing", [.character("z")])]).first?.hasPrefix("executions view has no command 'nothing'; it has moveDown, moveUp") == true)
        #expect(problems([KeyMap.Entry(.executions, "quit", [])]) == ["give 'quit' at least one key"])
        #expect(problems([KeyMap.Entry(.screen, "repaint", [.character("x")])])
            == ["x cannot be 'repaint': it would no longer type text in the lines and forms"])
        #expect(problems([KeyMap.Entry(.screen, "repaint", [.control("y")])]).contains {
            $0.hasPrefix("ctrl-y for 'repaint' is already 'copyCommand' (copy command) in ")
        })
        #expect(problems([KeyMap.Entry(.execution, "refresh", [.control("l")])])
            == ["ctrl-l for 'refresh' is already 'repaint' (Repaint the screen) in every context, which comes first; rebind 'repaint' under screen too or choose another key"])
        #expect(problems([KeyMap.Entry(.screen, "repaint", [.function(5)])]).isEmpty)
        // Two commands may trade keys.
        #expect(problems([KeyMap.Entry(.executions, "approve", [.character("r")]), KeyMap.Entry(.executions, "reject", [.character("a")])]).isEmpty)
    }

    @Test func swappedKeysSwapWhatTheyDo() throws {
        let map = try Self.map([
            KeyMap.Entry(.executions, "approve", [.character("r")]), KeyMap.Entry(.executions, "reject", [.character("a")]),
        ])
        var state = Self.rebound(Fixtures.state(), map)
        state.list.selectedId = Fixtures.id(1)
        _ = ConsoleUpdate.update(&state, Fixtures.key("r"))
        guard case .signal(let form) = state.overlay else {
            Issue.record("no form")
            return
        }
        #expect(form.signal == .approve)
    }
}
