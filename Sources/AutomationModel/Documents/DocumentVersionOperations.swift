import Foundation

public struct UpdateDocumentRequest: Codable, Sendable, Hashable {
    public var content: String
    public var name: String
    public var displayName: String?
    public var versionName: String?
    /// The version being updated: `$LATEST` or the latest version's number.
    public var documentVersion: String?
    public var documentFormat: DocumentFormat?
    public var targetType: String?

    public init(content: String, name: String, documentVersion: String? = nil, documentFormat: DocumentFormat? = nil) {
        self.content = content
        self.name = name
        self.documentVersion = documentVersion
        self.documentFormat = documentFormat
    }

    enum CodingKeys: String, CodingKey {
        case content = "Content"
        case name = "Name"
        case displayName = "DisplayName"
        case versionName = "VersionName"
        case documentVersion = "DocumentVersion"
        case documentFormat = "DocumentFormat"
        case targetType = "TargetType"
    }
}

public struct UpdateDocumentResponse: Codable, Sendable, Hashable {
    public var documentDescription: DocumentDescription?

    public init(documentDescription: DocumentDescription) {
        self.documentDescription = documentDescription
    }

    enum CodingKeys: String, CodingKey {
        case documentDescription = "DocumentDescription"
    }
}

public struct DeleteDocumentRequest: Codable, Sendable, Hashable {
    public var name: String
    public var documentVersion: String?
    public var versionName: String?
    public var force: Bool?

    public init(name: String, documentVersion: String? = nil) {
        self.name = name
        self.documentVersion = documentVersion
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case documentVersion = "DocumentVersion"
        case versionName = "VersionName"
        case force = "Force"
    }
}

public typealias DeleteDocumentResponse = EmptyResponse
