import AutomationDocuments
import AutomationModel
import Foundation
import Testing

@testable import Console

/// Every key the update handles is in the key table of the context it is handled in: for a state in each
/// context, every key of a broad universe goes into the update, and any key that changes the state or asks for
/// an effect must be one the context's table lists (or text, where the table takes text).
@Suite("Key tables: completeness")
struct KeyTableCompletenessTests {
    /// Printable ASCII, the named keys, Ctrl-letters and function keys.
    static let universe: [KeyPress] = {
        var keys = (0x20...0x7E).map { KeyPress.character(Character(UnicodeScalar(UInt8($0)))) }
        keys += [.enter, .escape, .tab, .backTab, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown]
        keys += [.backspace, .delete, .character("\n")]
        keys += "abcdefghijklmnopqrstuvwxyz".map { KeyPress.control($0) }
        keys += (1...12).map { KeyPress.function($0) }
        return keys
    }()

    /// One or more states in every context, named for the messages.
    static func samples() throws -> [(name: String, state: ConsoleState)] {
        var samples: [(String, ConsoleState)] = []
        func after(_ state: ConsoleState, _ events: [ConsoleEvent]) -> ConsoleState {
            var state = state
            for event in events { _ = ConsoleUpdate.update(&state, event) }
            return state
        }
        let list = Fixtures.state()
        var approval = list
        approval.list.selectedId = Fixtures.id(1)
        var running = list
        running.list.selectedId = Fixtures.id(2)
        let execution = Fixtures.executionState(Fixtures.approvalExecution)
        let runningExecution = Fixtures.executionState(Fixtures.runningExecution)

        samples.append(("executions view", list))
        // Up, first row and page up move only from below the first row.
        samples.append(("executions view, third row", after(list, [Fixtures.key("j"), Fixtures.key("j")])))
        samples.append(("executions view, filtered", after(list, [Fixtures.key("/"), Fixtures.key("p"), .key(.enter)])))
        samples.append(("executions view, read-only", Fixtures.state(readOnly: true)))
        samples.append(("execution view", execution))
        samples.append(("execution view, details focused", after(execution, [.key(.tab)])))
        samples.append(("execution view, details scrolled", after(execution, [Fixtures.key("J")])))
        samples.append(("execution view, read-only", Fixtures.executionState(Fixtures.approvalExecution, readOnly: true)))
        samples.append(("executions view, fleet", FleetFixtures.state()))
        samples.append(("executions view, fleet expanded", FleetFixtures.expandedState()))
        samples.append(("executions view, fleet expanded, child selected", after(FleetFixtures.expandedState(), [Fixtures.key("j")])))
        samples.append(("parent's view", FleetFixtures.parentState()))
        samples.append(("help", after(list, [Fixtures.key("?")])))
        samples.append(("help, scrolled", after(Fixtures.state(width: 60, height: 15), [Fixtures.key("?"), Fixtures.key("j")])))
        samples.append(("filter line", after(list, [Fixtures.key("/"), Fixtures.key("d")])))
        samples.append(("command line", after(list, [Fixtures.key(":"), Fixtures.key("a")])))
        samples.append(("Approve form", after(approval, [Fixtures.key("a")])))
        samples.append(("Reject form", after(approval, [Fixtures.key("r"), Fixtures.key("x")])))
        var small = Fixtures.state(width: 60, height: 15)
        small.list.selectedId = Fixtures.id(1)
        let longApproval = ConsoleEvent.result(
            .approval(executionId: Fixtures.id(1), step: Fixtures.twoDecisionApproval()), at: Fixtures.now)
        samples.append(("Approve form, long message", after(small, [longApproval, Fixtures.key("a")])))
        samples.append(("Approve form, long message scrolled", after(small, [longApproval, Fixtures.key("a"), .key(.pageDown)])))
        samples.append(("StopStep form", after(runningExecution, [Fixtures.key("x")])))
        samples.append(("StopStep form, loading", after(running, [Fixtures.key("x")])))
        // StartStep offers ValidNextSteps while the document's steps load, then those too.
        let interactive = Fixtures.executionState(Fixtures.interactiveExecution)
        let startStepLoading = after(interactive, [Fixtures.key("s")])
        samples.append(("StartStep form, loading", startStepLoading))
        samples.append(("StartStep form, loading, second choice", after(startStepLoading, [.key(.down)])))
        var description = DocumentDescription(name: "Demo-Interactive")
        description.documentVersion = "1"
        let documentSteps = ConsoleEvent.result(
            .document(description, stepNames: ["checkHealth", "restartService", "notify"], parameterRules: .parsed([])),
            at: Fixtures.now)
        let startStep = after(startStepLoading, [documentSteps])
        samples.append(("StartStep form", startStep))
        samples.append(("StartStep form, second choice", after(startStep, [.key(.down)])))
        samples.append(("StopStep form, confirming", after(runningExecution, [Fixtures.key("x"), .key(.enter)])))
        samples.append(("StopStep form, sending", after(runningExecution, [Fixtures.key("x"), .key(.enter), Fixtures.key("y")])))

        let documents = ConsoleEvent.result(
            .documents([DocumentIdentifier(name: "Demo-A"), DocumentIdentifier(name: "Demo-B")]), at: Fixtures.now)
        let starting = after(list, [Fixtures.key("n")])
        samples.append(("start form, loading documents", starting))
        let listFailed = ConsoleEvent.result(
            .failed(.listDocuments, ServiceError(.internalServerError, "Down.")), at: Fixtures.now)
        samples.append(("start form, documents failed", after(starting, [listFailed])))
        let picking = after(starting, [documents, .key(.down)])
        samples.append(("start form, picking", picking))
        samples.append(("start form, picking the first", after(starting, [documents])))
        samples.append(("start form, no documents", after(starting, [.result(.documents([]), at: Fixtures.now)])))
        samples.append(("start form, loading the document", after(picking, [.key(.enter)])))
        let parameters = after(picking, [.key(.enter), try describedDocument()])
        samples.append(("start form, typed parameter", parameters))
        samples.append(("start form, pick-list", after(parameters, [.key(.tab)])))
        samples.append(("start form, mode", after(parameters, [.key(.tab), .key(.tab)])))
        samples.append(("start form, filled in", after(parameters, [Fixtures.key("C")])))
        let sending = after(parameters, [Fixtures.key("C"), .key(.enter)])
        samples.append(("start form, sending", sending))

        samples.append(("stop confirmation", after(running, [Fixtures.key("c")])))
        samples.append(("stop confirmation, sending", after(running, [Fixtures.key("c"), Fixtures.key("y")])))
        var pickingTarget = list
        pickingTarget.targetChoices = TargetChoices(profiles: ["a", "b", "c"])
        samples.append(("profile pick-list", after(pickingTarget, [Fixtures.key(":")] + "profile".map(Fixtures.key) + [.key(.enter)])))
        samples.append(("profile pick-list, second", after(pickingTarget, [Fixtures.key(":")] + "profile".map(Fixtures.key) + [.key(.enter), .key(.down)])))
        samples.append(("profile pick-list, narrowed", after(pickingTarget, [Fixtures.key(":")] + "profile".map(Fixtures.key) + [.key(.enter), Fixtures.key("b")])))
        samples.append(("profile pick-list, nothing matches", after(pickingTarget, [Fixtures.key(":")] + "profile".map(Fixtures.key) + [.key(.enter), Fixtures.key("z")])))
        let patch = after(Fixtures.executionState(CommandOutputTests.execution, width: 100), [.key(.down)])
        let instances = after(patch, [
            Fixtures.key("o"),
            .result(.commandInvocations(commandId: CommandOutputTests.commandId, CommandOutputTests.invocations), at: Fixtures.now),
        ])
        samples.append(("command output, instances", instances))
        samples.append(("command output, second instance", after(instances, [.key(.down)])))
        let long = (1...60).map { "line \($0)" }.joined(separator: "\n")
        let output = ConsoleEvent.result(.commandOutput(CommandOutputTests.output(long)), at: Fixtures.now)
        samples.append(("command output, scrolled up", after(instances, [.key(.enter), output, .key(.pageUp)])))
        samples.append(("too small", after(list, [.resize(width: 40, height: 10)])))
        samples.append(("too small, help open", after(list, [Fixtures.key("?"), .resize(width: 40, height: 10)])))
        return samples
    }

