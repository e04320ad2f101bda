import AutomationModel
import Connection
import Foundation
import Testing

/// The console's local engine: nothing of the demo is done before the first screen (the hook), and the hook
/// installs the shipped runbooks, seeds the demo and says so after each execution it starts, which the console
/// turns into an event that reloads its list.
@Suite struct DemoSeedingConnectionTests {
    @Test func theDemoIsSeededAfterTheFirstScreenAndEachExecutionIsReported() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seeding-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let connection = try await ServiceConnection.open(
            ServiceConnectionOptions(local: true, dataDirectory: directory, seedDemo: true),
            environment: ["HOME": directory.path, "USER": "tester"])
        let service = connection.service
        // Before the hook: no runbook parsed or installed, no execution.
        #expect(try await service.listDocuments(ListDocumentsRequest()).documentIdentifiers?.isEmpty ?? true)

        let reports = LockedValue(0)
        connection.seedDemoInBackground { reports.withLock { $0 += 1 } }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(60))
        var executions: [AutomationExecutionMetadata] = []
        while clock.now < deadline {
            executions = try await service.describeAutomationExecutions(DescribeAutomationExecutionsRequest())
                .automationExecutionMetadataList?.filter { $0.parentAutomationExecutionId == nil } ?? []
            // Each execution the demo started, and once more at the end.
            if !executions.isEmpty, reports.withLock({ $0 }) == executions.count + 1 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(executions.count >= 10)
        #expect(reports.withLock { $0 } == executions.count + 1)
        let documents = try await service.listDocuments(ListDocumentsRequest(maxResults: 50)).documentIdentifiers ?? []
        #expect(documents.contains { $0.name == "Demo-RollingRestart" })
        await connection.close()
    }
}
