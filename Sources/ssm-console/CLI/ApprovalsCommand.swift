import ArgumentParser
import AutomationCLI
import Connection

/// `ssm-console approvals`: the approvals waiting on you, or with --all everything waiting on anyone.
struct ApprovalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approvals",
        abstract: "List the approvals waiting on you (--all: everything waiting on anyone); exit 0 when there are some.",
        usage: "ssm-console approvals [--all] [--output json|text|table|yaml|yaml-stream] [--local] [--data-dir <path>] [AWS options]",
        discussion: """
            Waiting on you: executions Waiting at an aws:approve step whose Approvers include you (your user, \
            your role or assumed role, or a group you are in) and that you have not answered. Who you are comes \
            from STS GetCallerIdentity (AWS_ENDPOINT_URL_STS or the profile's services section; --endpoint-url \
            applies to SSM only), or the local engine's principal with --local. Against AWS your groups are not \
            known, so an approval naming a group is listed with YouMayDecide PossiblyThroughGroup.

            --all adds everything else waiting on a person: approvals of others, pauses (Resume), Interactive \
            executions between steps (StartStep), and change requests waiting on Change Manager (an approval or \
            a change calendar override), each with what it waits for.

            JSON: {"Caller": {Arn, Account, UserId}, "WaitingOnYou": [ITEM], "WaitingOnOthers": [ITEM] (--all)}; \
            ITEM: AutomationExecutionId, DocumentName, ExecutionStatus, CurrentStepName, ExecutedBy, \
            ExecutionStartTime, WaitsFor (Approval, Resume, StartStep, ChangeRequestApproval, \
            ChangeCalendarOverride, Other), Summary, and for an approval Approval: {Approvers, \
            MinRequiredApprovals, Approvals, Remaining, Message, Deadline, YouMayDecide (Yes, \
            PossiblyThroughGroup, No), ThroughGroup, YourDecision, Decisions: [{Approver, Decision, \
            DecisionTime, Comment}]}.

            Calls: DescribeAutomationExecutions filtered on ExecutionStatus, then one \
            DescribeAutomationStepExecutions per execution waiting on an approval, paced to SSM's quotas.

            Exit codes, like grep: 0 when something waits on you (with --all: on anyone), 1 when nothing does, \
            and the AWS CLI's codes for errors (252 bad input, 253 configuration, 254 service error, 255 other).
            """)

    @Flag(help: "List everything waiting on anyone, not only what waits on you.") var all = false
    @Option(help: ArgumentHelp("The output format (default: AWS_DEFAULT_OUTPUT, the profile's output, json).", valueName: "json|text|table|yaml|yaml-stream"))
    var output: String?
    @OptionGroup var global: GlobalOptionGroup

    func validate() throws {
        do {
            _ = try options()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func options() throws(CLIFailure) -> GlobalOptions {
        var options = try global.options()
        if let output {
            guard let format = OutputFormat(rawValue: output) else {
                throw CLIFailure.input("argument --output: invalid choice: '\(output)' (choose from 'json', 'text', 'table')")
            }
            options.output = format
        }
        return options
    }

    /// Main routes `approvals` to CLIEntry before ArgumentParser sees it; this is the same entry when it does not.
    func run() async throws {
        let code = await CLIEntry.run(self)
        if code != CLIExitCode.success { throw ExitCode(code) }
    }
}
