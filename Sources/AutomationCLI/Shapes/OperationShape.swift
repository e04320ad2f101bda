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
    public static let listCommands = OperationShape(OperationCatalog.listCommands.operation)
    public static let listCommandInvocations = OperationShape(OperationCatalog.listCommandInvocations.operation)
    public static let getCommandInvocation = OperationShape(OperationCatalog.getCommandInvocation.operation)

    public static var all: [OperationShape] { offered.map { $0.shape() } }

    /// Each operation with the function that builds its shape: a command builds only its own (building all
    /// nine from the model cost every command about a millisecond).
    private static let offered: [(operation: SSMOperation, shape: @Sendable () -> OperationShape)] = [
        (OperationCatalog.sendAutomationSignal.operation, { sendAutomationSignal }),
        (OperationCatalog.startAutomationExecution.operation, { startAutomationExecution }),
        (OperationCatalog.stopAutomationExecution.operation, { stopAutomationExecution }),
        (OperationCatalog.getAutomationExecution.operation, { getAutomationExecution }),
        (OperationCatalog.describeAutomationExecutions.operation, { describeAutomationExecutions }),
        (OperationCatalog.describeAutomationStepExecutions.operation, { describeAutomationStepExecutions }),
        (OperationCatalog.listCommands.operation, { listCommands }),
        (OperationCatalog.listCommandInvocations.operation, { listCommandInvocations }),
        (OperationCatalog.getCommandInvocation.operation, { getCommandInvocation }),
    ]

    /// The operation with this CLI name (`send-automation-signal`), if it is one the CLI offers.
    public static func named(_ cliName: String) -> OperationShape? {
        offered.first { xformName($0.operation.name, separator: "-") == cliName }?.shape()
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
    /// `TargetLocationsURL` → `target-locations-url`. Its two regular expressions, `(.)([A-Z][a-z]+)` then
    /// `([a-z0-9])([A-Z])`, each replaced left to right as re.sub does, written out by hand: compiling them
    /// with NSRegularExpression loaded ICU, a noticeable part of a command's few milliseconds.
    static func xformName(_ name: String, separator: String) -> String {
        if name.contains(separator) { return name }
        let isUpper = { (c: UInt8) in (0x41...0x5A).contains(c) }
        let isLower = { (c: UInt8) in (0x61...0x7A).contains(c) }
        let isDigit = { (c: UInt8) in (0x30...0x39).contains(c) }
        let sep = Array(separator.utf8)
        // (.)([A-Z][a-z]+) → \1 sep \2
        let input = Array(name.utf8)
        var once: [UInt8] = []
        var index = 0
        while index < input.count {
            var end = index + 2
            while end < input.count, isLower(input[end]) { end += 1 }
            if index + 1 < input.count, input[index] != 0x0A, isUpper(input[index + 1]), end > index + 2 {
                once += [input[index]] + sep + input[(index + 1)..<end]
                index = end
            } else {
                once.append(input[index])
                index += 1
            }
        }
        // ([a-z0-9])([A-Z]) → \1 sep \2
        var twice: [UInt8] = []
        index = 0
        while index < once.count {
            if index + 1 < once.count, isLower(once[index]) || isDigit(once[index]), isUpper(once[index + 1]) {
                twice += [once[index]] + sep + [once[index + 1]]
                index += 2
            } else {
                twice.append(once[index])
                index += 1
            }
        }
        return String(decoding: twice, as: UTF8.self).lowercased()
    }
}
