import AWSWire
import AutomationModel
import Foundation
import LocalEndpoint
import Testing

/// serve answers every operation of the catalog, through the catalog's dispatch, and nothing else.
@Suite struct CatalogCoverageTests {
    @Test func serveAnswersEveryCatalogOperation() async throws {
        try await EndpointHarness.with { harness in
            for entry in OperationCatalog.all {
                let response = try await harness.raw(entry.operation.name, body: "{}")
                if response.status != 200 {
                    let error = try ErrorBody(response)
                    #expect(error.type != "UnknownOperationException", "\(entry.operation.name): \(error.message)")
                }
            }
            let unknown = try await harness.raw("SendCommand", body: "{}")
            let error = try ErrorBody(unknown)
            #expect(error.type == "UnknownOperationException")
            #expect(error.message.contains(OperationCatalog.names.joined(separator: ", ")))
        }
    }
}
