import AutomationModel
import Foundation

/// ListCommands, ListCommandInvocations and GetCommandInvocation over the local Run Command's records, with
/// Run Command's fields, filters, paging, output limits and errors.
struct CommandReads: Sendable {
    let store: CommandStore

    /// GetCommandInvocation's StandardOutputContent and StandardErrorContent are cut at these lengths.
    static let standardOutputLimit = 24_000
    static let standardErrorLimit = 8_000
    static let defaultPageSize = 50

    func listCommands(_ request: ListCommandsRequest) throws(ServiceError) -> ListCommandsResponse {
        try Self.checkInstanceId(request.instanceId)
        var records = try matching(commandId: request.commandId)
        if let instanceId = request.instanceId {
            records = records.filter { $0.invocations.contains { $0.instanceId == instanceId } }
        }
        let filters = try CommandFilters(request.filters)
        records = records.filter { filters.matches(requested: $0.command.requestedDateTime, status: $0.command.status, document: $0.command.documentName) }
        let (page, next) = try Self.page(records, maxResults: request.maxResults, nextToken: request.nextToken)
        return ListCommandsResponse(commands: page.map(\.command), nextToken: next)
    }

    func listCommandInvocations(_ request: ListCommandInvocationsRequest) throws(ServiceError)
        -> ListCommandInvocationsResponse
    {
        try Self.checkInstanceId(request.instanceId)
        let filters = try CommandFilters(request.filters)
        var invocations: [CommandInvocation] = []
        for record in try matching(commandId: request.commandId) {
            for invocation in record.invocations where request.instanceId.map({ $0 == invocation.instanceId }) ?? true {
                guard filters.matches(requested: record.command.requestedDateTime, status: invocation.status, document: record.command.documentName)
                else { continue }
                invocations.append(commandInvocation(invocation, of: record, details: request.details == true))
            }
        }
        let (page, next) = try Self.page(invocations, maxResults: request.maxResults, nextToken: request.nextToken)
        return ListCommandInvocationsResponse(commandInvocations: page, nextToken: next)
    }

    func getCommandInvocation(_ request: GetCommandInvocationRequest) throws(ServiceError) -> GetCommandInvocationResponse {
        try Self.checkCommandId(request.commandId)
        try Self.checkInstanceId(request.instanceId)
        if let plugin = request.pluginName, plugin != CommandPluginName.runShellScript {
            throw ServiceError(
                .invalidPluginName,
                "PluginName '\(plugin)' is not a plugin of this command; AWS-RunShellScript runs \(CommandPluginName.runShellScript). Leave PluginName out to read it.")
        }
        guard let record = store.record(request.commandId),
            let invocation = record.invocations.first(where: { $0.instanceId == request.instanceId })
        else {
            throw ServiceError(
                .invocationDoesNotExist,
                "No invocation of command \(request.commandId) on \(request.instanceId). Check both IDs with ListCommandInvocations.")
        }
        let output = store.output(commandId: record.commandId, instanceId: invocation.instanceId)
        var response = GetCommandInvocationResponse(commandId: record.commandId, instanceId: invocation.instanceId)
        response.comment = record.command.comment
        response.documentName = record.command.documentName
        response.documentVersion = record.command.documentVersion
        response.pluginName = CommandPluginName.runShellScript
        response.responseCode = invocation.responseCode
        response.executionStartDateTime = invocation.startTime.map(Self.timeText) ?? ""
        response.executionEndDateTime = invocation.endTime.map(Self.timeText) ?? ""
        if let start = invocation.startTime, let end = invocation.endTime {
            response.executionElapsedTime = Self.durationText(end.timeIntervalSince(start))
        } else {
            response.executionElapsedTime = ""
        }
        response.status = invocation.status
        response.statusDetails = invocation.statusDetails
        response.standardOutputContent = String(output.standardOutput.prefix(Self.standardOutputLimit))
        response.standardOutputUrl = ""
        response.standardErrorContent = String(output.standardError.prefix(Self.standardErrorLimit))
        response.standardErrorUrl = ""
        response.cloudWatchOutputConfig = record.command.cloudWatchOutputConfig
        return response
    }

    /// The records `commandId` names (all of them without one).
    private func matching(commandId: String?) throws(ServiceError) -> [CommandRecord] {
        guard let commandId else { return store.records() }
        try Self.checkCommandId(commandId)
        guard let record = store.record(commandId) else {
            throw ServiceError(
                .invalidCommandId,
                "No command with ID \(commandId). The CommandId output of an aws:runCommand step names one; ListCommands lists them all.")
        }
        return [record]
    }

    private func commandInvocation(_ invocation: InvocationRecord, of record: CommandRecord, details: Bool) -> CommandInvocation {
        var item = CommandInvocation(commandId: record.commandId, instanceId: invocation.instanceId)
        item.instanceName = invocation.instanceName
        item.comment = record.command.comment
        item.documentName = record.command.documentName
        item.documentVersion = record.command.documentVersion
        item.requestedDateTime = record.command.requestedDateTime
        item.status = invocation.status
        item.statusDetails = invocation.statusDetails
        item.traceOutput = ""
        item.standardOutputUrl = ""
        item.standardErrorUrl = ""
        item.serviceRole = record.command.serviceRole
        item.notificationConfig = record.command.notificationConfig
        item.cloudWatchOutputConfig = record.command.cloudWatchOutputConfig
        item.commandPlugins = details ? [plugin(invocation, of: record)] : []
        return item
    }

