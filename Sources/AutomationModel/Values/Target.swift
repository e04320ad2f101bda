/// A target selector: `InstanceIds` with IDs, or `tag:KEY` with values.
public struct Target: Codable, Sendable, Hashable {
    public var key: String?
    public var values: [String]?

    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key"
        case values = "Values"
    }
}

/// A resource tag.
public struct Tag: Codable, Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key"
        case value = "Value"
    }
}
