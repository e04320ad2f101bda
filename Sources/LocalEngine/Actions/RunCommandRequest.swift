import AutomationModel
import Foundation

/// An aws:runCommand step's inputs, checked: AWS-RunShellScript with its three parameters.
struct RunCommandRequest: Sendable, Hashable {
    static let action = AutomationActionName.runCommand.rawValue
    static let defaultExecutionTimeout = 3600
    /// How long Run Command tries to deliver a command (its TimeoutSeconds): the default of an Automation step.
    static let deliveryTimeout = 3600
    /// AWS-RunShellScript allows up to 48 hours.
    static let maximumExecutionTimeout = 172_800

    var instances: [ManagedInstance]
    /// The shell lines as given, which the command's Parameters list.
    var commands: [String]
    var script: String
    /// Empty means each instance's own default directory.
    var workingDirectory: String
    var executionTimeout: Int

    init(inputs: [String: JSONValue], registry: ManagedInstanceRegistry) throws(ActionFailure) {
        let reader = ActionInputs(inputs, action: Self.action)
        let documentName = try reader.requiredString("DocumentName")
        guard LocalActionSupport.isRunShellScript(documentName) else {
            throw .invalidInput(
                "\(Self.action) DocumentName '\(documentName)' is not supported: the local engine runs only \(LocalActionSupport.runShellScriptDocument) (by name or ARN).")
        }
        instances = try registry.selectTargets(from: inputs, action: Self.action)
        let parameters = try Self.parameters(reader)
        let allowed = ["commands", "workingDirectory", "executionTimeout"]
        if let unknown = parameters.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .invalidInput(
                "\(Self.action) Parameters has '\(unknown)', which AWS-RunShellScript does not take; its parameters are commands, workingDirectory and executionTimeout.")
        }
        guard let commands = parameters["commands"] else {
            throw .invalidInput(
                "\(Self.action) needs Parameters.commands, the shell lines to run, such as commands: [\"echo hello\"].")
        }
        let lines = try ActionInputs.textList(commands, name: "Parameters.commands", action: Self.action)
        self.commands = lines
        script = lines.joined(separator: "\n")
        guard !script.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalidInput("\(Self.action) Parameters.commands is empty; give at least one shell line to run.")
        }
        workingDirectory = try parameters["workingDirectory"].map { value throws(ActionFailure) in
            try ActionInputs.scalarText(value, name: "Parameters.workingDirectory", action: Self.action)
        }?.trimmingCharacters(in: .whitespaces) ?? ""
        executionTimeout = try Self.executionTimeout(parameters["executionTimeout"])
    }

    /// The Parameters map, or JSON text holding one.
    private static func parameters(_ reader: ActionInputs) throws(ActionFailure) -> [String: JSONValue] {
        guard let found = reader.entry(["Parameters"]) else {
            throw .invalidInput(
                "\(action) needs Parameters with commands for AWS-RunShellScript, such as Parameters: {commands: [\"echo hello\"]}.")
        }
        if case .object(let map) = found.value { return map }
        if case .string(let text) = found.value, case .object(let map)? = try? JSONValue.parse(text) { return map }
        throw .invalidInput(
            "\(action) Parameters must be a map such as {commands: [\"echo hello\"]}; got \(ActionInputs.describe(found.value)).")
    }

    private static func executionTimeout(_ value: JSONValue?) throws(ActionFailure) -> Int {
        guard let value else { return defaultExecutionTimeout }
        let text = try ActionInputs.scalarText(value, name: "Parameters.executionTimeout", action: action)
            .trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return defaultExecutionTimeout }
        guard let seconds = Int(text) ?? Double(text).flatMap({ $0.rounded() == $0 ? Int(exactly: $0) : nil }),
            (1...maximumExecutionTimeout).contains(seconds)
        else {
            throw .invalidInput(
                "\(action) Parameters.executionTimeout must be a whole number of seconds from 1 to \(maximumExecutionTimeout) (default \(defaultExecutionTimeout)); got '\(text)'.")
        }
        return seconds
    }
}
