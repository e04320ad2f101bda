import AutomationDocuments
import AutomationModel
import Foundation

/// UpdateDocument and DeleteDocument, for the SSM-compatible endpoint.
extension AutomationEngine {
    public func updateDocument(_ request: UpdateDocumentRequest) throws(ServiceError) -> UpdateDocumentResponse {
        let latest = try storedDocument(name: request.name, version: "$LATEST")
        if let version = request.documentVersion, version != "$LATEST", version != String(latest.version) {
            throw ServiceError(
                .invalidDocumentVersion,
                "Only the latest version of '\(request.name)' (\(latest.version)) can be updated; got DocumentVersion \(version). Pass $LATEST.")
        }
        if request.content == latest.content {
            throw ServiceError(
                .duplicateDocumentContent,
                "The content is the same as version \(latest.version) of '\(request.name)'. Change the content to make a new version.")
        }
        let format = request.documentFormat ?? latest.format
        let document = try Self.parseRunnable(request.content, format: format)
        do {
            let version = try store.addDocumentVersion(
                name: request.name, content: request.content, format: format, documentType: latest.documentType,
                owner: latest.owner, versionName: request.versionName, displayName: request.displayName ?? latest.displayName,
                tags: latest.tags, createdDate: now, makeDefault: false)
            parsedDocuments["\(request.name)@\(version)"] = document
            let stored = try storedDocument(name: request.name, version: String(version))
            return UpdateDocumentResponse(documentDescription: Self.describe(stored, document: document))
        } catch let error as ServiceError {
            throw error
        } catch {
            throw storeError(error)
        }
    }

    public func deleteDocument(_ request: DeleteDocumentRequest) throws(ServiceError) {
        let stored = try storedDocument(name: request.name, version: request.documentVersion)
        if request.documentVersion != nil, stored.version == stored.defaultVersion {
            throw ServiceError(
                .invalidDocumentOperation,
                "Version \(stored.version) is the default version of '\(request.name)' and cannot be deleted on its own. Delete the whole document (leave DocumentVersion out).")
        }
        do {
            _ = try store.deleteDocument(name: request.name, version: request.documentVersion.map { _ in stored.version })
        } catch {
            throw storeError(error)
        }
        // Running executions keep the parsed document they started with.
    }

    /// The local managed instances, for DescribeInstanceInformation.
    public nonisolated var managedInstances: [ManagedInstance] { configuration.instances }
}
