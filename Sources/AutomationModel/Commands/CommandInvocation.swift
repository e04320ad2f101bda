import Foundation

/// One instance's part of a command, as ListCommandInvocations returns it; CommandPlugins only with Details.
public struct CommandInvocation: Codable, Sendable, Hashable {
    public var commandId: String?
    public var instanceId: String?
    public var instanceName: String?
    public var comment: String?
    public var documentName: String?
    public var documentVersion: String?
    public var requestedDateTime: Date?
    public var status: CommandStatus?
    public var statusDetails: String?
    public var traceOutput: String?
    public var standardOutputUrl: String?
    public var standardErrorUrl: String?
    public var commandPlugins: [CommandPlugin]?
    public var serviceRole: String?
    public var notificationConfig: NotificationConfig?
    public var cloudWatchOutputConfig: CloudWatchOutputConfig?

    public init(commandId: String, instanceId: String) {
        self.commandId = commandId
        self.instanceId = instanceId
    }

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId"
        case instanceId = "InstanceId"
        case instanceName = "InstanceName"
        case comment = "Comment"
        case documentName = "DocumentName"
        case documentVersion = "DocumentVersion"
        case requestedDateTime = "RequestedDateTime"
        case status = "Status"
        case statusDetails = "StatusDetails"
        case traceOutput = "TraceOutput"
        case standardOutputUrl = "StandardOutputUrl"
        case standardErrorUrl = "StandardErrorUrl"
        case commandPlugins = "CommandPlugins"
        case serviceRole = "ServiceRole"
        case notificationConfig = "NotificationConfig"
        case cloudWatchOutputConfig = "CloudWatchOutputConfig"
    }
}

/// One plugin (step) of a command document on one instance, such as AWS-RunShellScript's aws:runShellScript.
public struct CommandPlugin: Codable, Sendable, Hashable {
    public var name: String?
    public var status: CommandStatus?
    public var statusDetails: String?
    public var responseCode: Int?
    public var responseStartDateTime: Date?
    public var responseFinishDateTime: Date?
    /// stdout then stderr, cut at 2,500 characters.
    public var output: String?
    public var standardOutputUrl: String?
    public var standardErrorUrl: String?
    public var outputS3Region: String?
    public var outputS3BucketName: String?
    public var outputS3KeyPrefix: String?

    public init(name: String) {
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case status = "Status"
        case statusDetails = "StatusDetails"
        case responseCode = "ResponseCode"
        case responseStartDateTime = "ResponseStartDateTime"
        case responseFinishDateTime = "ResponseFinishDateTime"
        case output = "Output"
        case standardOutputUrl = "StandardOutputUrl"
        case standardErrorUrl = "StandardErrorUrl"
        case outputS3Region = "OutputS3Region"
        case outputS3BucketName = "OutputS3BucketName"
        case outputS3KeyPrefix = "OutputS3KeyPrefix"
    }
}
