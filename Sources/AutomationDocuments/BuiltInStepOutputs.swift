/// The outputs an action produces without declaring them, as the AWS action reference lists them.
/// References to other outputs of these actions must be declared in the step's `outputs`.
/// Actions not listed here are not second-guessed: any output name is accepted for them.
enum BuiltInStepOutputs {
    static let byAction: [String: Set<String>] = [
        "aws:runCommand": ["CommandId", "Status", "ResponseCode", "Output"],
        "aws:approve": ["ApprovalStatus", "ApproverDecisions"],
        "aws:executeScript": ["OutputPayload"],
        "aws:executeAwsApi": [],
        "aws:branch": [],
        "aws:sleep": [],
        "aws:pause": [],
    ]

    /// The output names `step` is known to produce, or nil when its action's outputs are not known here.
    static func names(of step: StepDefinition) -> Set<String>? {
        guard let builtIn = byAction[step.action] else { return nil }
        return builtIn.union(step.outputs.map(\.name))
    }
}
