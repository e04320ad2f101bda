import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// CreateDocument, GetDocument, DescribeDocument and ListDocuments on the local engine.
@Suite struct EngineDocumentTests {
    typealias Docs = EngineDocuments

    static let yamlDocument = Docs.document(
        parameters: """
            Service:
              type: String
              description: The service to restart.
              default: nginx
            Hosts:
              type: StringList
              default: [web-1, web-2]
            Force:
              type: Boolean
            """,
        steps: [Docs.shellStep("Restart", ["echo restarting {{ Service }}"])])

    static let jsonDocument = """
        {
          "schemaVersion": "0.3",
          "description": "Waits for a person.",
          "mainSteps": [
            {"name": "Hold", "action": "aws:pause", "inputs": {}}
          ]
        }
        """

    @Test func createsDocumentsInJSONAndYAMLAndRefusesADuplicateName() async throws {
        try await EngineHarness.with { engine in
            let fromYAML = try await engine.createDocument("Restart", yaml: Self.yamlDocument)
            #expect(fromYAML.documentDescription?.name == "Restart")
            #expect(fromYAML.documentDescription?.documentFormat == .yaml)
            #expect(fromYAML.documentDescription?.documentVersion == "1")
            #expect(fromYAML.documentDescription?.documentType == "Automation")

            let fromJSON = try await engine.service.createDocument(
                CreateDocumentRequest(content: Self.jsonDocument, name: "Hold", documentFormat: .json))
            #expect(fromJSON.documentDescription?.documentFormat == .json)
            #expect(fromJSON.documentDescription?.description == "Waits for a person.")
            let id = try await engine.start("Hold")
            try await engine.waitForStep(id, "Hold", .waiting)

            await expectEngineError(.documentAlreadyExists, containing: ["Restart"]) {
                try await engine.createDocument("Restart", yaml: Self.yamlDocument)
            }
        }
    }

    @Test(arguments: [
        ("Stack", "action: aws:createStack\ninputs:\n  StackName: demo\n", ["aws:createStack"]),
        (
            "Instances", "action: aws:executeAwsApi\ninputs:\n  Service: ec2\n  Api: DescribeInstances\n",
            ["aws:executeAwsApi", "ec2"]
        ),
    ])
    func actionsTheEngineCannotRunAreRefusedAtCreate(step: String, body: String, named: [String]) async throws {
        try await EngineHarness.with { engine in
            await expectEngineError(.invalidDocumentContent, containing: [step] + named) {
                try await engine.createDocument(
                    "Unsupported", yaml: Docs.document(steps: [Docs.step(step, body)]))
            }
            await expectEngineError(.invalidDocument) {
                try await engine.service.getDocument(GetDocumentRequest(name: "Unsupported"))
            }
        }
    }

    /// CreateDocument and UpdateDocument apply the parameter-name rule StartAutomationExecution applies.
    @Test func parameterNamesTooLongToStartAreRefusedAtCreateAndUpdate() async throws {
        let long = String(repeating: "N", count: 300)
        let document = Docs.document(parameters: "\(long):\n  type: String\n", steps: [Docs.shellStep("Run", ["true"])])
        try await EngineHarness.with { engine in
            await expectEngineError(.invalidDocumentContent, containing: ["1 to 50 characters long; it has 300"]) {
                try await engine.createDocument("LongName", yaml: document)
            }
            _ = try await engine.createDocument("LongName", yaml: Self.yamlDocument)
            await expectEngineError(.invalidDocumentContent, containing: ["1 to 50 characters long; it has 300"]) {
                try await engine.service.updateDocument(
                    UpdateDocumentRequest(content: document, name: "LongName", documentVersion: "$LATEST", documentFormat: .yaml))
            }
        }
    }

    @Test func getDocumentConvertsToTheOtherFormat() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Restart", yaml: Self.yamlDocument)
            _ = try await engine.service.createDocument(
                CreateDocumentRequest(content: Self.jsonDocument, name: "Hold", documentFormat: .json))

            let stored = try await engine.service.getDocument(GetDocumentRequest(name: "Restart"))
            #expect(stored.documentFormat == .yaml)
            #expect(stored.content == Self.yamlDocument)

