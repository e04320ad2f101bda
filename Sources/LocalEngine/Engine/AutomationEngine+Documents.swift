import AutomationDocuments
import AutomationModel
import Crypto
import Foundation

/// Documents: created, stored in versions, parsed once per version, checked against what the engine can run.
extension AutomationEngine {
    static let documentNamePattern = try! NSRegularExpression(pattern: "^[a-zA-Z0-9_\\-.]{3,128}$")

    func createDocument(_ request: CreateDocumentRequest, owner: String) throws(ServiceError) -> CreateDocumentResponse {
        let name = request.name
        let range = NSRange(name.startIndex..., in: name)
        guard Self.documentNamePattern.firstMatch(in: name, range: range) != nil else {
            throw ServiceError(
                .validationException,
                "Document name '\(name)' must be 3 to 128 letters, digits, '_', '-' or '.'.")
        }
        for reserved in ["AWS-", "AWS", "Amazon", "amzn"] where name.hasPrefix(reserved) {
            throw ServiceError(
                .validationException, "Document names starting with '\(reserved)' are reserved for AWS. Choose another name.")
        }
        let type = request.documentType ?? "Command"
        guard type == "Automation" else {
            throw ServiceError(
                .invalidDocumentContent,
                "The local engine stores Automation documents only; DocumentType is '\(type)'. Pass --document-type Automation.")
        }
        let existing: Bool
        do { existing = try store.documentExists(name: name) } catch { throw storeError(error) }
        if existing {
            throw ServiceError(.documentAlreadyExists, "A document named '\(name)' already exists.")
        }
        let format = request.documentFormat ?? .json
        let document = try Self.parseRunnable(request.content, format: format)
        do {
            let version = try store.addDocumentVersion(
                name: name, content: request.content, format: format, documentType: type, owner: owner,
                versionName: request.versionName, displayName: request.displayName, tags: request.tags ?? [],
                createdDate: now)
            parsedDocuments["\(name)@\(version)"] = document
            guard let stored = try store.document(name: name, version: String(version)) else {
                throw ServiceError(.internalServerError, "Document '\(name)' vanished right after it was written.")
            }
            return CreateDocumentResponse(documentDescription: Self.describe(stored, document: document))
        } catch let error as ServiceError {
            throw error
        } catch {
            throw storeError(error)
        }
    }

    /// Parses a document and checks that every step is one this engine can run.
    static func parseRunnable(_ content: String, format: DocumentFormat?) throws(ServiceError) -> AutomationDocument {
        let document = try DocumentParser.parse(content, format: format == .text ? nil : format)
        try LocalCapabilities.check(document)
        return document
    }

    /// The stored version and its parsed document, or the AWS error for a missing name or version.
    func runnableDocument(name: String, version: String?) throws(ServiceError) -> (StoredDocument, AutomationDocument) {
        let stored: StoredDocument?
        do { stored = try store.document(name: name, version: version) } catch { throw storeError(error) }
        guard let stored else {
            let exists = (try? store.documentExists(name: name)) ?? false
            if exists, let version {
                throw ServiceError(
                    .automationDefinitionVersionNotFoundException,
                    "Document '\(name)' has no version '\(version)'. Leave DocumentVersion out to use the default version.")
            }
            throw ServiceError(
                .automationDefinitionNotFoundException,
                "No Automation document named '\(name)'. List the documents with ListDocuments (DocumentType Automation).")
        }
        let key = "\(stored.name)@\(stored.version)"
        if let document = parsedDocuments[key] { return (stored, document) }
        let document = try Self.parseRunnable(stored.content, format: stored.format)
        parsedDocuments[key] = document
        return (stored, document)
    }

    /// Installs the shipped runbooks the store does not have yet. `open` does it when the configuration says
    /// so; the console opens its engine without and calls this after its first screen, as parsing them all
    /// on a first start would hold that screen up.
    public func installShippedRunbooks() throws {
        for runbook in try ShippedRunbooks.all() where try !store.documentExists(name: runbook.name) {
            _ = try Self.parseRunnable(runbook.content, format: .yaml)
            try store.addDocumentVersion(
                name: runbook.name, content: runbook.content, format: .yaml, documentType: "Automation",
                owner: configuration.accountId, versionName: nil, displayName: nil, tags: [], createdDate: now)
        }
    }

    nonisolated func storeError(_ error: any Error) -> ServiceError {
        ServiceError(.internalServerError, "The local engine could not use its store: \(error)")
    }
}

