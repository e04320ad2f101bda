import AutomationModel
import Foundation
import LocalEngine
import Testing

@testable import AutomationCLI

/// `watch` on a rate-controlled parent, against the local engine: each child is reported as it ends, and a
/// failed child makes the exit code 1.
@Suite struct WatchFleetTests {
    static let document = """
        schemaVersion: '0.3'
        parameters:
          Target:
            type: String
        mainSteps:
          - name: Check
            action: aws:runCommand
            inputs:
              DocumentName: AWS-RunShellScript
              InstanceIds: [mi-00000000000000001]
              Parameters:
                commands: ['test "{{ Target }}" != bad']
        """

    @Test func childrenAreReportedAsTheyEndAndAFailureExitsOne() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("watch-fleet-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = try await AutomationEngine.open(
            EngineConfiguration(dataDirectory: directory, stepFunctions: nil, installShippedRunbooks: false))
        let service = engine.session(principal: "arn:aws:iam::123456789012:user/alice")
        do {
            _ = try await service.createDocument(
                CreateDocumentRequest(content: Self.document, name: "CheckEach", documentType: "Automation", documentFormat: .yaml))
            var request = StartAutomationExecutionRequest(
                documentName: "CheckEach", targetParameterName: "Target",
                targets: [Target(key: "ParameterValues", values: ["one", "bad", "two"])])
            request.maxConcurrency = "3"
            request.maxErrors = "2"
            let id = try #require(try await service.startAutomationExecution(request).automationExecutionId)
            var watcher = ExecutionWatcher(service: service, executionId: id, interval: .milliseconds(50))
            watcher.now = { Date(timeIntervalSince1970: 0) }
            var lines: [String] = []
            let status = try await watcher.watch { lines.append($0) }
            #expect(status == .failed)
            #expect(ExecutionWatcher.exitCode(for: status) == 1)
            let childLines = lines.filter { $0.contains("  child ") }
            #expect(childLines.count == 3)
            #expect(childLines.filter { $0.hasSuffix(": Success") }.count == 2)
            #expect(childLines.contains { $0.contains(" on bad: Failed (") })
            #expect(lines.contains("00:00:00Z  children: 2 succeeded, 1 did not, of 3 targets"))
            #expect(lines.last?.contains("→ Failed (1 of 3 targets did not succeed") == true)
        } catch {
            await engine.shutdown()
            throw error
        }
        await engine.shutdown()
    }
}
