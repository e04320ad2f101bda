import AutomationModel

/// What an aws:updateVariable step does: Name (`variable:NAME`, one of the document's variables) takes Value,
/// which must be of the variable's type and keep its rules.
public struct VariableUpdate: Sendable, Hashable {
    public var name: String
    public var value: JSONValue

    public static let inputNames = ["Name", "Value"]

    /// The document's rules for the step, before it runs.
    public static func check(_ step: StepDefinition, in doc: AutomationDocument) throws(ServiceError) {
        let place = "Step '\(step.name)'"
        let action = AutomationActionName.updateVariable
        if let unknown = step.inputs.keys.sorted().first(where: { !inputNames.contains($0) }) {
            throw DocumentValidator.invalid("\(place): \(action) has an unknown input '\(unknown)'; it takes Name and Value.")
        }
        guard let name = step.inputs["Name"]?.stringValue else {
            throw DocumentValidator.invalid(
                "\(place): \(action) needs Name, the variable to change written as variable:NAME, such as variable:Attempts.")
        }
        guard let variable = AutomationDocument.variableName(name) else {
            throw DocumentValidator.invalid(
                "\(place): Name is '\(name)'; write it as variable:NAME, naming one of the document's variables.")
        }
        guard doc.variables.contains(where: { $0.name == variable }) else {
            let declared = doc.variables.map(\.name)
            throw DocumentValidator.invalid(
                "\(place): Name names the variable \(variable), which the document does not declare. Declare it under variables\(declared.isEmpty ? "" : " or use one of: \(declared.joined(separator: ", "))").")
        }
        guard step.inputs["Value"] != nil else {
            throw DocumentValidator.invalid("\(place): \(action) needs Value, the variable's new value.")
        }
    }

    /// The update an interpolated step asks for, checked against the variable's declaration.
    public init(inputs: [String: JSONValue], document: AutomationDocument) throws(ServiceError) {
        guard let text = inputs["Name"]?.stringValue, let name = AutomationDocument.variableName(text),
            let variable = document.variables.first(where: { $0.name == name })
        else {
            throw ServiceError(
                .validationException,
                "Name is \(inputs["Name"]?.jsonText ?? "missing"); write variable:NAME for one of the document's variables.")
        }
        guard let given = inputs["Value"] else {
            throw ServiceError(.validationException, "\(AutomationActionName.updateVariable) needs Value.")
        }
        guard let typed = variable.type.coerce(given) else {
            throw ServiceError(
                .validationException,
                "Value \(given.jsonText) is not of the type of variable \(name), \(variable.type.rawValue); give \(variable.type.example).")
        }
        if let violation = variable.ruleViolation(for: typed) {
            throw ServiceError(.validationException, "Variable \(name): the value \(violation).")
        }
        self.name = name
        value = typed
    }

    /// The typed starting values of the document's variables: each one's default.
    public static func initialValues(of document: AutomationDocument) -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        for variable in document.variables {
            if let value = variable.defaultValue { values[variable.name] = value }
        }
        return values
    }

    /// The execution's Variables as the API lists them: each value as a list of strings.
    public static func apiValues(_ values: [String: JSONValue], of document: AutomationDocument) -> AutomationParameterMap {
        var map: AutomationParameterMap = [:]
        for variable in document.variables {
            guard let value = values[variable.name] else { continue }
            map[variable.name] = WireParameterValue.strings(of: value, type: variable.type)
        }
        return map
    }
}
