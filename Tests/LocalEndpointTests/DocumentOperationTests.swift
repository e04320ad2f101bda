import AWSWire
import AutomationModel
import Foundation
import LocalEndpoint
import Testing

@Suite struct DocumentOperationTests {
    @Test func createGetDescribeListUpdateAndDeleteADocument() async throws {
        try await EndpointHarness.with { harness in
            let client = harness.client()
            let created: CreateDocumentResponse = try await client.call(
                "CreateDocument", CreateDocumentRequest(content: TestDocuments.sleepLong, name: "Serve-Doc", documentFormat: .yaml))
            #expect(created.documentDescription?.name == "Serve-Doc")
            #expect(created.documentDescription?.documentVersion == "1")

            let fetched: GetDocumentResponse = try await client.call("GetDocument", GetDocumentRequest(name: "Serve-Doc"))
            #expect(fetched.content == TestDocuments.sleepLong)

            let described: DescribeDocumentResponse = try await client.call(
                "DescribeDocument", DescribeDocumentRequest(name: "Serve-Doc"))
            #expect(described.document?.latestVersion == "1")

            let listed: ListDocumentsResponse = try await client.call(
                "ListDocuments", ListDocumentsRequest(filters: [DocumentKeyValuesFilter(key: "Owner", values: ["Self"])]))
            #expect(listed.documentIdentifiers?.map(\.name).contains("Serve-Doc") == true)

            let updated: UpdateDocumentResponse = try await client.call(
                "UpdateDocument",
                UpdateDocumentRequest(
                    content: TestDocuments.sleepLong + "\n# second\n", name: "Serve-Doc", documentVersion: "$LATEST"))
            #expect(updated.documentDescription?.documentVersion == "2")

            let deleteAnswer = try await client.call(
                "DeleteDocument", body: try AWSJSON.encode(DeleteDocumentRequest(name: "Serve-Doc")))
            #expect(String(decoding: deleteAnswer, as: UTF8.self) == "{}")

            let error = await serviceError {
                let _: GetDocumentResponse = try await client.call("GetDocument", GetDocumentRequest(name: "Serve-Doc"))
            }
            #expect(error?.code == .invalidDocument)
        }
    }
}
