import AutomationModel
import Foundation
import GRDB
@testable import LocalEngine
import Testing

/// serve answers DescribeAutomationExecutions from each row's kept wire encoding: byte for byte what encoding
/// the typed answer gives, for any page, filter and token, after executions change, and for list rows written
/// in another layout (an older data directory).
@Suite struct EncodedListingTests {
    static let idle = EngineDocuments.document(steps: [EngineDocuments.shellStep("Only", ["echo only"])])
    static let describe = OperationCatalog.describeAutomationExecutions.operation

    static func expectSameAnswer(_ engine: EngineHarness, _ request: DescribeAutomationExecutionsRequest) async throws {
        let typed = try AWSJSON.encode(try await engine.service.describeAutomationExecutions(request))
        let encoded = try #require(try await engine.service.encodedResponse(to: describe, request))
        #expect(
            String(decoding: encoded, as: UTF8.self) == String(decoding: typed, as: UTF8.self),
            "filters \(request.filters?.map(\.key) ?? []), page of \(request.maxResults ?? 50)")
    }

    @Test func theEncodedListingIsTheTypedListingEncoded() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Alpha", yaml: Self.idle)
            try await engine.createDocument("Beta", yaml: Self.idle)
            var ids: [String] = []
            for index in 0..<12 {
                ids.append(
                    try await engine.start(
                        index % 3 == 0 ? "Beta" : "Alpha", mode: .interactive,
                        tags: index % 4 == 0 ? [AutomationModel.Tag(key: "Team", value: "web/ops \"blue\"")] : []))
            }
            try await engine.stop(ids[1], .cancel)
            let requests: [DescribeAutomationExecutionsRequest] = [
                DescribeAutomationExecutionsRequest(),
                DescribeAutomationExecutionsRequest(maxResults: 5),
                DescribeAutomationExecutionsRequest(filters: [.init(key: .documentNamePrefix, values: ["Beta"])]),
                DescribeAutomationExecutionsRequest(filters: [.init(key: .executionStatus, values: ["Cancelled"])]),
                DescribeAutomationExecutionsRequest(filters: [.init(key: .tagKey, values: ["Team"])], maxResults: 2),
                DescribeAutomationExecutionsRequest(filters: [.init(key: .documentNamePrefix, values: ["Nothing"])]),
            ]
            for request in requests { try await Self.expectSameAnswer(engine, request) }
            // Every page of a paged listing, tokens included.
            var page = DescribeAutomationExecutionsRequest(maxResults: 5)
            repeat {
                try await Self.expectSameAnswer(engine, page)
                page.nextToken = try await engine.service.describeAutomationExecutions(page).nextToken
            } while page.nextToken != nil

            // A row whose execution changed after it was encoded is encoded again.
            try await Self.expectSameAnswer(engine, requests[0])
            try await engine.stop(ids[5], .cancel)
            try await Self.expectSameAnswer(engine, requests[0])
            let byId = DescribeAutomationExecutionsRequest(filters: [.init(key: .executionId, values: [ids[5]])])
            let answer = try #require(try await engine.service.encodedResponse(to: Self.describe, byId))
            #expect(String(decoding: answer, as: UTF8.self).contains(#""AutomationExecutionStatus":"Cancelled""#))

            // Errors are the typed listing's.
            await expectEngineError(.invalidNextToken) {
                _ = try await engine.service.encodedResponse(to: Self.describe, DescribeAutomationExecutionsRequest(nextToken: "x"))
            }
            await expectEngineError(.validationException, containing: ["MaxResults"]) {
                _ = try await engine.service.encodedResponse(to: Self.describe, DescribeAutomationExecutionsRequest(maxResults: 51))
            }
        }
    }

    @Test func listRowsStoredInAnotherLayoutReachTheWireAsTheEncoderWritesThem() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Idle", yaml: Self.idle)
            for _ in 0..<3 { _ = try await engine.start("Idle", mode: .interactive) }
            let expected = try AWSJSON.encode(
                try await engine.service.describeAutomationExecutions(DescribeAutomationExecutionsRequest()))
            // Pretty-printed, keys unsorted, slashes escaped: what another encoder might have stored.
            let other = JSONEncoder()
            other.outputFormatting = [.prettyPrinted]
            other.dateEncodingStrategy = .secondsSince1970
            let queue = try DatabaseQueue(path: engine.directory.appendingPathComponent(EngineStore.fileName).path)
            try await queue.write { db in
                for row in try Row.fetchAll(db, sql: "SELECT id, listRow FROM executions") {
                    let metadata = try EngineStore.decodeListRow(row["listRow"])
                    let text = String(decoding: try other.encode(metadata), as: UTF8.self)
                    #expect(text.contains("\n"))
                    try db.execute(sql: "UPDATE executions SET listRow = ? WHERE id = ?", arguments: [text, row["id"]])
                }
            }
            try queue.close()
            let reopened = try EngineStore(directory: engine.directory)
            let encoded = try reopened.encodedDescribeExecutions(DescribeAutomationExecutionsRequest())
            #expect(String(decoding: encoded, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
    }
}
