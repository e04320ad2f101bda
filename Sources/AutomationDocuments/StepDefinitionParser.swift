import AutomationModel
import Foundation

/// Reads `mainSteps`: the list of steps with their flow properties.
enum StepDefinitionParser {
    static let fields = [
        "name", "action", "description", "inputs", "maxAttempts", "timeoutSeconds", "onFailure", "onCancel", "isEnd",
        "nextStep", "isCritical", "outputs",
    ]

    static func steps(_ node: DocumentNode?) throws(ServiceError) -> [StepDefinition] {
        guard let node else {
            throw ServiceError(
                .invalidDocumentContent,
                "The document has no mainSteps. Add a list of steps, each with a name and an action such as \(AutomationActionName.sleep).")
        }
        guard case .sequence(let items) = node else {
            throw ServiceError(
                .invalidDocumentContent,
                "mainSteps must be a list of steps (each item starting with '- name:'); found \(node.kindDescription).")
        }
        var steps: [StepDefinition] = []
        for (index, item) in items.enumerated() {
            steps.append(try step(item, position: index + 1, list: "mainSteps"))
        }
        return steps
    }

    private static func step(_ node: DocumentNode, position: Int, list: String) throws(ServiceError) -> StepDefinition {
        let unnamed = try DocumentFieldReader(
            node, place: "Step \(position) of \(list)", expected: "name: restart, action: \(AutomationActionName.runCommand)")
        let name = try unnamed.requiredString("name", example: "restart")
        let fields = DocumentFieldReader(entries: unnamed.entries, place: "Step '\(name)'")
        try fields.rejectUnknownKeys(allowed: Self.fields)

        let action = try fields.requiredString("action", example: AutomationActionName.runCommand.rawValue)
        var stepInputs = try inputs(fields)
        var nested: [StepDefinition] = []
        if action == AutomationActionName.loop.rawValue, stepInputs["Steps"] != nil {
            stepInputs["Steps"] = nil
            nested = try loopSteps(fields, loop: name)
        }
        return StepDefinition(
            name: name,
            action: action,
            description: try fields.string("description"),
            inputs: stepInputs,
            maxAttempts: try fields.integer("maxAttempts", example: "3") ?? 1,
            timeoutSeconds: try fields.integer("timeoutSeconds", example: "600"),
            onFailure: try failureRoute(fields.string("onFailure"), place: fields.place),
            onCancel: try cancelRoute(fields.string("onCancel"), place: fields.place),
            isEnd: try fields.boolean("isEnd") ?? false,
            nextStep: try fields.string("nextStep"),
            isCritical: try fields.boolean("isCritical") ?? true,
            outputs: try outputs(fields),
            steps: nested
        )
    }

    /// An aws:loop's `inputs.Steps`: steps written as in mainSteps.
    private static func loopSteps(_ fields: DocumentFieldReader, loop: String) throws(ServiceError) -> [StepDefinition] {
        guard case .mapping(let entries)? = fields.node("inputs"),
            let node = entries.first(where: { $0.key == "Steps" })?.value
        else { return [] }
        guard case .sequence(let items) = node else {
            throw ServiceError(
                .invalidDocumentContent,
                "Step '\(loop)': inputs.Steps must be a list of steps (each item starting with '- name:'), as in mainSteps; found \(node.kindDescription).")
        }
        var steps: [StepDefinition] = []
        for (index, item) in items.enumerated() {
            steps.append(try step(item, position: index + 1, list: "the Steps of loop '\(loop)'"))
        }
        return steps
    }

    private static func inputs(_ fields: DocumentFieldReader) throws(ServiceError) -> [String: JSONValue] {
        guard let node = fields.node("inputs") else { return [:] }
        guard case .object(let inputs) = node.jsonValue, case .mapping = node else {
            throw ServiceError(
                .invalidDocumentContent,
                "\(fields.place): inputs must be a map of input names to values, for example inputs: {Duration: PT5S}; found \(node.kindDescription)."
            )
        }
        return inputs
    }

    static func failureRoute(_ text: String?, place: String) throws(ServiceError) -> FailureRoute {
        switch text {
        case nil, "Abort": return .abort
        case "Continue": return .continue
        case .some(let text):
            if let target = stepTarget(text) { return .step(target) }
            throw ServiceError(
                .invalidDocumentContent,
                "\(place): onFailure is '\(text)'; write Abort, Continue or step:<name of another step>.")
        }
    }

    static func cancelRoute(_ text: String?, place: String) throws(ServiceError) -> CancelRoute {
        switch text {
        case nil, "Abort": return .abort
        case .some(let text):
            if let target = stepTarget(text) { return .step(target) }
            throw ServiceError(
                .invalidDocumentContent, "\(place): onCancel is '\(text)'; write Abort or step:<name of another step>.")
        }
    }

    /// The NAME of `step:NAME`, when it names one.
    private static func stepTarget(_ text: String) -> String? {
        guard text.hasPrefix("step:") else { return nil }
        let name = text.dropFirst("step:".count).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    private static func outputs(_ fields: DocumentFieldReader) throws(ServiceError) -> [OutputSelector] {
        let example = "[{Name: InstanceState, Selector: '$.Payload.state', Type: String}]"
        guard let items = try fields.list("outputs", example: example) else { return [] }
        var selectors: [OutputSelector] = []
        for (index, item) in items.enumerated() {
            let output = try DocumentFieldReader(
                item, place: "\(fields.place), output \(index + 1)", expected: "Name, Selector and Type")
            try output.rejectUnknownKeys(allowed: ["Name", "Selector", "Type"])
            selectors.append(
                OutputSelector(
                    name: try output.requiredString("Name", example: "InstanceState"),
                    selector: try output.requiredString("Selector", example: "$.Payload.state"),
                    type: try output.requiredString("Type", example: "String")
                ))
        }
        return selectors
    }
}
