import AutomationModel
import Connection
import Foundation

/// `ssm-console watch`: polls one execution and reports each step's status change as a line, until the
/// execution ends. Scripts wait on a runbook with it: the final status decides the exit code. A
/// rate-controlled parent has no steps of its own: its children are reported as they end, with a count of
/// those that did not succeed when it ends (the parent is then not Success either).
public struct ExecutionWatcher: Sendable {
    public let service: any AutomationService
    public let executionId: String
    public let interval: Duration
    public var now: @Sendable () -> Date = { Date() }
    public var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }

    public init(service: any AutomationService, executionId: String, interval: Duration) {
        self.service = service
        self.executionId = executionId
        self.interval = interval
    }

    /// Watches until the execution reaches a terminal status and returns it; `report` gets each line.
    public func watch(report: (String) -> Void) async throws -> AutomationExecutionStatus {
        var stepStatuses: [String: AutomationExecutionStatus] = [:]
        var executionStatus: AutomationExecutionStatus?
        var childStatuses: [String: AutomationExecutionStatus] = [:]
        while true {
            let execution = try await fetch()
            if Self.isRateControlled(execution) {
                // Read after the parent: a parent that has ended has no child left running.
                for child in try await children() {
                    let status = child.automationExecutionStatus ?? .pending
                    guard status.isTerminal, childStatuses[child.automationExecutionId] == nil else { continue }
                    childStatuses[child.automationExecutionId] = status
                    let detail = status == .success ? "" : child.failureMessage.map { " (\($0))" } ?? ""
                    report(
                        "\(Self.clock(now()))  child \(child.automationExecutionId) on \(child.target ?? "-"): \(status.rawValue)"
                            + detail)
                }
                if (execution.automationExecutionStatus ?? .pending).isTerminal {
                    let notSucceeded = childStatuses.values.filter { $0 != .success }.count
                    report(
                        "\(Self.clock(now()))  children: \(childStatuses.count - notSucceeded) succeeded, \(notSucceeded) did not, of \(execution.resolvedTargets?.parameterValues?.count ?? childStatuses.count) targets")
                }
            }
            for step in try await steps(of: execution) {
                let key = step.stepExecutionId ?? step.stepName ?? ""
                let status = step.stepStatus ?? .pending
                let old = stepStatuses[key]
                guard old != status else { continue }
                stepStatuses[key] = status
                report(line(step.stepName ?? key, from: old, to: status))
            }
            let status = execution.automationExecutionStatus ?? .pending
            if status != executionStatus {
                let detail = status.isTerminal ? execution.failureMessage.map { " (\($0))" } ?? "" : ""
                report(line("execution \(executionId)", from: executionStatus, to: status) + detail)
                executionStatus = status
            }
            if status.isTerminal { return status }
            try await sleep(interval)
        }
    }

    /// Started with Targets or TargetMaps: the parent of one child execution per target.
    static func isRateControlled(_ execution: AutomationExecution) -> Bool {
        execution.resolvedTargets != nil || !(execution.targets ?? []).isEmpty || !(execution.targetMaps ?? []).isEmpty
    }

    /// Every child of the watched parent, through the ParentExecutionId filter, a page at a time.
    private func children() async throws -> [AutomationExecutionMetadata] {
        var children: [AutomationExecutionMetadata] = []
        var token: String?
        repeat {
            let page = try await service.describeAutomationExecutions(
                DescribeAutomationExecutionsRequest(
                    filters: [AutomationExecutionFilter(key: .parentExecutionId, values: [executionId])], nextToken: token))
            children += page.automationExecutionMetadataList ?? []
            token = page.nextToken
        } while token != nil
        return children
    }

    /// The exit code for a final status: 0 for Success, 1 for any other ending.
    public static func exitCode(for status: AutomationExecutionStatus) -> Int32 {
        status == .success ? CLIExitCode.success : CLIExitCode.executionDidNotSucceed
    }

    private func fetch() async throws -> AutomationExecution {
        let answer = try await service.getAutomationExecution(GetAutomationExecutionRequest(automationExecutionId: executionId))
        guard let execution = answer.automationExecution else {
            throw ServiceError(.automationExecutionNotFoundException, "The answer for \(executionId) held no execution.")
        }
        return execution
    }

    /// The execution's steps; GetAutomationExecution may truncate them, and then every page is read.
    private func steps(of execution: AutomationExecution) async throws -> [StepExecution] {
        guard execution.stepExecutionsTruncated == true else { return execution.stepExecutions ?? [] }
        var steps: [StepExecution] = []
        var token: String?
        repeat {
            let page = try await service.describeAutomationStepExecutions(
                DescribeAutomationStepExecutionsRequest(automationExecutionId: executionId, nextToken: token))
            steps += page.stepExecutions ?? []
            token = page.nextToken
        } while token != nil
        return steps
    }

    private func line(_ subject: String, from old: AutomationExecutionStatus?, to new: AutomationExecutionStatus) -> String {
        "\(Self.clock(now()))  \(subject): \(old.map(\.rawValue) ?? "-") → \(new.rawValue)"
    }

    /// UTC wall-clock time, so lines from different machines compare.
    static func clock(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withTime, .withColonSeparatorInTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date) + "Z"
    }
}
