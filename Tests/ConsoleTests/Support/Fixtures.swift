import AutomationModel
import Foundation

@testable import Console

/// Executions and steps built in code, at a fixed clock, for view and update tests.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let alice = "arn:aws:iam::123456789012:user/alice"
    static let bob = "arn:aws:iam::123456789012:user/bob"
    static let carol = "arn:aws:iam::123456789012:user/carol"
    static let aliceIdentity = CallerIdentity(arn: alice, account: "123456789012", userId: "AIDAALICEEXAMPLE00001")
    static let target = ConsoleTarget(
        kind: .aws(profile: "ops", region: "eu-west-1", endpoint: "http://127.0.0.1:4583"), principal: alice,
        identity: aliceIdentity)

    /// Execution IDs that differ from their first character, as real ones do.
    static func id(_ n: Int) -> String {
        String(format: "%08x-2d4e-4f60-8a1b-%012x", UInt32(truncatingIfNeeded: n &* 2_654_435_761), n)
    }

    static func row(
        _ n: Int, document: String, status: AutomationExecutionStatus, mode: ExecutionMode = .auto, step: String? = nil,
        action: String? = nil, startedAgo: TimeInterval, endedAgo: TimeInterval? = nil
    ) -> AutomationExecutionMetadata {
        var row = AutomationExecutionMetadata(automationExecutionId: id(n))
        row.documentName = document
        row.documentVersion = "1"
        row.automationExecutionStatus = status
        row.mode = mode
        row.currentStepName = step
        row.currentAction = action
        row.executionStartTime = now.addingTimeInterval(-startedAgo)
        row.executionEndTime = endedAgo.map { now.addingTimeInterval(-$0) }
        row.executedBy = alice
        return row
    }

    static let approval = row(1, document: "Demo-Approval", status: .waiting, step: "approveChange", action: "aws:approve", startedAgo: 120)
    static let running = row(2, document: "Demo-SlowCommand", status: .inProgress, step: "runScript", action: "aws:runCommand", startedAgo: 45)
    static let succeeded = row(3, document: "SfnRunCommandByInstanceIds", status: .success, startedAgo: 3600, endedAgo: 3475)
    static let failed = row(4, document: "Demo-Retries", status: .failed, startedAgo: 7200, endedAgo: 7010)
    static let interactive = row(5, document: "Demo-Interactive", status: .waiting, mode: .interactive, startedAgo: 600)
    static let paused = row(6, document: "Demo-PauseResume", status: .waiting, step: "pauseForCheck", action: "aws:pause", startedAgo: 900)
    static let cancelled = row(7, document: "Demo-Timeouts", status: .cancelled, startedAgo: 172_800, endedAgo: 172_700)

    static let rows = [approval, running, succeeded, failed, interactive, paused, cancelled]

    static func step(
        _ name: String, _ action: String, _ status: AutomationExecutionStatus, id: String, startedAgo: TimeInterval?,
        endedAgo: TimeInterval? = nil
    ) -> StepExecution {
        var step = StepExecution(stepName: name, action: action, stepExecutionId: id, stepStatus: status)
        step.executionStartTime = startedAgo.map { now.addingTimeInterval(-$0) }
        step.executionEndTime = endedAgo.map { now.addingTimeInterval(-$0) }
        step.maxAttempts = 1
        return step
    }

    /// Demo-Approval waiting on its approve step, with a long Message input.
    static var approvalExecution: (AutomationExecution, [StepExecution]) {
        var execution = AutomationExecution(automationExecutionId: id(1))
        execution.documentName = "Demo-Approval"
        execution.documentVersion = "1"
        execution.automationExecutionStatus = .waiting
        execution.mode = .auto
        execution.currentStepName = "approveChange"
        execution.currentAction = "aws:approve"
        execution.executionStartTime = now.addingTimeInterval(-120)
        execution.executedBy = alice
        execution.parameters = ["ChangeTicket": ["CHG-1042"], "InstanceIds": ["mi-00000000000000001", "mi-00000000000000002"]]
        execution.progressCounters = ProgressCounters(totalSteps: 3, successSteps: 1)
        var prepare = step("prepare", "aws:executeScript", .success, id: "step-0001", startedAgo: 120, endedAgo: 118)
        prepare.outputs = ["prepare.Ticket": ["CHG-1042"]]
        prepare.onFailure = "Abort"
        // Retried, but nothing in its Response says which attempt ran (as from AWS): shown as -/2.
        prepare.maxAttempts = 2
        var approve = step("approveChange", "aws:approve", .waiting, id: "step-0002", startedAgo: 118)
        approve.timeoutSeconds = 3600
        approve.inputs = [
            "Approvers": "[\"\(alice)\"]",
            "Message": "\"Approve the change CHG-1042 to restart the web tier on mi-00000000000000001 and mi-00000000000000002 during the maintenance window; the change was reviewed by the platform team and rolls back automatically if the health check fails.\"",
            "MinRequiredApprovals": "1",
        ]
        let apply = step("applyChange", "aws:runCommand", .pending, id: "step-0003", startedAgo: nil)
        execution.stepExecutions = [prepare, approve, apply]
        return (execution, [prepare, approve, apply])
    }

    /// A 3-of-4 aws:approve step waiting with two approvals in, as DescribeAutomationStepExecutions returns it
    /// (from the API reference: Inputs are JSON-encoded texts, ApproverDecisions one JSON text per decision).
    static func twoDecisionApproval(startedAgo: TimeInterval = 3 * 3600) -> StepExecution {
        var approve = step("approveChange", "aws:approve", .waiting, id: "step-0002", startedAgo: startedAgo)
        approve.timeoutSeconds = 86_400
        approve.onFailure = "Abort"
        approve.inputs = [
            "Approvers": "[\"\(bob)\",\"\(carol)\",\"arn:aws:iam::123456789012:group/ops-leads\",\"\(alice)\"]",
            "MinRequiredApprovals": "3",
            "Message": "\"CHG-1042: restart the web tier (web-1 to web-6) in eu-west-1 during tonight's maintenance window. The platform team reviewed the change on Monday; the load balancer drains each instance first and the runbook rolls back on its own if the health check fails twice. Customers may see slower pages for about ten minutes. Approve only if the on-call engineer has confirmed the window with the support desk, and reject with a comment if the window has moved.\"",
            "NotificationArn": "\"arn:aws:sns:eu-west-1:123456789012:approvals\"",
        ]
        approve.outputs = [
            "ApproverDecisions": [
                "{\"Approver\":\"\(bob)\",\"Decision\":\"Approved\",\"DecisionTime\":\"\(iso(now.addingTimeInterval(-1800)))\",\"Comment\":\"Window confirmed with the support desk\"}",
                "{\"Approver\":\"\(carol)\",\"Decision\":\"Approved\",\"DecisionTime\":\"\(iso(now.addingTimeInterval(-300)))\"}",
            ],
        ]
        return approve
    }

    static func iso(_ date: Date) -> String {
        var format = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        format.timeZone = TimeZone(identifier: "UTC")!
        return format.format(date)
    }

    /// Demo-Interactive waiting between steps; its last step suggests two next ones.
    static var interactiveExecution: (AutomationExecution, [StepExecution]) {
        var execution = AutomationExecution(automationExecutionId: id(5))
        execution.documentName = "Demo-Interactive"
        execution.documentVersion = "1"
        execution.automationExecutionStatus = .waiting
        execution.mode = .interactive
        execution.executionStartTime = now.addingTimeInterval(-600)
        execution.executedBy = alice
        var check = step("checkHealth", "aws:executeScript", .success, id: "step-0501", startedAgo: 600, endedAgo: 590)
        check.validNextSteps = ["restartService", "notify"]
        return (execution, [check])
    }

    /// Demo-SlowCommand with its command running.
    static var runningExecution: (AutomationExecution, [StepExecution]) {
        var execution = AutomationExecution(automationExecutionId: id(2))
        execution.documentName = "Demo-SlowCommand"
        execution.automationExecutionStatus = .inProgress
        execution.mode = .auto
        execution.currentStepName = "runScript"
        execution.currentAction = "aws:runCommand"
        execution.executionStartTime = now.addingTimeInterval(-45)
        var run = step("runScript", "aws:runCommand", .inProgress, id: "step-0201", startedAgo: 44)
        // The local engine's note of a retry: shown as 2/3.
        run.maxAttempts = 3
        run.response = "Attempt 1 of 3 failed: exit status 1 Now on attempt 2 of 3."
        return (execution, [run])
    }

    static func state(
        width: Int = 80, height: Int = 24, readOnly: Bool = false, glyphs: GlyphSet = .unicode,
        rows: [AutomationExecutionMetadata] = Fixtures.rows, nextToken: String? = nil
    ) -> ConsoleState {
        var state = ConsoleState(
            target: target, options: ConsoleOptions(readOnly: readOnly, glyphs: glyphs), width: width, height: height,
            now: now)
        _ = ConsoleUpdate.start(&state)
        _ = ConsoleUpdate.update(
            &state, .result(.executions(.all, rows, nextToken: nextToken, appended: false), at: now))
        return state
    }

    /// A state with the execution view open on `execution`.
    static func executionState(
        _ loaded: (AutomationExecution, [StepExecution]), width: Int = 80, height: Int = 24, readOnly: Bool = false
    ) -> ConsoleState {
        var state = state(width: width, height: height, readOnly: readOnly)
        state.list.selectedId = loaded.0.automationExecutionId
        _ = ConsoleUpdate.update(&state, .key(.enter))
        _ = ConsoleUpdate.update(&state, .result(.execution(loaded.0, steps: loaded.1), at: now))
        return state
    }

    static func key(_ character: Character) -> ConsoleEvent { .key(.character(character)) }

    /// Sends the keys of `text` one by one.
    static func type(_ text: String, into state: inout ConsoleState) {
        for character in text { _ = ConsoleUpdate.update(&state, .key(.character(character))) }
    }
}
