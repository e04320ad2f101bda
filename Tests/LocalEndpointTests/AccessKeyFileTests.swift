import AWSWire
import AutomationModel
import Foundation
import LocalEndpoint
import Testing

@Suite struct AccessKeyFileTests {
    @Test func withoutKeysOnePairIsCreatedWithMode0600AndReusedOnTheNextStart() async throws {
        let directory = EndpointHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await EndpointHarness.with(keys: [], directory: directory, keepDirectory: true) { harness in
            let key = try #require(harness.endpoint.accessKeys.first)
            #expect(harness.endpoint.accessKeys.count == 1)
            #expect(key.accessKeyId.hasPrefix("AKIA"))
            #expect(key.accessKeyId.count == 20)
            #expect(key.accessKeyId.allSatisfy { $0.isUppercase || $0.isNumber })
            #expect(key.secretAccessKey.count == 40)
            #expect(key.principalArn == "arn:aws:iam::123456789012:user/ssm-console")

            let file = directory.appendingPathComponent("serve-access-key.json")
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let stored = try String(contentsOf: file, encoding: .utf8)
            #expect(stored.contains(key.accessKeyId) && stored.contains(key.secretAccessKey))

            let started: StartAutomationExecutionResponse = try await harness.client(key).call(
                "StartAutomationExecution",
                StartAutomationExecutionRequest(documentName: "Demo-SleepThenFinish", parameters: ["SleepDuration": ["PT0S"]]))
            let execution = try await harness.execution(try #require(started.automationExecutionId))
            #expect(execution.executedBy == key.principalArn)
            return key
        }
        let second = try await EndpointHarness.with(keys: [], directory: directory, keepDirectory: true) { harness in
            let answer = try await harness.raw("ListDocuments", body: "{}", key: first)
            #expect(answer.status == 200)
            return harness.endpoint.accessKeys
        }
        #expect(second == [first])
    }

    @Test func twoStartsCreateDifferentKeysInDifferentDirectories() async throws {
        let one = try await EndpointHarness.with(keys: []) { $0.endpoint.accessKeys }
        let two = try await EndpointHarness.with(keys: []) { $0.endpoint.accessKeys }
        #expect(one != two)
    }
}
