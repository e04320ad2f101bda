import Foundation
import Testing

@testable import AutomationCLI

@Suite struct ExecutionIDCacheTests {
    @Test func recordsListedAndFetchedExecutionsAndForgetsOldOnes() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        var cache = ExecutionIDCache(environment: ["HOME": home])
        #expect(cache.url.path == home + "/.cache/ssm-console/execution-ids")
        let clock = ManualClock(Date(timeIntervalSince1970: 1_000_000))
        cache.now = { clock.now }
        let listing = try WireJSON.parse(Data(#"""
            {"AutomationExecutionMetadataList": [
              {"AutomationExecutionId": "id-1", "DocumentName": "Demo", "AutomationExecutionStatus": "Waiting"},
              {"AutomationExecutionId": "id-2", "DocumentName": "Other\tname", "AutomationExecutionStatus": "Success"}]}
            """#.utf8))
        cache.record([listing])
        clock.now += 60
        cache.record([try WireJSON.parse(Data(#"{"AutomationExecution": {"AutomationExecutionId": "id-3"}}"#.utf8))])
        #expect(cache.entries().map(\.id) == ["id-3", "id-1", "id-2"])
        #expect(cache.entries().last?.description == "Other name Success")
        clock.now += ExecutionIDCache.lifetime - 30
        #expect(cache.entries().map(\.id) == ["id-3"])
        // What the completion scripts read: the live entries, as id<TAB>description.
        ExecutionIDCache(environment: ["HOME": home]).record([listing])
        #expect(CompletionValues.lines(.executionIDs, environment: ["HOME": home]).prefix(2) == ["id-1\tDemo Waiting", "id-2\tOther name Success"])
        let xdg = ExecutionIDCache(environment: ["HOME": home, "XDG_CACHE_HOME": "/var/cache/x"])
        #expect(xdg.url.path == "/var/cache/x/ssm-console/execution-ids")
    }

    @Test func aLongListingIsRecordedUpToTheCapacityFromItsFirstRow() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        let cache = ExecutionIDCache(environment: ["HOME": home])
        let rows = (0..<1_000).map { #"{"AutomationExecutionId":"id-\#($0)","DocumentName":"D","AutomationExecutionStatus":"Success"}"# }
        cache.record([try WireJSON.parse(Data(#"{"AutomationExecutionMetadataList":[\#(rows.joined(separator: ","))]}"#.utf8))])
        #expect(Set(cache.entries().map(\.id)) == Set((0..<ExecutionIDCache.capacity).map { "id-\($0)" }))
    }
}

/// A clock the test moves by hand; read from the cache's closure on the test's own thread only.
final class ManualClock: @unchecked Sendable {
    var now: Date
    init(_ now: Date) { self.now = now }
}
