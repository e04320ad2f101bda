import Foundation

public struct ListCommandsRequest: Codable, Sendable, Hashable {
    public var commandId: String?
    public var instanceId: String?
    public var maxResults: Int?
    public var nextToken: String?
    public var filters: [CommandFilter]?

    public init(
        commandId: String? = nil, instanceId: String? = nil, maxResults: Int? = nil, nextToken: String? = nil,
        filters: [CommandFilter]? = nil
    ) {
        self.commandId = commandId
        self.instanceId = instanceId
        self.maxResults = maxResults
        self.nextToken = nextToken
        self.filters = filters
    }

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId"
        case instanceId = "InstanceId"
        case maxResults = "MaxResults"
        case nextToken = "NextToken"
        case filters = "Filters"
    }
}

public struct ListCommandsResponse: Codable, Sendable, Hashable {
    public var commands: [Command]?
    public var nextToken: String?

    public init(commands: [Command], nextToken: String? = nil) {
        self.commands = commands
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case commands = "Commands"
        case nextToken = "NextToken"
    }
}

public struct ListCommandInvocationsRequest: Codable, Sendable, Hashable {
    public var commandId: String?
    public var instanceId: String?
    public var maxResults: Int?
    public var nextToken: String?
    public var filters: [CommandFilter]?
    /// Whether each invocation lists its CommandPlugins with their output.
    public var details: Bool?

    public init(
        commandId: String? = nil, instanceId: String? = nil, maxResults: Int? = nil, nextToken: String? = nil,
        filters: [CommandFilter]? = nil, details: Bool? = nil
    ) {
        self.commandId = commandId
        self.instanceId = instanceId
        self.maxResults = maxResults
        self.nextToken = nextToken
        self.filters = filters
        self.details = details
    }

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId"
        case instanceId = "InstanceId"
        case maxResults = "MaxResults"
        case nextToken = "NextToken"
        case filters = "Filters"
        case details = "Details"
    }
}

public struct ListCommandInvocationsResponse: Codable, Sendable, Hashable {
    public var commandInvocations: [CommandInvocation]?
    public var nextToken: String?

    public init(commandInvocations: [CommandInvocation], nextToken: String? = nil) {
        self.commandInvocations = commandInvocations
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case commandInvocations = "CommandInvocations"
        case nextToken = "NextToken"
    }
}

public struct GetCommandInvocationRequest: Codable, Sendable, Hashable {
    public var commandId: String
    public var instanceId: String
    public var pluginName: String?

    public init(commandId: String, instanceId: String, pluginName: String? = nil) {
        self.commandId = commandId
        self.instanceId = instanceId
        self.pluginName = pluginName
    }

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId"
        case instanceId = "InstanceId"
        case pluginName = "PluginName"
    }
}

/// One instance's invocation with its output. The times are ISO 8601 text here, not epoch seconds, and
/// ExecutionElapsedTime is a duration such as PT0.412S, as the API defines them.
public struct GetCommandInvocationResponse: Codable, Sendable, Hashable {
    public var commandId: String?
    public var instanceId: String?
    public var comment: String?
    public var documentName: String?
    public var documentVersion: String?
    public var pluginName: String?
    public var responseCode: Int?
    public var executionStartDateTime: String?
    public var executionElapsedTime: String?
    public var executionEndDateTime: String?
    public var status: CommandStatus?
    public var statusDetails: String?
    /// The first 24,000 characters of stdout.
    public var standardOutputContent: String?
    public var standardOutputUrl: String?
    /// The first 8,000 characters of stderr.
    public var standardErrorContent: String?
    public var standardErrorUrl: String?
    public var cloudWatchOutputConfig: CloudWatchOutputConfig?

    public init(commandId: String, instanceId: String) {
        self.commandId = commandId
        self.instanceId = instanceId
    }

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId"
        case instanceId = "InstanceId"
        case comment = "Comment"
        case documentName = "DocumentName"
        case documentVersion = "DocumentVersion"
        case pluginName = "PluginName"
        case responseCode = "ResponseCode"
        case executionStartDateTime = "ExecutionStartDateTime"
        case executionElapsedTime = "ExecutionElapsedTime"
        case executionEndDateTime = "ExecutionEndDateTime"
        case status = "Status"
        case statusDetails = "StatusDetails"
        case standardOutputContent = "StandardOutputContent"
        case standardOutputUrl = "StandardOutputUrl"
        case standardErrorContent = "StandardErrorContent"
        case standardErrorUrl = "StandardErrorUrl"
        case cloudWatchOutputConfig = "CloudWatchOutputConfig"
    }
}
