import AutomationModel
import Foundation
import Testing

@testable import AutomationCLI

@Suite struct CLIInputTests {
    let id = "12345678-1234-1234-1234-123456789012"

    private func temporaryFile(_ text: String, suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-input-\(UUID().uuidString)\(suffix)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func neitherDocumentIsEmpty() throws {
        #expect(try CLIInput.load(json: nil, yaml: nil, operation: .sendAutomationSignal).isEmpty)
    }

    @Test func inlineJSON() throws {
        let document = try CLIInput.load(
            json: #"{"AutomationExecutionId": "\#(id)", "SignalType": "Approve", "Payload": {"Comment": ["ok"]}}"#,
            yaml: nil, operation: .sendAutomationSignal)
        #expect(document == ["AutomationExecutionId": .string(id), "SignalType": "Approve", "Payload": ["Comment": ["ok"]]])
    }

    @Test func jsonFromAFile() throws {
        let file = try temporaryFile(#"{"DocumentName": "Demo-Approval", "Parameters": {"Message": ["hi"]}, "MaxConcurrency": "2"}"#, suffix: ".json")
        defer { try? FileManager.default.removeItem(at: file) }
        let document = try CLIInput.load(json: "file://" + file.path, yaml: nil, operation: .startAutomationExecution)
        #expect(document["DocumentName"] == "Demo-Approval")
        #expect(document["Parameters"] == ["Message": ["hi"]])
    }

    @Test func yamlInlineAndFromAFile() throws {
        let text = """
            AutomationExecutionId: '\(id)'  # [REQUIRED]
            SignalType: StartStep # [REQUIRED]
            Payload:
              StepName:
              - restart
            """
        let inline = try CLIInput.load(json: nil, yaml: text, operation: .sendAutomationSignal)
        #expect(inline == ["AutomationExecutionId": .string(id), "SignalType": "StartStep", "Payload": ["StepName": ["restart"]]])
        let file = try temporaryFile(text, suffix: ".yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try CLIInput.load(json: nil, yaml: "file://" + file.path, operation: .sendAutomationSignal) == inline)
    }

    @Test func yamlScalarsKeepTheirTypes() throws {
        let document = try CLIInput.load(
            json: nil, yaml: "MaxResults: 5\nReverseOrder: true\nFilters:\n- Key: StepExecutionStatus\n  Values: [Failed]\n",
            operation: .describeAutomationStepExecutions)
        #expect(document["MaxResults"] == 5)
        #expect(document["ReverseOrder"] == true)
        #expect(document["Filters"] == [["Key": "StepExecutionStatus", "Values": ["Failed"]]])
    }

    @Test func bothDocumentsAreAnError() {
        #expect(throws: CommandLineInputError.self) {
            try CLIInput.load(json: "{}", yaml: "{}", operation: .sendAutomationSignal)
        }
    }

    @Test func unknownKeysAreNamedWithTheValidOnes() throws {
        do {
            _ = try CLIInput.load(json: #"{"SignalType": "Approve", "Foo": 1}"#, yaml: nil, operation: .sendAutomationSignal)
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.message.hasPrefix("Parameter validation failed:\n"))
            #expect(error.message.contains(#"Unknown parameter in input: "Foo", must be one of: AutomationExecutionId, SignalType, Payload"#))
            #expect(error.message.contains("--generate-cli-skeleton input"))
        }
    }

    @Test func wrongTypesAreReportedByPath() throws {
        do {
            _ = try CLIInput.load(
                json: #"{"AutomationExecutionId": 5, "Payload": {"a": "b"}}"#, yaml: nil, operation: .sendAutomationSignal)
            Issue.record("wrong types were accepted")
        } catch {
            // botocore's wording for the same document.
            #expect(error.message.contains(
                "Invalid type for parameter AutomationExecutionId, value: 5, type: <class 'int'>, valid types: <class 'str'>"))
            #expect(error.message.contains(
                "Invalid type for parameter Payload.a, value: b, type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>"))
        }
        do {
            _ = try CLIInput.load(json: #"{"Targets": [{"Key": "k", "Valu": ["v"]}]}"#, yaml: nil, operation: .startAutomationExecution)
            Issue.record("an unknown nested key was accepted")
        } catch {
            #expect(error.message.contains(#"Unknown parameter in Targets[0]: "Valu", must be one of: Key, Values"#))
        }
    }

    @Test func invalidDocumentsSayWhatWasWrong() throws {
        #expect(throws: CommandLineInputError.self) { try CLIInput.load(json: "{not json", yaml: nil, operation: .sendAutomationSignal) }
        #expect(throws: CommandLineInputError.self) { try CLIInput.load(json: "[1, 2]", yaml: nil, operation: .sendAutomationSignal) }
        #expect(throws: CommandLineInputError.self) { try CLIInput.load(json: nil, yaml: "a: [b", operation: .sendAutomationSignal) }
        do {
            _ = try CLIInput.load(json: "file:///nonexistent/input.json", yaml: nil, operation: .sendAutomationSignal)
            Issue.record("a missing file was accepted")
        } catch {
            #expect(error.message.contains("Unable to load paramfile file:///nonexistent/input.json"))
        }
    }

    @Test func flagsOverrideTheDocument() {
        let merged = CLIInput.merge(
            document: ["AutomationExecutionId": "from-document", "SignalType": "Approve", "Payload": ["Comment": ["doc"]]],
            flags: ["SignalType": "Reject", "Payload": ["Comment": ["flag"]]])
        #expect(merged == ["AutomationExecutionId": "from-document", "SignalType": "Reject", "Payload": ["Comment": ["flag"]]])
    }
}