    /// A document with a typed parameter, a pick-list, and (after them) the mode.
    private static func describedDocument() throws -> ConsoleEvent {
        let document = try DocumentParser.parse(
            """
            schemaVersion: '0.3'
            parameters:
              Ticket:
                type: String
              Environment:
                type: String
                default: staging
                allowedValues: [staging, production]
            mainSteps:
              - name: wait
                action: aws:pause
                inputs: {}
            """, format: .yaml)
        var description = DocumentDescription(name: "Demo-B")
        description.documentVersion = "1"
        description.parameters = document.parameters.map(\.documentParameter)
        return .result(.document(description, stepNames: ["wait"], parameterRules: .parsed(document.parameters)), at: Fixtures.now)
    }

    @Test func everyContextHasASample() throws {
        let covered = Set(try Self.samples().map(\.state.keyContext))
        // No state is in `screen`: its keys are in every sample's table.
        for context in KeyContext.allCases where context != .screen {
            #expect(covered.contains(context), "no sample state in \(context.name)")
        }
    }

    @Test func everyKeyThatDoesSomethingIsInTheContextsTable() throws {
        for (name, state) in try Self.samples() {
            let table = KeyTables.current(state)
            #expect(table.context == state.keyContext)
            for key in Self.universe {
                var after = state
                let effects = ConsoleUpdate.update(&after, .key(key))
                guard after != state || !effects.isEmpty else { continue }
                let listed = table.binds(key)
                #expect(listed, "\(key) does something in \(name) (\(table.context.name)) but its table does not list it")
            }
        }
    }

