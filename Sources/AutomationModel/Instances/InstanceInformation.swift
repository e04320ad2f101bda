import Foundation

/// One managed instance as DescribeInstanceInformation lists it (the members a local instance can have).
public struct InstanceInformation: Codable, Sendable, Hashable {
    public var instanceId: String?
    public var pingStatus: String?
    public var lastPingDateTime: Date?
    public var agentVersion: String?
    public var isLatestVersion: Bool?
    public var platformType: String?
    public var platformName: String?
    public var platformVersion: String?
    public var resourceType: String?
    public var name: String?
    public var ipAddress: String?
    public var computerName: String?

    public init(instanceId: String) {
        self.instanceId = instanceId
    }

    enum CodingKeys: String, CodingKey {
        case instanceId = "InstanceId"
        case pingStatus = "PingStatus"
        case lastPingDateTime = "LastPingDateTime"
        case agentVersion = "AgentVersion"
        case isLatestVersion = "IsLatestVersion"
        case platformType = "PlatformType"
        case platformName = "PlatformName"
        case platformVersion = "PlatformVersion"
        case resourceType = "ResourceType"
        case name = "Name"
        case ipAddress = "IPAddress"
        case computerName = "ComputerName"
    }
}
