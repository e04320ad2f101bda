import AutomationDocuments

/// A document's parameter declarations as its content states them, which DescribeDocument only summarizes.
public enum ParameterRules: Sendable, Hashable {
    /// Every declared parameter with its rules, in document order.
    case parsed([ParameterDefinition])
    /// GetDocument's content could not be parsed; only DescribeDocument's types are known.
    case unavailable(reason: String)

    /// The declaration of the parameter `name`, when the content was parsed and declares it.
    public func definition(named name: String) -> ParameterDefinition? {
        guard case .parsed(let definitions) = self else { return nil }
        return definitions.first { $0.name == name }
    }
}
