import AutomationModel

extension ParameterDefinition {
    /// The parameter as DescribeDocument lists it: DefaultValue is text, with lists and maps as JSON text.
    public var documentParameter: DocumentParameter {
        DocumentParameter(
            name: name, type: type.rawValue, description: description, defaultValue: defaultValue?.displayText)
    }
}