/// Reads of documents, outside the actor.
extension AutomationEngine {
    nonisolated func storedDocument(name: String, version: String?) throws(ServiceError) -> StoredDocument {
        let stored: StoredDocument?
        do { stored = try store.document(name: name, version: version) } catch { throw storeError(error) }
        guard let stored else {
            let exists = (try? store.documentExists(name: name)) ?? false
            if exists {
                throw ServiceError(.invalidDocumentVersion, "Document '\(name)' has no version '\(version ?? "")'.")
            }
            throw ServiceError(.invalidDocument, "The specified document '\(name)' does not exist.")
        }
        return stored
    }

    nonisolated func getDocument(_ request: GetDocumentRequest) throws(ServiceError) -> GetDocumentResponse {
        let stored = try storedDocument(name: request.name, version: request.documentVersion)
        var response = GetDocumentResponse(name: stored.name)
        response.createdDate = stored.createdDate
        response.displayName = stored.displayName
        response.versionName = stored.versionName
        response.documentVersion = String(stored.version)
        response.status = "Active"
        response.documentType = stored.documentType
        let format = request.documentFormat ?? stored.format
        response.documentFormat = format
        response.content = try DocumentFormatConversion.convert(stored.content, from: stored.format, to: format)
        return response
    }

    nonisolated func describeDocument(_ request: DescribeDocumentRequest) throws(ServiceError) -> DescribeDocumentResponse {
        let stored = try storedDocument(name: request.name, version: request.documentVersion)
        let document = try DocumentParser.parse(stored.content, format: stored.format)
        return DescribeDocumentResponse(document: Self.describe(stored, document: document))
    }

    nonisolated func listDocuments(_ request: ListDocumentsRequest) throws(ServiceError) -> ListDocumentsResponse {
        let pageSize = try PageSize.check(request.maxResults)
        let documents: [StoredDocument]
        do { documents = try store.defaultDocuments() } catch { throw storeError(error) }
        var matching: [StoredDocument] = []
        for document in documents
        where try DocumentListFilter.matches(document, filters: request.filters ?? [], accountId: configuration.accountId) {
            matching.append(document)
        }
        var start = 0
        if let token = request.nextToken, !token.isEmpty {
            // The token is the last name of the previous page: pages stay stable while documents are added.
            guard let data = Data(base64Encoded: token), let lastName = String(data: data, encoding: .utf8) else {
                throw ServiceError(.invalidNextToken, "The NextToken is not one this service issued. Start again without NextToken.")
            }
            start = matching.firstIndex { $0.name > lastName } ?? matching.count
        }
        let page = Array(matching[start..<min(start + pageSize, matching.count)])
        let next = start + pageSize < matching.count ? page.last.map { Data($0.name.utf8).base64EncodedString() } : nil
        return ListDocumentsResponse(documentIdentifiers: page.map(Self.identifier), nextToken: next)
    }

    static func describe(_ stored: StoredDocument, document: AutomationDocument) -> DocumentDescription {
        var description = DocumentDescription(name: stored.name)
        let digest = SHA256.hash(data: Data(stored.content.utf8))
        description.hash = digest.map { String(format: "%02x", $0) }.joined()
        description.hashType = "Sha256"
        description.displayName = stored.displayName
        description.versionName = stored.versionName
        description.owner = stored.owner
        description.createdDate = stored.createdDate
        description.status = "Active"
        description.documentVersion = String(stored.version)
        description.description = document.description
        description.parameters = document.parameters.map(\.documentParameter)
        description.platformTypes = ["Windows", "Linux", "MacOS"]
        description.documentType = stored.documentType
        description.schemaVersion = document.schemaVersion
        description.latestVersion = String(stored.latestVersion)
        description.defaultVersion = String(stored.defaultVersion)
        description.documentFormat = stored.format
        description.tags = stored.tags
        return description
    }

    static func identifier(_ stored: StoredDocument) -> DocumentIdentifier {
        var identifier = DocumentIdentifier(name: stored.name)
        identifier.createdDate = stored.createdDate
        identifier.displayName = stored.displayName
        identifier.owner = stored.owner
        identifier.versionName = stored.versionName
        identifier.platformTypes = ["Windows", "Linux", "MacOS"]
        identifier.documentVersion = String(stored.defaultVersion)
        identifier.documentType = stored.documentType
        identifier.schemaVersion = "0.3"
        identifier.documentFormat = stored.format
        identifier.tags = stored.tags
        return identifier
    }
}
