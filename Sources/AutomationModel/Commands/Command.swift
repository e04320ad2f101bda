import Foundation

/// One Run Command command as ListCommands returns it.
public struct Command: Codable, Sendable, Hashable {
    public var commandId: String?
    public var documentName: String?
    public var documentVersion: String?
    public var comment: String?
    public var expiresAfter: Date?
    public var parameters: [String: [String]]?
    public var instanceIds: [String]?
    public var targets: [Target]?
    public var requestedDateTime: Date?
    public var status: CommandStatus?
    public var statusDetails: String?
    public var outputS3Region: String?
    public var outputS3BucketName: String?
    public var outputS3KeyPrefix: String?
    public var maxConcurrency: String?
    public var maxErrors: String?
    public var targetCount: Int?
    public var completedCount: Int?
    public var errorCount: Int?
    public var deliveryTimedOutCount: Int?
    public var serviceRole: String?
    public var notificationConfig: NotificationConfig?
    public var cloudWatchOutputConfig: CloudWatchOutputConfig?
    public var timeoutSeconds: Int?

    public init(commandId: String) {
        self.commandId = commandId
    }

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId"
        case documentName = "DocumentName"
        case documentVersion = "DocumentVersion"
        case comment = "Comment"
        case expiresAfter = "ExpiresAfter"
        case parameters = "Parameters"
        case instanceIds = "InstanceIds"
        case targets = "Targets"
        case requestedDateTime = "RequestedDateTime"
        case status = "Status"
        case statusDetails = "StatusDetails"
        case outputS3Region = "OutputS3Region"
        case outputS3BucketName = "OutputS3BucketName"
        case outputS3KeyPrefix = "OutputS3KeyPrefix"
        case maxConcurrency = "MaxConcurrency"
        case maxErrors = "MaxErrors"
        case targetCount = "TargetCount"
        case completedCount = "CompletedCount"
        case errorCount = "ErrorCount"
        case deliveryTimedOutCount = "DeliveryTimedOutCount"
        case serviceRole = "ServiceRole"
        case notificationConfig = "NotificationConfig"
        case cloudWatchOutputConfig = "CloudWatchOutputConfig"
        case timeoutSeconds = "TimeoutSeconds"
    }
}

/// Where a command's notifications go.
public struct NotificationConfig: Codable, Sendable, Hashable {
    public var notificationArn: String?
    public var notificationEvents: [String]?
    public var notificationType: String?

    public init(notificationArn: String? = nil, notificationEvents: [String]? = nil, notificationType: String? = nil) {
        self.notificationArn = notificationArn
        self.notificationEvents = notificationEvents
        self.notificationType = notificationType
    }

    enum CodingKeys: String, CodingKey {
        case notificationArn = "NotificationArn"
        case notificationEvents = "NotificationEvents"
        case notificationType = "NotificationType"
    }
}

/// Whether a command's output also goes to CloudWatch Logs.
public struct CloudWatchOutputConfig: Codable, Sendable, Hashable {
    public var cloudWatchLogGroupName: String?
    public var cloudWatchOutputEnabled: Bool?

    public init(cloudWatchLogGroupName: String? = nil, cloudWatchOutputEnabled: Bool? = nil) {
        self.cloudWatchLogGroupName = cloudWatchLogGroupName
        self.cloudWatchOutputEnabled = cloudWatchOutputEnabled
    }

    enum CodingKeys: String, CodingKey {
        case cloudWatchLogGroupName = "CloudWatchLogGroupName"
        case cloudWatchOutputEnabled = "CloudWatchOutputEnabled"
    }
}

/// A filter on ListCommands and ListCommandInvocations. Unlike the Automation filters, its members are
/// spelled in lower case on the wire: `key` and `value`.
public struct CommandFilter: Codable, Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    public init(key: Key, value: String) {
        self.init(key: key.rawValue, value: value)
    }

    public enum Key: String, CaseIterable, Sendable {
        case invokedAfter = "InvokedAfter"
        case invokedBefore = "InvokedBefore"
        case status = "Status"
        case executionStage = "ExecutionStage"
        case documentName = "DocumentName"
    }
}