            let asJSON = try await engine.service.getDocument(GetDocumentRequest(name: "Restart", documentFormat: .json))
            #expect(asJSON.documentFormat == .json)
            let json = try JSONValue.parse(try #require(asJSON.content))
            #expect(json["schemaVersion"] == "0.3")
            #expect(json["mainSteps"]?.arrayValue?.first?["name"] == "Restart")
            #expect(json["parameters"]?["Hosts"]?["default"] == ["web-1", "web-2"])

            let asYAML = try await engine.service.getDocument(GetDocumentRequest(name: "Hold", documentFormat: .yaml))
            #expect(asYAML.documentFormat == .yaml)
            let yaml = try #require(asYAML.content)
            #expect(!yaml.hasPrefix("{"))
            // The converted content is a document the engine takes back.
            try await engine.createDocument("HoldAgain", yaml: yaml)
            let described = try await engine.service.describeDocument(DescribeDocumentRequest(name: "HoldAgain"))
            #expect(described.document?.description == "Waits for a person.")
        }
    }

    @Test func describeDocumentListsParametersWithDefaults() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Restart", yaml: Self.yamlDocument)
            let described = try await engine.service.describeDocument(DescribeDocumentRequest(name: "Restart"))
            let parameters = try #require(described.document?.parameters)
            #expect(parameters.map(\.name) == ["Service", "Hosts", "Force"])
            #expect(parameters.map(\.type) == ["String", "StringList", "Boolean"])
            #expect(parameters[0].description == "The service to restart.")
            #expect(parameters[0].defaultValue == "nginx")
            #expect(parameters[1].defaultValue?.contains("web-1") == true)
            #expect(parameters[1].defaultValue?.contains("web-2") == true)
            #expect(parameters[2].defaultValue == nil)
            #expect(described.document?.schemaVersion == "0.3")
            #expect(described.document?.latestVersion == "1")

            await expectEngineError(.invalidDocument, containing: ["Nothing"]) {
                try await engine.service.describeDocument(DescribeDocumentRequest(name: "Nothing"))
            }
        }
    }

    @Test func listDocumentsFilters() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Team-Restart", yaml: Self.yamlDocument, tags: [AutomationModel.Tag(key: "Team", value: "web")])
            try await engine.createDocument("Team-Hold", yaml: Self.yamlDocument, tags: [AutomationModel.Tag(key: "Team", value: "db")])
            try await engine.createDocument("Other", yaml: Self.yamlDocument)

            func names(_ filters: [DocumentKeyValuesFilter]) async throws -> [String] {
                let listed = try await engine.service.listDocuments(ListDocumentsRequest(filters: filters))
                return listed.documentIdentifiers?.compactMap(\.name) ?? []
            }
            #expect(try await names([]) == ["Other", "Team-Hold", "Team-Restart"])
            #expect(try await names([DocumentKeyValuesFilter(key: "Name", values: ["Team-"])]) == ["Team-Hold", "Team-Restart"])
            #expect(try await names([DocumentKeyValuesFilter(key: "tag:Team", values: ["web"])]) == ["Team-Restart"])
            #expect(try await names([DocumentKeyValuesFilter(key: "DocumentType", values: ["Automation"])]).count == 3)
            #expect(try await names([DocumentKeyValuesFilter(key: "DocumentType", values: ["Command"])]).isEmpty)
            #expect(try await names([DocumentKeyValuesFilter(key: "Owner", values: ["Self"])]).count == 3)
            #expect(try await names([DocumentKeyValuesFilter(key: "Owner", values: ["Amazon"])]).isEmpty)
            #expect(
                try await names([
                    DocumentKeyValuesFilter(key: "Name", values: ["Team-"]),
                    DocumentKeyValuesFilter(key: "tag:Team", values: ["db"]),
                ]) == ["Team-Hold"])

            let firstPage = try await engine.service.listDocuments(ListDocumentsRequest(maxResults: 2))
            #expect(firstPage.documentIdentifiers?.compactMap(\.name) == ["Other", "Team-Hold"])
            let token = try #require(firstPage.nextToken)
            let secondPage = try await engine.service.listDocuments(ListDocumentsRequest(maxResults: 2, nextToken: token))
            #expect(secondPage.documentIdentifiers?.compactMap(\.name) == ["Team-Restart"])
            #expect(secondPage.nextToken == nil)

            await expectEngineError(.invalidFilterKey, containing: ["Colour"]) {
                try await names([DocumentKeyValuesFilter(key: "Colour", values: ["red"])])
            }
        }
    }
}
