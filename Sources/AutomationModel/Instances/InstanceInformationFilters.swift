/// A DescribeInstanceInformation filter from InstanceInformationFilterList. Its wire members are lower-case
/// (`key`, `valueSet`), unlike every other SSM filter.
public struct InstanceInformationFilter: Codable, Sendable, Hashable {
    public var key: String
    public var valueSet: [String]

    public init(key: String, valueSet: [String]) {
        self.key = key
        self.valueSet = valueSet
    }

    enum CodingKeys: String, CodingKey {
        case key
        case valueSet
    }
}

/// A DescribeInstanceInformation filter from Filters; its keys also include `tag:KEY` and `tag-key`.
public struct InstanceInformationStringFilter: Codable, Sendable, Hashable {
    public var key: String
    public var values: [String]

    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key"
        case values = "Values"
    }
}
