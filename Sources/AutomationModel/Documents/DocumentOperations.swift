import Foundation

public struct GetDocumentRequest: Codable, Sendable, Hashable {
    public var name: String
    public var versionName: String?
    public var documentVersion: String?
    public var documentFormat: DocumentFormat?

    public init(name: String, documentVersion: String? = nil, documentFormat: DocumentFormat? = nil) {
        self.name = name
        self.documentVersion = documentVersion
        self.documentFormat = documentFormat
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case versionName = "VersionName"
        case documentVersion = "DocumentVersion"
        case documentFormat = "DocumentFormat"
    }
}

public struct GetDocumentResponse: Codable, Sendable, Hashable {
    public var name: String?
    public var createdDate: Date?
    public var displayName: String?
    public var versionName: String?
    public var documentVersion: String?
    public var status: String?
    public var statusInformation: String?
    public var content: String?
    public var documentType: String?
    public var documentFormat: DocumentFormat?

    public init(name: String) {
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case createdDate = "CreatedDate"
        case displayName = "DisplayName"
        case versionName = "VersionName"
        case documentVersion = "DocumentVersion"
        case status = "Status"
        case statusInformation = "StatusInformation"
        case content = "Content"
        case documentType = "DocumentType"
        case documentFormat = "DocumentFormat"
    }
}

public struct DescribeDocumentRequest: Codable, Sendable, Hashable {
    public var name: String
    public var documentVersion: String?
    public var versionName: String?

    public init(name: String, documentVersion: String? = nil) {
        self.name = name
        self.documentVersion = documentVersion
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case documentVersion = "DocumentVersion"
        case versionName = "VersionName"
    }
}

public struct DescribeDocumentResponse: Codable, Sendable, Hashable {
    public var document: DocumentDescription?

    public init(document: DocumentDescription) {
        self.document = document
    }

    enum CodingKeys: String, CodingKey {
        case document = "Document"
    }
}

/// A ListDocuments filter such as `DocumentType=Automation` or `Owner=Self`.
public struct DocumentKeyValuesFilter: Codable, Sendable, Hashable {
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

public struct ListDocumentsRequest: Codable, Sendable, Hashable {
    public var filters: [DocumentKeyValuesFilter]?
    public var maxResults: Int?
    public var nextToken: String?

    public init(filters: [DocumentKeyValuesFilter]? = nil, maxResults: Int? = nil, nextToken: String? = nil) {
        self.filters = filters
        self.maxResults = maxResults
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case filters = "Filters"
        case maxResults = "MaxResults"
        case nextToken = "NextToken"
    }
}

public struct ListDocumentsResponse: Codable, Sendable, Hashable {
    public var documentIdentifiers: [DocumentIdentifier]?
    public var nextToken: String?

    public init(documentIdentifiers: [DocumentIdentifier], nextToken: String? = nil) {
        self.documentIdentifiers = documentIdentifiers
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case documentIdentifiers = "DocumentIdentifiers"
        case nextToken = "NextToken"
    }
}

public struct CreateDocumentRequest: Codable, Sendable, Hashable {
    public var content: String
    public var name: String
    public var displayName: String?
    public var versionName: String?
    public var documentType: String?
    public var documentFormat: DocumentFormat?
    public var targetType: String?
    public var tags: [Tag]?

    public init(
        content: String, name: String, documentType: String? = "Automation", documentFormat: DocumentFormat? = nil,
        displayName: String? = nil, versionName: String? = nil, tags: [Tag]? = nil
    ) {
        self.content = content
        self.name = name
        self.documentType = documentType
        self.documentFormat = documentFormat
        self.displayName = displayName
        self.versionName = versionName
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case content = "Content"
        case name = "Name"
        case displayName = "DisplayName"
        case versionName = "VersionName"
        case documentType = "DocumentType"
        case documentFormat = "DocumentFormat"
        case targetType = "TargetType"
        case tags = "Tags"
    }
}

public struct CreateDocumentResponse: Codable, Sendable, Hashable {
    public var documentDescription: DocumentDescription?

    public init(documentDescription: DocumentDescription) {
        self.documentDescription = documentDescription
    }

    enum CodingKeys: String, CodingKey {
        case documentDescription = "DocumentDescription"
    }
}
