import AutomationModel
import Foundation

/// DescribeInstanceInformation over the engine's managed instances: each is this computer, always online.
enum InstanceInformationListing {
    /// The version the local engine reports as its agent's.
    static let agentVersion = "1.0.0"

    static func describe(
        _ request: DescribeInstanceInformationRequest, instances: [ManagedInstance], now: Date = Date()
    ) throws(ServiceError) -> DescribeInstanceInformationResponse {
        let pageSize = request.maxResults ?? 50
        guard (5...50).contains(pageSize) else {
            throw ServiceError(
                .validationException,
                "1 validation error detected: Value '\(pageSize)' at 'maxResults' failed to satisfy constraint: Member must have value between 5 and 50.")
        }
        var conditions: [(key: String, values: [String])] = []
        for filter in request.instanceInformationFilterList ?? [] {
            if filter.key.hasPrefix("tag") {
                throw ServiceError(
                    .invalidFilterKey,
                    "InstanceInformationFilterList does not take '\(filter.key)'; put tag filters in Filters (Key tag:NAME or tag-key).")
            }
            conditions.append((filter.key, filter.valueSet))
        }
        for filter in request.filters ?? [] {
            conditions.append((filter.key, filter.values))
        }
        let host = HostFacts.current
        var all: [ManagedInstance] = []
        for instance in instances {
            var selected = true
            for condition in conditions where try !matches(instance, condition.key, condition.values) {
                selected = false
            }
            if selected { all.append(instance) }
        }
        let start = try offset(of: request.nextToken, count: all.count)
        let page = all.dropFirst(start).prefix(pageSize).map { information(for: $0, host: host, now: now) }
        let next = start + page.count < all.count ? token(for: start + page.count) : nil
        return DescribeInstanceInformationResponse(instanceInformationList: Array(page), nextToken: next)
    }

    private static func matches(_ instance: ManagedInstance, _ key: String, _ values: [String]) throws(ServiceError)
        -> Bool
    {
        guard !values.isEmpty else {
            throw ServiceError(
                .invalidInstanceInformationFilterValue, "The filter '\(key)' has no values; give at least one.")
        }
        if key.hasPrefix("tag:") {
            let tagKey = String(key.dropFirst(4))
            return instance.tags[tagKey].map(values.contains) ?? false
        }
        switch key {
        case "InstanceIds": return values.contains(instance.id)
        case "PingStatus": return values.contains("Online")
        case "PlatformTypes": return values.contains("Linux")
        case "ResourceType": return values.contains("ManagedInstance")
        case "AgentVersion": return values.contains(agentVersion)
        case "tag-key": return values.contains { instance.tags[$0] != nil }
        default:
            throw ServiceError(
                .invalidFilterKey,
                "The filter key '\(key)' is not supported here. Use InstanceIds, PingStatus, PlatformTypes, ResourceType, AgentVersion, tag:NAME or tag-key.")
        }
    }

    private static func information(for instance: ManagedInstance, host: HostFacts, now: Date) -> InstanceInformation {
        var information = InstanceInformation(instanceId: instance.id)
        information.pingStatus = "Online"
        information.lastPingDateTime = now
        information.agentVersion = agentVersion
        information.isLatestVersion = true
        information.platformType = "Linux"
        information.platformName = host.platformName
        information.platformVersion = host.platformVersion
        information.resourceType = "ManagedInstance"
        information.name = instance.tags["Name"]
        information.ipAddress = "127.0.0.1"
        information.computerName = host.computerName
        return information
    }

    private static func token(for offset: Int) -> String {
        Data("instances:\(offset)".utf8).base64EncodedString()
    }

    private static func offset(of token: String?, count: Int) throws(ServiceError) -> Int {
        guard let token else { return 0 }
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("instances:"), let offset = Int(text.dropFirst("instances:".count)), (0...count).contains(offset)
        else {
            throw ServiceError(
                .invalidNextToken,
                "The NextToken '\(token)' was not issued by DescribeInstanceInformation here. Pass the NextToken of the previous page, or leave it out to start over.")
        }
        return offset
    }
}

extension ServiceError.Code {
    static let invalidInstanceInformationFilterValue = Self(rawValue: "InvalidInstanceInformationFilterValue")
}

/// What this computer reports about itself as a managed instance.
struct HostFacts: Sendable {
    var platformName: String
    var platformVersion: String?
    var computerName: String

    static let current: HostFacts = {
        let release = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
        var fields: [String: String] = [:]
        for line in release.split(separator: "\n") {
            let pair = line.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            fields[String(pair[0])] = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return HostFacts(
            platformName: fields["NAME"] ?? "Linux", platformVersion: fields["VERSION_ID"],
            computerName: ProcessInfo.processInfo.hostName)
    }()
}