    /// The other way round, loosely: a key a table lists and says is on does something somewhere, so tables do not
    /// collect keys nothing handles. Checked per context, over all its samples.
    @Test func everyListedKeyDoesSomethingInSomeSample() throws {
        let samples = try Self.samples()
        var handled: [KeyContext: Set<KeyPress>] = [:]
        var listed: [KeyContext: Set<KeyPress>] = [:]
        for (_, state) in samples {
            let table = KeyTables.current(state)
            for binding in table.bindings { listed[table.context, default: []].formUnion(binding.keys) }
            for key in Self.universe {
                var after = state
                let effects = ConsoleUpdate.update(&after, .key(key))
                if after != state || !effects.isEmpty { handled[table.context, default: []].insert(key) }
            }
        }
        for (context, keys) in listed {
            for key in keys.subtracting(handled[context] ?? []) {
                Issue.record("\(key) is listed in \(context.name) but did nothing in any sample")
            }
        }
    }

    /// Ctrl-L repaints whatever is open, and changes nothing else: not the text being typed, not the form.
    @Test func ctrlLRepaintsInEveryContext() throws {
        for (name, state) in try Self.samples() {
            var after = state
            let effects = ConsoleUpdate.update(&after, .key(.control("l")))
            #expect(effects == [.repaint], "\(name): \(effects)")
            #expect(after == state, "\(name): Ctrl-L changed the state")
        }
    }

    @Test func textIsAnExplicitRowWhereverTypingEditsText() throws {
        let typing: Set<KeyContext> = [.filterLine, .commandLine, .signalComment, .parameters, .documentPicker, .targetPicker]
        for (name, state) in try Self.samples() {
            let table = KeyTables.current(state)
            let takesText = table.bindings.contains(where: \.takesText)
            #expect(takesText == typing.contains(table.context), "\(name): text rows are \(takesText)")
        }
    }
}
