import AutomationModel
import Foundation

/// One AWS CLI operation: `send-automation-signal` ↔ `SendAutomationSignal`, its input and output shapes.
public struct OperationShape: Sendable {
    public let cliName: String
    /// The catalog's operation; its name is the API's (`SendAutomationSignal`).
    public let operation: SSMOperation
    public var apiName: String { operation.name }
    public let input: [Member]
    public let output: [Member]
    /// The model's names for the input and output structures, for the skeletons.
    let inputShapeName: String
    let outputShapeName: String

    init(_ operation: SSMOperation) {
        guard let names = ServiceModel.operations[operation.name] else {
            preconditionFailure("no operation \(operation.name) in the generated SSM model")
        }
        self.operation = operation
        self.cliName = Self.xformName(operation.name, separator: "-")
        self.inputShapeName = names.input
        self.outputShapeName = names.output
        self.input = ServiceModel.publicMembers(of: names.input)
        self.output = ServiceModel.publicMembers(of: names.output)
    }

    public static let sendAutomationSignal = OperationShape(OperationCatalog.sendAutomationSignal.operation)
    public static let startAutomationExecution = OperationShape(OperationCatalog.startAutomationExecution.operation)
    public static let stopAutomationExecution = OperationShape(OperationCatalog.stopAutomationExecution.operation)
    public static let getAutomationExecution = OperationShape(OperationCatalog.getAutomationExecution.operation)
    public static let describeAutomationExecutions = OperationShape(OperationCatalog.describeAutomationExecutions.operation)
    public static let describeAutomationStepExecutions = OperationShape(OperationCatalog.describeAutomationStepExecutions.operation)

    public static var all: [OperationShape] {
        [
            sendAutomationSignal, startAutomationExecution, stopAutomationExecution, getAutomationExecution,
            describeAutomationExecutions, describeAutomationStepExecutions,
        ]
    }

    /// The operation with this CLI name (`send-automation-signal`), if it is one of the six.
    public static func named(_ cliName: String) -> OperationShape? {
        all.first { $0.cliName == cliName }
    }

    /// `--automation-execution-id` for member "AutomationExecutionId" (the AWS CLI's xform_name + dashes).
    public static func flagName(for memberName: String) -> String {
        "--" + xformName(memberName, separator: "-")
    }

    /// The input member a flag stands for (`--payload` → Payload).
    public func inputMember(forFlag flag: String) -> Member? {
        input.first { Self.flagName(for: $0.name) == flag }
    }

    /// botocore.xform_name: `DescribeAutomationExecutions` → `describe-automation-executions`,
    /// `TargetLocationsURL` → `target-locations-url`.
    static func xformName(_ name: String, separator: String) -> String {
        if name.contains(separator) { return name }
        let firstCap = try! NSRegularExpression(pattern: "(.)([A-Z][a-z]+)")
        let endCap = try! NSRegularExpression(pattern: "([a-z0-9])([A-Z])")
        let once = firstCap.stringByReplacingMatches(
            in: name, range: NSRange(name.startIndex..., in: name), withTemplate: "$1\(separator)$2")
        let twice = endCap.stringByReplacingMatches(
            in: once, range: NSRange(once.startIndex..., in: once), withTemplate: "$1\(separator)$2")
        return twice.lowercased()
    }
}
