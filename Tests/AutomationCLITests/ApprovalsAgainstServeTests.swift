import AutomationModel
import Foundation
import LocalEndpoint
import LocalEngine
import Testing

@testable import AutomationCLI

/// `approvals` and `send-automation-signal --debug` end to end against `ssm-console serve` in this process,
/// with STS found through AWS_ENDPOINT_URL_STS as the AWS CLI finds it.
@Suite(.serialized) struct ApprovalsAgainstServeTests {
    static func key(_ name: String) -> ServeAccessKey {
        ServeAccessKey(
            accessKeyId: "AKIA\(name.uppercased())".padding(toLength: 20, withPad: "0", startingAt: 0),
            secretAccessKey: "\(name)-secret", principalArn: "arn:aws:iam::123456789012:user/\(name)")
    }

    static let alice = key("alice"), bob = key("bob"), carol = key("carol")

    static let document = """
        schemaVersion: '0.3'
        mainSteps:
          - name: Approve
            action: aws:approve
            inputs:
              Approvers: [alice, bob, carol]
              MinRequiredApprovals: 2
              Message: Rotate the keys?
        """

    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ more: String) { lock.withLock { text += more } }
        var value: String { lock.withLock { text } }
    }

    func environment(_ key: ServeAccessKey, url: String) -> [String: String] {
        [
            "AWS_ACCESS_KEY_ID": key.accessKeyId, "AWS_SECRET_ACCESS_KEY": key.secretAccessKey, "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL_STS": url, "AWS_EC2_METADATA_DISABLED": "true", "HOME": "/nonexistent",
            "AWS_CONFIG_FILE": "/nonexistent/config", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials",
        ]
    }

    func approvals(_ key: ServeAccessKey, url: String, all: Bool = false) async -> (Int32, String, String) {
        var global = GlobalOptions()
        global.endpointURL = url
        var runner = ApprovalsRunner(global: global, everyone: all)
        runner.environment = environment(key, url: url)
        let out = Output(), err = Output()
        let code = await runner.run(standardOutput: out.append, standardError: err.append)
        return (code, out.value, err.value)
    }

    func approve(_ id: String, as key: ServeAccessKey, url: String) async -> (Int32, String, String) {
        let out = Output(), err = Output()
        let command = OperationCommand(
            operation: .sendAutomationSignal, environment: environment(key, url: url), standardOutput: out.append,
            standardError: err.append)
        let code = await command.run([
            "--automation-execution-id", id, "--signal-type", "Approve", "--endpoint-url", url, "--debug",
        ])
        return (code, out.value, err.value)
    }

    @Test func listsWhatWaitsOnEachCallerAndCountsAfterEachApproval() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("approvals-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let endpoint = try await SSMEndpoint.start(
            ServeConfiguration(port: 0, dataDirectory: directory, accessKeys: [Self.alice, Self.bob, Self.carol]))
        let url = "http://127.0.0.1:\(endpoint.port)"
        do {
            let session = endpoint.engine.session(principal: Self.alice.principalArn)
            _ = try await session.createDocument(CreateDocumentRequest(content: Self.document, name: "TwoOfThree", documentFormat: .yaml))
            let id = try #require(
                try await session.startAutomationExecution(StartAutomationExecutionRequest(documentName: "TwoOfThree"))
                    .automationExecutionId)
            try await Task.sleep(for: .milliseconds(200))

            let (code, out, err) = await approvals(Self.alice, url: url)
            #expect(code == 0, "\(err)")
            let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
            #expect((json?["Caller"] as? [String: Any])?["Arn"] as? String == Self.alice.principalArn)
            let mine = try #require(json?["WaitingOnYou"] as? [[String: Any]])
            #expect(mine.map { $0["AutomationExecutionId"] as? String } == [id])
            #expect((mine.first?["Approval"] as? [String: Any])?["YouMayDecide"] as? String == "Yes")

            let (approved, printed, debug) = await approve(id, as: Self.alice, url: url)
            #expect(approved == 0, "\(debug)")
            #expect(printed == "")
            #expect(debug.contains("approvals: 1 of 2 needed\n"), "\(debug)")

            // Alice has answered: nothing waits on her, though it still waits on others.
            let (after, afterOut, _) = await approvals(Self.alice, url: url)
            #expect(after == ApprovalsRunner.nothingWaiting)
            #expect(afterOut.contains(#""WaitingOnYou": []"#))
            let (all, allOut, _) = await approvals(Self.alice, url: url, all: true)
            #expect(all == 0)
            #expect(allOut.contains(#""YourDecision": "Approved""#))
            #expect(await approvals(Self.bob, url: url).0 == 0)

            let (second, _, secondDebug) = await approve(id, as: Self.bob, url: url)
            #expect(second == 0)
            #expect(secondDebug.contains("approvals: 2 of 2 needed (approved; step Approve Success)"), "\(secondDebug)")
            #expect(await approvals(Self.carol, url: url).0 == ApprovalsRunner.nothingWaiting)
            #expect(await approvals(Self.carol, url: url, all: true).0 == ApprovalsRunner.nothingWaiting)
        } catch {
            await endpoint.stop()
            throw error
        }
        await endpoint.stop()
    }

    @Test func withoutAnSTSEndpointTheErrorSaysWhereSTSIsLookedFor() async throws {
        var global = GlobalOptions()
        global.endpointURL = "http://127.0.0.1:9"
        global.connectTimeout = .seconds(2)
        var runner = ApprovalsRunner(global: global, everyone: false)
        runner.environment = environment(Self.alice, url: "http://127.0.0.1:9").merging(["AWS_MAX_ATTEMPTS": "1"]) { $1 }
        let err = Output()
        let code = await runner.run(standardOutput: { _ in }, standardError: err.append)
        #expect(code == 255)
        #expect(err.value.contains("AWS_ENDPOINT_URL_STS"), "\(err.value)")
    }

    @Test func aBadOutputSettingIsAConfigurationError() async throws {
        var runner = ApprovalsRunner(global: GlobalOptions(), everyone: false)
        runner.environment = ["AWS_DEFAULT_OUTPUT": "xml"]
        let err = Output()
        #expect(await runner.run(standardOutput: { _ in }, standardError: err.append) == 253)
        #expect(err.value.contains("Unknown output type: xml"))
    }
}
