import AutomationDocuments
import AutomationModel

/// Applies a step's declared outputs to what its action returned.
enum OutputSelection {
    /// Each selector's value by output name; the first selector that finds nothing, or finds a value of
    /// the wrong type, fails the step.
    static func apply(_ selectors: [OutputSelector], to result: JSONValue, action: String)
        throws(ActionFailure) -> [String: JSONValue]
    {
        var outputs: [String: JSONValue] = [:]
        for selector in selectors {
            do {
                outputs[selector.name] = try selector.select(from: result)
            } catch {
                throw ActionFailure(
                    "\(action) finished, but its output could not be taken: \(error.message)",
                    stage: .postVerification, type: ActionFailure.FailureType.verification,
                    details: ["OutputName": [selector.name], "Selector": [selector.selector]])
            }
        }
        return outputs
    }
}
