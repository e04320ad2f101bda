import Foundation

public struct DescribeInstanceInformationRequest: Codable, Sendable, Hashable {
    public var instanceInformationFilterList: [InstanceInformationFilter]?
    public var filters: [InstanceInformationStringFilter]?
    public var maxResults: Int?
    public var nextToken: String?

    public init(
        instanceInformationFilterList: [InstanceInformationFilter]? = nil,
        filters: [InstanceInformationStringFilter]? = nil, maxResults: Int? = nil, nextToken: String? = nil
    ) {
        self.instanceInformationFilterList = instanceInformationFilterList
        self.filters = filters
        self.maxResults = maxResults
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case instanceInformationFilterList = "InstanceInformationFilterList"
        case filters = "Filters"
        case maxResults = "MaxResults"
        case nextToken = "NextToken"
    }
}

public struct DescribeInstanceInformationResponse: Codable, Sendable, Hashable {
    public var instanceInformationList: [InstanceInformation]?
    public var nextToken: String?

    public init(instanceInformationList: [InstanceInformation], nextToken: String? = nil) {
        self.instanceInformationList = instanceInformationList
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case instanceInformationList = "InstanceInformationList"
        case nextToken = "NextToken"
    }
}
