import AutomationModel
import Foundation
import Testing

@testable import Console

/// The start form's rate control: Targets, TargetParameterName (a pick-list of the document's parameters),
/// MaxConcurrency and MaxErrors, checked before sending, with the local targets counted.
@Suite("Forms: start with rate control")
struct FleetStartFormTests {
    private func startForm(_ state: ConsoleState) throws -> StartForm {
        guard case .start(let form)? = state.overlay else { throw FormProblem("no start form open") }
        return form
    }

    /// The form on a document with a required InstanceId and an optional ServiceName, focus on Targets.
    private func openRateControl(target: ConsoleTarget = Fixtures.target) -> ConsoleState {
        var state = Fixtures.state()
        state = ConsoleState(target: target, options: state.options, width: 80, height: 24, now: Fixtures.now)
        _ = ConsoleUpdate.update(&state, Fixtures.key("n"))
        _ = ConsoleUpdate.update(&state, .result(.documents([DocumentIdentifier(name: "Ops-RestartService")]), at: Fixtures.now))
        _ = ConsoleUpdate.update(&state, .key(.enter))
        var description = DocumentDescription(name: "Ops-RestartService")
        description.documentVersion = "3"
        description.parameters = [
            DocumentParameter(name: "InstanceId", type: "String"),
            DocumentParameter(name: "ServiceName", type: "String", defaultValue: "nginx"),
        ]
        _ = ConsoleUpdate.update(&state, .result(.document(description, stepNames: ["restart"], parameterRules: .parsed([])), at: Fixtures.now))
        _ = ConsoleUpdate.update(&state, .key(.control("t")))
        return state
    }

    @Test func ctrlTAddsTheRateControlRowsAfterTheParametersAndTargetParameterNamePicksOne() throws {
        let state = openRateControl()
        let form = try startForm(state)
        #expect(form.fields.map(\.name) == ["InstanceId", "ServiceName", "Targets", "TargetParameterName", "MaxConcurrency", "MaxErrors"])
        #expect(form.focusedRateControl == .targets)
        #expect(form.fields[3].choices == ["InstanceId", "ServiceName"])
    }

    @Test func aRateControlledStartSendsTargetsAndLeavesTheTargetParameterToEachChild() throws {
        var state = openRateControl()
        Fixtures.type("tag:Env=prod", into: &state)
        _ = ConsoleUpdate.update(&state, .key(.tab))
        _ = ConsoleUpdate.update(&state, .key(.right))
        _ = ConsoleUpdate.update(&state, .key(.tab))
        Fixtures.type("25%", into: &state)
        _ = ConsoleUpdate.update(&state, .key(.tab))
        Fixtures.type("3", into: &state)
        let effects = ConsoleUpdate.update(&state, .key(.enter))
        var request = StartAutomationExecutionRequest(
            documentName: "Ops-RestartService", documentVersion: "3", parameters: ["ServiceName": ["nginx"]], mode: .auto)
        request.targets = [Target(key: "tag:Env", values: ["prod"])]
        request.targetParameterName = "InstanceId"
        request.maxConcurrency = "25%"
        request.maxErrors = "3"
        #expect(effects == [.request(.startExecution(request))])
        #expect(ShellCommandLine.start(request, target: Fixtures.target).hasSuffix(
            "--parameters '{\"ServiceName\":[\"nginx\"]}' --target-parameter-name InstanceId "
                + "--targets '[{\"Key\":\"tag:Env\",\"Values\":[\"prod\"]}]' --max-concurrency 25% --max-errors 3"))
    }

    @Test(arguments: [
        ("", "InstanceId", "", "", "TargetParameterName, MaxConcurrency and MaxErrors apply only with Targets: give Targets (such as tag:Env=prod) or clear them"),
        ("tag:Env=prod", "", "", "", "Targets needs TargetParameterName: choose the parameter each child gets its target in"),
        ("Env=prod", "InstanceId", "", "", "Target key 'Env' is not one Automation takes: use tag:KEY, ParameterValues, InstanceIds or ResourceGroup"),
        ("tag:Env", "InstanceId", "", "", "Targets takes KEY=VALUE[,VALUE] such as tag:Env=prod or ParameterValues=i-1,i-2; got 'tag:Env'"),
        ("tag:Env=prod", "InstanceId", "0", "", "MaxConcurrency must be a number from 1 or a percentage from 1% to 100%, such as 10 or 25%; got '0'"),
        ("tag:Env=prod", "InstanceId", "101%", "", "MaxConcurrency must be a number from 1 or a percentage from 1% to 100%, such as 10 or 25%; got '101%'"),
        ("tag:Env=prod", "InstanceId", "10", "-1", "MaxErrors must be a number from 0 or a percentage from 0% to 100%, such as 3 or 10%; got '-1'"),
        ("tag:Env=prod", "InstanceId", "10", "05", "MaxErrors must be a number from 0 or a percentage from 0% to 100%, such as 3 or 10%; got '05'"),
    ])
    func badRateControlIsRefusedBeforeSending(_ targets: String, _ name: String, _ concurrency: String, _ errors: String, _ message: String) {
        let result = RateControl.read(targets: targets, targetParameterName: name, maxConcurrency: concurrency, maxErrors: errors)
        #expect(result == .failure(FormProblem(message)))
    }

    @Test(arguments: [("1", false, true), ("100%", false, true), ("0", true, true), ("0", false, false), ("0%", true, true),
                      ("1000000", false, true), ("10000000", false, false), ("9%", false, true), ("00", true, false)])
    func numbersAndPercentagesFollowBotocoresPatterns(_ text: String, _ zero: Bool, _ valid: Bool) {
        #expect(RateControl.isValid(text, allowingZero: zero) == valid)
    }

    @Test func leavingTheTargetsRowCountsTheLocalTargetsOnce() throws {
        let local = ConsoleTarget(kind: .local(dataDirectory: "/tmp/x"), principal: Fixtures.alice)
        var state = openRateControl(target: local)
        Fixtures.type("tag:Env=prod", into: &state)
        let targets = [Target(key: "tag:Env", values: ["prod"])]
        #expect(ConsoleUpdate.update(&state, .key(.tab)) == [.request(.countTargets(targets))])
        _ = ConsoleUpdate.update(&state, .result(.targetCount(targets, count: 12), at: Fixtures.now))
        #expect(try startForm(state).currentTargetCount == 12)
        _ = ConsoleUpdate.update(&state, .key(.up))
        #expect(ConsoleUpdate.update(&state, .key(.tab)).isEmpty)
        // Typed again: the count is for other targets now.
        _ = ConsoleUpdate.update(&state, .key(.up))
        Fixtures.type(",staging", into: &state)
        #expect(try startForm(state).currentTargetCount == nil)
    }

    @Test func targetsOnAWSAreNotCounted() {
        let aws = ConsoleTarget(
            kind: .aws(profile: "ops", region: "eu-west-1", endpoint: "https://ssm.eu-west-1.amazonaws.com"), principal: Fixtures.alice)
        var state = openRateControl(target: aws)
        Fixtures.type("tag:Env=prod", into: &state)
        #expect(ConsoleUpdate.update(&state, .key(.tab)).isEmpty)
    }
}
