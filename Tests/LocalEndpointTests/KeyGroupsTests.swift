import AWSWire
import AutomationModel
import Foundation
import LocalEndpoint
import LocalEngine
import Testing

/// A key's IAM groups, from --key-groups or the key file, and group approvers matched through them.
@Suite struct KeyGroupsTests {
    static let carol = ServeAccessKey(
        accessKeyId: "AKIACAROL000000TEST1", secretAccessKey: "carol-secret-000000000000000000000000000",
        principalArn: "arn:aws:iam::123456789012:user/carol")

    static let groupApproval = """
        schemaVersion: '0.3'
        mainSteps:
          - name: Approve
            action: aws:approve
            inputs:
              Approvers:
                - arn:aws:iam::123456789012:group/Oncall
        """

    @Test func aGroupApproverIsMatchedThroughTheKeysGroups() async throws {
        try await EndpointHarness.with(
            keys: [EndpointHarness.alice, Self.carol], keyGroups: [Self.carol.accessKeyId: ["Readers", "Oncall"]]
        ) { harness in
            #expect(harness.endpoint.accessKeys.first { $0.accessKeyId == Self.carol.accessKeyId }?.groups == ["Readers", "Oncall"])
            let _: CreateDocumentResponse = try await harness.client().call(
                "CreateDocument", CreateDocumentRequest(content: Self.groupApproval, name: "GroupApproval", documentFormat: .yaml))
            let started: StartAutomationExecutionResponse = try await harness.client().call(
                "StartAutomationExecution", StartAutomationExecutionRequest(documentName: "GroupApproval"))
            let id = try #require(started.automationExecutionId)
            _ = try await harness.waitFor(id, .waiting)

            let refused = await serviceError {
                let _: SendAutomationSignalResponse = try await harness.client(EndpointHarness.alice).call(
                    "SendAutomationSignal", SendAutomationSignalRequest(automationExecutionId: id, signalType: .approve))
            }
            #expect(refused?.code == .invalidAutomationSignalException)
            #expect(refused?.message.contains("group/Oncall") == true)

            let _: SendAutomationSignalResponse = try await harness.client(Self.carol).call(
                "SendAutomationSignal", SendAutomationSignalRequest(automationExecutionId: id, signalType: .approve))
            #expect(try await harness.waitFor(id, .success).automationExecutionStatus == .success)
        }
    }

    @Test func theKeyFileListsGroupsAndKeyGroupsAddsToThem() async throws {
        let directory = EndpointHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("""
            {"AccessKeyId": "AKIAFILE000000000001", "SecretAccessKey": "file-secret",
             "PrincipalArn": "arn:aws:iam::123456789012:user/filed", "Groups": ["Oncall"]}
            """.utf8).write(to: directory.appendingPathComponent("serve-access-key.json"))
        let keys = try await EndpointHarness.with(
            keys: [], keyGroups: ["AKIAFILE000000000001": ["Release", "Oncall"]], directory: directory, keepDirectory: true
        ) { harness in harness.endpoint.accessKeys }
        #expect(keys.map(\.groups) == [["Oncall", "Release"]])
    }

    @Test func aKeyFileWithAMalformedGroupSaysWhatIsWrong() async throws {
        let directory = EndpointHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("""
            {"AccessKeyId": "AKIAFILE000000000001", "SecretAccessKey": "s", "PrincipalArn": "arn:aws:iam::123456789012:user/f",
             "Groups": ["arn:aws:iam::123456789012:group/Oncall"]}
            """.utf8).write(to: directory.appendingPathComponent("serve-access-key.json"))
        await #expect {
            try await EndpointHarness.with(keys: [], directory: directory, keepDirectory: true) { _ in }
        } throws: { error in
            let message = (error as? ServeSetupError)?.message ?? ""
            return message.contains("serve-access-key.json") && message.contains("not an IAM group name")
                && message.contains("not its ARN")
        }
    }

    @Test func keyGroupsForAnUnknownKeyIsRefused() async throws {
        await #expect {
            try await EndpointHarness.with(keyGroups: ["AKIANOBODY0000000000": ["Oncall"]]) { _ in }
        } throws: { error in
            let message = (error as? ServeSetupError)?.message ?? ""
            return message.contains("AKIANOBODY0000000000") && message.contains(EndpointHarness.alice.accessKeyId)
        }
    }

    @Test func keyGroupsArgumentsAreParsed() throws {
        #expect(try ServeArguments.keyGroups("AKIAONE=Oncall") == ServeKeyGroups(accessKeyId: "AKIAONE", groups: ["Oncall"]))
        #expect(try ServeArguments.keyGroups("AKIAONE=Oncall,Release.Team@x") == ServeKeyGroups(accessKeyId: "AKIAONE", groups: ["Oncall", "Release.Team@x"]))
        for text in ["AKIAONE", "=Oncall", "AKIAONE=", "AKIAONE=Oncall,", "AKIAONE=On call", "AKIAONE=arn:aws:iam::1:group/x"] {
            #expect(throws: ServeSetupError.self, "\(text)") { try ServeArguments.keyGroups(text) }
        }
        #expect {
            try ServeArguments.keyGroups("AKIAONE=arn:aws:iam::1:group/x")
        } throws: { error in
            (error as? ServeSetupError)?.message.contains("not its ARN") == true
        }
    }
}
