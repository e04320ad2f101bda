import AutomationModel
import Foundation
import Testing

@testable import AutomationCLI

@Suite struct ShapesTests {
    /// Every shape name the generated model refers to is in it (ServiceModel.shape(named:) relies on that).
    @Test func generatedModelIsClosed() {
        for (name, shape) in ServiceModel.shapes {
            let references = shape.members.map(\.shape) + [shape.member, shape.key, shape.value].compactMap { $0 }
            for reference in references {
                #expect(ServiceModel.shapes[reference] != nil, "\(name) refers to missing \(reference)")
            }
        }
        for (operation, names) in ServiceModel.operations {
            #expect(ServiceModel.shapes[names.input] != nil && ServiceModel.shapes[names.output] != nil, "\(operation)")
        }
    }

    @Test func operationsHaveTheAWSCLINames() {
        #expect(OperationShape.all.map(\.cliName) == [
            "send-automation-signal", "start-automation-execution", "stop-automation-execution",
            "get-automation-execution", "describe-automation-executions", "describe-automation-step-executions",
            "list-commands", "list-command-invocations", "get-command-invocation",
        ])
        #expect(OperationShape.named("send-automation-signal")?.apiName == "SendAutomationSignal")
        #expect(OperationShape.named("send-command") == nil)
    }

    /// Every operation the CLI offers is a catalog operation, and the model's shapes are the catalog's names'.
    @Test func everyCLIOperationIsInTheCatalog() {
        for operation in OperationShape.all {
            #expect(OperationCatalog.entry(named: operation.apiName)?.operation == operation.operation)
            #expect(ServiceModel.operations[operation.apiName]?.input == operation.apiName + "Request")
        }
    }

    @Test func sendAutomationSignalInput() throws {
        let members = OperationShape.sendAutomationSignal.input
        #expect(members.map(\.name) == ["AutomationExecutionId", "SignalType", "Payload"])
        #expect(members.map(\.required) == [true, true, false])
        #expect(members[2].shape == .map(value: .list(.string)))
        #expect(ServiceModel.shape(named: "SignalType").enumValues.contains("Revoke"))
    }

    @Test func startAutomationExecutionTargetsAreStructures() throws {
        let targets = try #require(OperationShape.startAutomationExecution.input.first { $0.name == "Targets" })
        #expect(targets.shape == .list(.structure([
            Member(name: "Key", shape: .string, required: false), Member(name: "Values", shape: .list(.string), required: false),
        ])))
        let maxResults = try #require(OperationShape.describeAutomationExecutions.input.first { $0.name == "MaxResults" })
        #expect(maxResults.shape == .integer)
    }

    /// Flag names equal botocore's xform_name for every input member of the six operations.
    @Test func flagNamesMatchBotocore() throws {
        let names = Set(OperationShape.all.flatMap { $0.input.map(\.name) }).sorted()
        let script = "import sys, json\nfrom botocore import xform_name\nprint(json.dumps(['--' + xform_name(n, '-') for n in sys.argv[1:]]))"
        let (output, status) = try AWSCLIOracle.run(["python3", "-c", script] + names)
        try #require(status == 0, "botocore missing: install it with `python3 -m pip install awscli`")
        let expected = try JSONValue.parse(output).arrayValue?.compactMap(\.stringValue)
        #expect(names.map(OperationShape.flagName(for:)) == expected)
        #expect(OperationShape.flagName(for: "TargetLocationsURL") == "--target-locations-url")
        #expect(OperationShape.sendAutomationSignal.inputMember(forFlag: "--payload")?.name == "Payload")
    }
}
