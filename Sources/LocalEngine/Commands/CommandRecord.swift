import AutomationModel
import Foundation

/// What the local Run Command keeps about one command an aws:runCommand step sent: the command as ListCommands
/// shows it, and each instance's invocation. The output itself lives in files beside it (`CommandStore`).
struct CommandRecord: Codable, Sendable, Hashable {
    var command: Command
    var invocations: [InvocationRecord]

    var commandId: String { command.commandId ?? "" }

    /// Sets the command's status and counters from its invocations, as Run Command does.
    mutating func summarize() {
        let statuses = invocations.map(\.status)
        command.targetCount = invocations.count
        command.completedCount = statuses.filter(\.isTerminal).count
        command.errorCount = statuses.filter { $0 == .failed || $0 == .timedOut }.count
        command.deliveryTimedOutCount = 0
        let status: CommandStatus
        if !statuses.allSatisfy(\.isTerminal) {
            status = statuses.contains(.inProgress) || statuses.contains(where: \.isTerminal) ? .inProgress : .pending
        } else if let worst = [CommandStatus.cancelled, .timedOut, .failed].first(where: statuses.contains) {
            status = worst
        } else {
            status = .success
        }
        command.status = status
        command.statusDetails = InvocationRecord.details(for: status)
    }
}

/// One instance's part of a command.
struct InvocationRecord: Codable, Sendable, Hashable {
    var instanceId: String
    var instanceName: String
    var status: CommandStatus
    var statusDetails: String
    var responseCode: Int
    var startTime: Date?
    var endTime: Date?

    init(instanceId: String, instanceName: String) {
        self.instanceId = instanceId
        self.instanceName = instanceName
        status = .pending
        statusDetails = Self.details(for: .pending)
        responseCode = -1
    }

    /// StatusDetails as Run Command spells them for each status.
    static func details(for status: CommandStatus) -> String {
        status == .timedOut ? "ExecutionTimedOut" : status.rawValue
    }

    mutating func started(at time: Date) {
        status = .inProgress
        statusDetails = Self.details(for: .inProgress)
        startTime = time
    }

    mutating func ended(_ status: CommandStatus, responseCode: Int, at time: Date) {
        self.status = status
        statusDetails = Self.details(for: status)
        self.responseCode = responseCode
        endTime = time
        if startTime == nil { startTime = time }
    }
}
