import AutomationModel
import Foundation
import Testing

@testable import Console

/// The command output view: a running aws:runCommand step's instances, and one instance's output followed live
/// within one GetCommandInvocation call per refresh interval. The answers are shaped as the Run Command API
/// reference shows them.
@Suite("Command output view")
struct CommandOutputTests {
    static let commandId = "0b6d4a3e-8c1f-4f2a-9d7e-5a1b2c3d4e5f"
    static let web = "mi-0a1b2c3d4e5f60718"
    static let db = "i-0123456789abcdef0"

    private let later = { (seconds: TimeInterval) in Fixtures.now.addingTimeInterval(seconds) }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// An execution whose second step, an aws:runCommand, is running and names its command.
    static var execution: (AutomationExecution, [StepExecution]) {
        var execution = AutomationExecution(automationExecutionId: Fixtures.id(1))
        execution.documentName = "Patch-Fleet"
        execution.automationExecutionStatus = .inProgress
        execution.executionStartTime = Fixtures.now.addingTimeInterval(-120)
        var check = StepExecution(stepName: "Check", action: "aws:sleep", stepExecutionId: "5e1c0000-0000-4000-8000-000000000001")
        check.stepStatus = .success
        check.executionStartTime = Fixtures.now.addingTimeInterval(-120)
        check.executionEndTime = Fixtures.now.addingTimeInterval(-60)
        var patch = StepExecution(stepName: "Patch", action: "aws:runCommand", stepExecutionId: "5e1c0000-0000-4000-8000-000000000002")
        patch.stepStatus = .inProgress
        patch.executionStartTime = Fixtures.now.addingTimeInterval(-60)
        patch.outputs = ["CommandId": [commandId]]
        return (execution, [check, patch])
    }

    static func invocation(_ instance: String, name: String, status: CommandStatus, code: Int, startedAgo: TimeInterval, endedAgo: TimeInterval?) -> CommandInvocation {
        var invocation = CommandInvocation(commandId: commandId, instanceId: instance)
        invocation.instanceName = name
        invocation.documentName = "AWS-RunShellScript"
        invocation.documentVersion = "$DEFAULT"
        invocation.status = status
        invocation.statusDetails = status.rawValue
        invocation.requestedDateTime = Fixtures.now.addingTimeInterval(-startedAgo)
        var plugin = CommandPlugin(name: "aws:runShellScript")
        plugin.status = status
        plugin.responseCode = code
        plugin.responseStartDateTime = Fixtures.now.addingTimeInterval(-startedAgo)
        plugin.responseFinishDateTime = endedAgo.map { Fixtures.now.addingTimeInterval(-$0) }
        invocation.commandPlugins = [plugin]
        return invocation
    }

    static let invocations = [
        invocation(web, name: "web-1", status: .inProgress, code: -1, startedAgo: 42, endedAgo: nil),
        invocation(db, name: "db-1", status: .failed, code: 2, startedAgo: 50, endedAgo: 47),
    ]

    static func output(_ stdout: String, stderr: String = "", status: CommandStatus = .inProgress, code: Int = -1) -> GetCommandInvocationResponse {
        var output = GetCommandInvocationResponse(commandId: commandId, instanceId: web)
        output.documentName = "AWS-RunShellScript"
        output.pluginName = "aws:runShellScript"
        output.status = status
        output.statusDetails = status.rawValue
        output.responseCode = code
        output.executionStartDateTime = iso(Fixtures.now.addingTimeInterval(-42))
        output.executionEndDateTime = status.isTerminal ? iso(Fixtures.now) : ""
        output.executionElapsedTime = status.isTerminal ? "PT42.000S" : ""
        output.standardOutputContent = stdout
        output.standardErrorContent = stderr
        return output
    }

    /// The execution view with the running Patch step selected.
    func patchSelected(width: Int = 100, height: Int = 24) -> ConsoleState {
        var state = Fixtures.executionState(Self.execution, width: width, height: height)
        _ = ConsoleUpdate.update(&state, .key(.down))
        #expect(state.detail?.selectedStepExecution?.stepName == "Patch")
        return state
    }

