import AutomationModel
import Foundation
import Testing

@testable import AutomationCLI

@Suite struct ParameterInputTests {
    let payload = try! #require(OperationShape.sendAutomationSignal.inputMember(forFlag: "--payload")).shape

    @Test func shorthandPayloadIsWrappedIntoLists() throws {
        #expect(try ParameterInput.value([#"Comment="Looks good""#], shape: payload, parameter: "--payload") == ["Comment": ["Looks good"]])
        #expect(try ParameterInput.value(["StepName=restart"], shape: payload, parameter: "--payload") == ["StepName": ["restart"]])
    }

    @Test func jsonIsReadAsJSON() throws {
        #expect(try ParameterInput.value([#" {"StepName": ["restart"]}"#], shape: payload, parameter: "--payload") == ["StepName": ["restart"]])
        do {
            _ = try ParameterInput.value(["{StepName"], shape: payload, parameter: "--payload")
            Issue.record("invalid JSON was accepted")
        } catch {
            #expect(error.message.hasPrefix("Error parsing parameter '--payload': Invalid JSON: "))
            #expect(error.message.hasSuffix("JSON received: {StepName"))
        }
    }

    @Test func fileReferencesAreLoaded() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("payload-\(UUID().uuidString).txt")
        try "StepName=restart\r\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try ParameterInput.value(["file://" + file.path], shape: payload, parameter: "--payload") == ["StepName": ["restart"]])
        #expect(try ParameterInput.value(["file://" + file.path], shape: .string, parameter: "--document-name") == "StepName=restart\n")
    }

    @Test func listOfStructuresTakesSeveralValues() throws {
        let targets = try #require(OperationShape.startAutomationExecution.inputMember(forFlag: "--targets")).shape
        let value = try ParameterInput.value(["Key=a,Values=b", "Key=c,Values=d,e"], shape: targets, parameter: "--targets")
        #expect(value == [["Key": "a", "Values": ["b"]], ["Key": "c", "Values": ["d", "e"]]])
    }

    @Test func scalarsAreChecked() throws {
        #expect(try ParameterInput.value([" 7 "], shape: .integer, parameter: "--max-results") == 7)
        #expect(try ParameterInput.value(["TRUE"], shape: .boolean, parameter: "--x") == true)
        #expect(try ParameterInput.value(["2024-05-01T12:00:00Z"], shape: .timestamp, parameter: "--t") == "2024-05-01T12:00:00Z")
        #expect(throws: CommandLineInputError.self) { try ParameterInput.value(["ten"], shape: .integer, parameter: "--max-results") }
        #expect(throws: CommandLineInputError.self) { try ParameterInput.value(["maybe"], shape: .boolean, parameter: "--x") }
        #expect(throws: CommandLineInputError.self) { try ParameterInput.value(["yesterday"], shape: .timestamp, parameter: "--t") }
        #expect(throws: CommandLineInputError.self) { try ParameterInput.value(["a", "b"], shape: .string, parameter: "--document-name") }
        #expect(throws: CommandLineInputError.self) { try ParameterInput.value([], shape: .string, parameter: "--document-name") }
    }

    @Test func shorthandErrorsNameTheFlagAndPointAtTheProblem() throws {
        do {
            _ = try ParameterInput.value(["StepName"], shape: payload, parameter: "--payload")
            Issue.record("a key without a value was accepted")
        } catch {
            #expect(error.message == "Error parsing parameter '--payload': Expected: '=', received: 'EOF' for input:\nStepName\n        ^")
        }
    }
}