    private func plugin(_ invocation: InvocationRecord, of record: CommandRecord) -> CommandPlugin {
        let output = store.output(commandId: record.commandId, instanceId: invocation.instanceId)
        var plugin = CommandPlugin(name: CommandPluginName.runShellScript)
        plugin.status = invocation.status == .delayed || invocation.status == .cancelling ? .inProgress : invocation.status
        plugin.statusDetails = invocation.statusDetails
        plugin.responseCode = invocation.responseCode
        plugin.responseStartDateTime = invocation.startTime
        plugin.responseFinishDateTime = invocation.endTime
        let block = InstanceCommandResult(
            instanceId: invocation.instanceId, status: .success, responseCode: invocation.responseCode,
            standardOutput: output.standardOutput, standardError: output.standardError)
        plugin.output = RunCommandOutput.text(for: [block])
        plugin.standardOutputUrl = ""
        plugin.standardErrorUrl = ""
        plugin.outputS3Region = record.command.outputS3Region
        plugin.outputS3BucketName = ""
        plugin.outputS3KeyPrefix = ""
        return plugin
    }

    static func checkCommandId(_ commandId: String) throws(ServiceError) {
        guard commandId.count == ClientLimits.commandIdLength, UUID(uuidString: commandId) != nil else {
            throw ServiceError(
                .invalidCommandId,
                "CommandId '\(commandId)' is not a command ID; command IDs are UUIDs such as 3b2e9f0c-6c4c-4b43-9f4c-0123456789ab.")
        }
    }

    /// Managed instance IDs look like mi-0123456789abcdef0, EC2 instance IDs like i-0123456789abcdef0.
    static func checkInstanceId(_ instanceId: String?) throws(ServiceError) {
        guard let instanceId else { return }
        guard instanceId.wholeMatch(of: /i-(\w{8}|\w{17})|mi-\w{17}/) != nil else {
            throw ServiceError(
                .invalidInstanceId,
                "InstanceId '\(instanceId)' is not an instance ID; write it as mi- and 17 characters (a managed instance) or i- and 8 or 17 (an EC2 instance).")
        }
    }

    static func page<Item>(_ items: [Item], maxResults: Int?, nextToken: String?) throws(ServiceError) -> ([Item], String?) {
        let size = maxResults ?? defaultPageSize
        guard ClientLimits.commandMaxResults.contains(size) else {
            throw ServiceError(.validationException, "MaxResults must be from 1 to 50; got \(size).")
        }
        var start = 0
        if let nextToken {
            guard let data = Data(base64Encoded: nextToken), let offset = Int(String(decoding: data, as: UTF8.self)),
                (0...items.count).contains(offset)
            else {
                throw ServiceError(.invalidNextToken, "The NextToken is not one this service issued. Start again without NextToken.")
            }
            start = offset
        }
        let end = min(start + size, items.count)
        let next = end < items.count ? Data(String(end).utf8).base64EncodedString() : nil
        return (Array(items[start..<end]), next)
    }

    /// As GetCommandInvocation writes its times: 2026-12-06T07:01:02.345Z.
    static func timeText(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// As GetCommandInvocation writes ExecutionElapsedTime: PT0.412S.
    static func durationText(_ seconds: TimeInterval) -> String {
        "PT" + String(format: "%.3f", max(0, seconds)) + "S"
    }
}

/// The Filters of ListCommands and ListCommandInvocations: each must hold.
struct CommandFilters {
    var invokedAfter: Date?
    var invokedBefore: Date?
    var statuses: Set<CommandStatus> = []
    var complete: Bool?
    var documentName: String?

    static let stages = ["Executing", "Complete"]

    init(_ filters: [CommandFilter]?) throws(ServiceError) {
        guard let filters else { return }
        guard ClientLimits.commandFilters.contains(filters.count) else {
            throw ServiceError(.validationException, "Filters must hold 1 to 5 filters; got \(filters.count).")
        }
        for filter in filters {
            guard let key = CommandFilter.Key(rawValue: filter.key) else {
                let valid = CommandFilter.Key.allCases.map(\.rawValue).joined(separator: ", ")
                throw ServiceError(.invalidFilterKey, "Unknown filter key '\(filter.key)'. Valid keys: \(valid).")
            }
            switch key {
            case .invokedAfter, .invokedBefore:
                guard let date = FilterTime.parse(filter.value) else {
                    throw ServiceError(
                        .validationException, "\(key.rawValue) takes a time such as 2026-12-06T07:00:00Z; got '\(filter.value)'.")
                }
                if key == .invokedAfter { invokedAfter = date } else { invokedBefore = date }
            case .status:
                let status = CommandStatus(rawValue: filter.value)
                guard CommandStatus.allKnown.contains(status) else {
                    throw ServiceError(
                        .validationException,
                        "Status '\(filter.value)' is not a command status; use one of \(CommandStatus.allKnown.map(\.rawValue).joined(separator: ", ")).")
                }
                statuses.insert(status)
            case .executionStage:
                guard Self.stages.contains(filter.value) else {
                    throw ServiceError(
                        .validationException, "ExecutionStage is Executing or Complete; got '\(filter.value)'.")
                }
                complete = filter.value == "Complete"
            case .documentName:
                documentName = filter.value
            }
        }
    }

    func matches(requested: Date?, status: CommandStatus?, document: String?) -> Bool {
        let time = requested ?? .distantPast
        if let invokedAfter, time < invokedAfter { return false }
        if let invokedBefore, time > invokedBefore { return false }
        let status = status ?? .pending
        if !statuses.isEmpty, !statuses.contains(status) { return false }
        if let complete, status.isTerminal != complete { return false }
        if let documentName, document != documentName { return false }
        return true
    }
}