    func requests(_ effects: [ConsoleEffect]) -> [ServiceRequest] {
        effects.compactMap { if case .request(let request) = $0 { return request } else { return nil } }
    }

    func commandRequests(_ effects: [ConsoleEffect]) -> [ServiceRequest] {
        requests(effects).filter {
            switch $0 {
            case .loadCommandInvocations, .loadCommandOutput: return true
            default: return false
            }
        }
    }

    @Test func oOpensTheInstancesOfTheSelectedRunCommandStep() {
        var state = patchSelected()
        let effects = ConsoleUpdate.update(&state, Fixtures.key("o"))
        #expect(effects == [.request(.loadCommandInvocations(commandId: Self.commandId))])
        #expect(state.keyContext == .commandInstances)
        _ = ConsoleUpdate.update(&state, .result(.commandInvocations(commandId: Self.commandId, Self.invocations), at: Fixtures.now))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("Command \(Self.commandId)"))
        #expect(screen.contains("INSTANCE"))
        #expect(screen.contains("mi-0a1b2c3d4e5f60718  web-1           InProgress  -     42s"), "\(screen)")
        #expect(screen.contains("i-0123456789abcdef0   db-1            Failed      2     3s"), "\(screen)")
    }

    @Test func oIsOffForAStepThatIsNotARunCommandOrHasNotSentItsCommand() {
        var state = Fixtures.executionState(Self.execution, width: 100)
        _ = ConsoleUpdate.update(&state, .key(.up))
        #expect(state.detail?.selectedStepExecution?.stepName == "Check")
        #expect(ConsoleUpdate.update(&state, Fixtures.key("o")).isEmpty)
        #expect(state.flash?.text == "o Command output: the selected step is not aws:runCommand")
        let (execution, original) = Self.execution
        var steps = original
        steps[1].outputs = nil
        var waiting = Fixtures.executionState((execution, steps), width: 100)
        _ = ConsoleUpdate.update(&waiting, .key(.down))
        #expect(ConsoleUpdate.update(&waiting, Fixtures.key("o")).isEmpty)
        #expect(waiting.flash?.text == "o Command output: the step has not sent its command yet")
    }

    @Test func enterFollowsAnInstancesOutputWithOneCallPerInterval() {
        var state = patchSelected()
        _ = ConsoleUpdate.update(&state, Fixtures.key("o"))
        _ = ConsoleUpdate.update(&state, .result(.commandInvocations(commandId: Self.commandId, Self.invocations), at: Fixtures.now))
        let open = ConsoleUpdate.update(&state, .key(.enter))
        #expect(open == [.request(.loadCommandOutput(commandId: Self.commandId, instanceId: Self.web))])
        #expect(state.keyContext == .commandOutput)
        _ = ConsoleUpdate.update(&state, .result(.commandOutput(Self.output("step 1 of 3\n", stderr: "warning: slow mirror\n")), at: later(1)))
        var screen = ConsoleView.render(state).text
        #expect(screen.contains("InProgress, 43s · following"), "\(screen)")
        #expect(screen.contains("step 1 of 3"))
        #expect(screen.contains("── stderr ──"))
        #expect(screen.contains("warning: slow mirror"))

        // Before the interval nothing is asked; then exactly one GetCommandInvocation, and nothing else of Run Command.
        #expect(commandRequests(ConsoleUpdate.update(&state, .tick(later(3)))).isEmpty)
        #expect(commandRequests(ConsoleUpdate.update(&state, .tick(later(6))))
            == [.loadCommandOutput(commandId: Self.commandId, instanceId: Self.web)])
        #expect(commandRequests(ConsoleUpdate.update(&state, .tick(later(12)))).isEmpty, "one in flight at a time")

        // The output grows past the box: following shows its end.
        let long = (1...40).map { "line \($0)" }.joined(separator: "\n") + "\n"
        _ = ConsoleUpdate.update(&state, .result(.commandOutput(Self.output(long)), at: later(12)))
        screen = ConsoleView.render(state).text
        #expect(screen.contains("line 40"))
        #expect(!screen.contains("line 1\n") && !screen.contains("line 1 "))

        // Scrolling up pauses following; G takes it up again.
        _ = ConsoleUpdate.update(&state, .key(.pageUp))
        screen = ConsoleView.render(state).text
        #expect(screen.contains("paused (G follows)"))
        #expect(!screen.contains("line 40"))
        _ = ConsoleUpdate.update(&state, Fixtures.key("G"))
        #expect(ConsoleView.render(state).text.contains("line 40"))

        // Once the invocation has ended and been read, no more calls.
        _ = ConsoleUpdate.update(&state, .tick(later(18)))
        _ = ConsoleUpdate.update(&state, .result(.commandOutput(Self.output(long, status: .success, code: 0)), at: later(18)))
        #expect(ConsoleView.render(state).text.contains("Success, exit 0"))
        #expect(commandRequests(ConsoleUpdate.update(&state, .tick(later(30)))).isEmpty)
        #expect(commandRequests(ConsoleUpdate.update(&state, .tick(later(60)))).isEmpty)

        // Esc goes back to the instances, o closes the view.
        _ = ConsoleUpdate.update(&state, .key(.escape))
        #expect(state.keyContext == .commandInstances)
        _ = ConsoleUpdate.update(&state, Fixtures.key("o"))
        #expect(state.overlay == nil)
        #expect(state.keyContext == .execution)
    }

    @Test func theInstanceListRefreshesUntilEveryInvocationHasEnded() {
        var state = patchSelected()
        _ = ConsoleUpdate.update(&state, Fixtures.key("o"))
        _ = ConsoleUpdate.update(&state, .result(.commandInvocations(commandId: Self.commandId, Self.invocations), at: Fixtures.now))
        #expect(commandRequests(ConsoleUpdate.update(&state, .tick(later(6)))) == [.loadCommandInvocations(commandId: Self.commandId)])
        let ended = [
            Self.invocation(Self.web, name: "web-1", status: .success, code: 0, startedAgo: 42, endedAgo: 1),
            Self.invocations[1],
        ]
        _ = ConsoleUpdate.update(&state, .result(.commandInvocations(commandId: Self.commandId, ended), at: later(6)))
        #expect(commandRequests(ConsoleUpdate.update(&state, .tick(later(12)))).isEmpty)
    }

    @Test func aFailedReadIsShownInTheViewAndTriedAgainNextInterval() {
        var state = patchSelected()
        _ = ConsoleUpdate.update(&state, Fixtures.key("o"))
        _ = ConsoleUpdate.update(&state, .result(.commandInvocations(commandId: Self.commandId, Self.invocations), at: Fixtures.now))
        _ = ConsoleUpdate.update(&state, .key(.enter))
        let error = ServiceError(.invocationDoesNotExist, "No invocation of the command on \(Self.web).")
        _ = ConsoleUpdate.update(
            &state, .result(.failed(.loadCommandOutput(commandId: Self.commandId, instanceId: Self.web), error), at: later(1)))
        #expect(ConsoleView.render(state).text.contains("GetCommandInvocation failed: InvocationDoesNotExist"))
        #expect(commandRequests(ConsoleUpdate.update(&state, .tick(later(6))))
            == [.loadCommandOutput(commandId: Self.commandId, instanceId: Self.web)])
    }

    @Test func controlCharactersAndTabsInOutputDoNotReachTheScreen() {
        var state = patchSelected()
        _ = ConsoleUpdate.update(&state, Fixtures.key("o"))
        _ = ConsoleUpdate.update(&state, .result(.commandInvocations(commandId: Self.commandId, Self.invocations), at: Fixtures.now))
        _ = ConsoleUpdate.update(&state, .key(.enter))
        let noisy = "a\tb\n\u{1B}[31mred\u{1B}[0m\nprogress 10%\rprogress 100%\n"
        _ = ConsoleUpdate.update(&state, .result(.commandOutput(Self.output(noisy)), at: later(1)))
        let buffer = ConsoleView.render(state)
        #expect(buffer.text.contains("a       b"))
        #expect(buffer.text.contains("progress 100%"))
        #expect(!buffer.text.contains("progress 10%p"))
        #expect(!buffer.cells.contains { $0.character.unicodeScalars.contains { $0.value < 0x20 } })
    }
}
