import AutomationModel

/// The document operations a start form and `serve` tests need.
extension SSMClient {
    public func getDocument(_ request: GetDocumentRequest) async throws -> GetDocumentResponse {
        try await call(.getDocument, request)
    }

    public func describeDocument(_ request: DescribeDocumentRequest) async throws -> DescribeDocumentResponse {
        try await call(.describeDocument, request)
    }

    public func listDocuments(_ request: ListDocumentsRequest) async throws -> ListDocumentsResponse {
        try await call(.listDocuments, request)
    }

    public func createDocument(_ request: CreateDocumentRequest) async throws -> CreateDocumentResponse {
        try await call(.createDocument, request)
    }
}
