import Foundation

/// A document's formats on the wire.
public enum DocumentFormat: String, Codable, Sendable, CaseIterable, Hashable {
    case yaml = "YAML"
    case json = "JSON"
    case text = "TEXT"
}

/// A parameter a document declares, as DescribeDocument lists it for a start form.
public struct DocumentParameter: Codable, Sendable, Hashable {
    public var name: String?
    public var type: String?
    public var description: String?
    public var defaultValue: String?

    public init(name: String, type: String, description: String? = nil, defaultValue: String? = nil) {
        self.name = name
        self.type = type
        self.description = description
        self.defaultValue = defaultValue
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case type = "Type"
        case description = "Description"
        case defaultValue = "DefaultValue"
    }
}

/// DescribeDocument's and CreateDocument's view of a document version.
public struct DocumentDescription: Codable, Sendable, Hashable {
    public var sha1: String?
    public var hash: String?
    public var hashType: String?
    public var name: String?
    public var displayName: String?
    public var versionName: String?
    public var owner: String?
    public var createdDate: Date?
    public var status: String?
    public var statusInformation: String?
    public var documentVersion: String?
    public var description: String?
    public var parameters: [DocumentParameter]?
    public var platformTypes: [String]?
    public var documentType: String?
    public var schemaVersion: String?
    public var latestVersion: String?
    public var defaultVersion: String?
    public var documentFormat: DocumentFormat?
    public var targetType: String?
    public var tags: [Tag]?

    public init(name: String) {
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case sha1 = "Sha1"
        case hash = "Hash"
        case hashType = "HashType"
        case name = "Name"
        case displayName = "DisplayName"
        case versionName = "VersionName"
        case owner = "Owner"
        case createdDate = "CreatedDate"
        case status = "Status"
        case statusInformation = "StatusInformation"
        case documentVersion = "DocumentVersion"
        case description = "Description"
        case parameters = "Parameters"
        case platformTypes = "PlatformTypes"
        case documentType = "DocumentType"
        case schemaVersion = "SchemaVersion"
        case latestVersion = "LatestVersion"
        case defaultVersion = "DefaultVersion"
        case documentFormat = "DocumentFormat"
        case targetType = "TargetType"
        case tags = "Tags"
    }
}

/// One row of ListDocuments.
public struct DocumentIdentifier: Codable, Sendable, Hashable {
    public var name: String?
    public var createdDate: Date?
    public var displayName: String?
    public var owner: String?
    public var versionName: String?
    public var platformTypes: [String]?
    public var documentVersion: String?
    public var documentType: String?
    public var schemaVersion: String?
    public var documentFormat: DocumentFormat?
    public var targetType: String?
    public var tags: [Tag]?

    public init(name: String) {
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case createdDate = "CreatedDate"
        case displayName = "DisplayName"
        case owner = "Owner"
        case versionName = "VersionName"
        case platformTypes = "PlatformTypes"
        case documentVersion = "DocumentVersion"
        case documentType = "DocumentType"
        case schemaVersion = "SchemaVersion"
        case documentFormat = "DocumentFormat"
        case targetType = "TargetType"
        case tags = "Tags"
    }
}
