import AutomationModel

/// What the document validator knows about one action. This layer lists no actions itself: whoever runs
/// documents (the local engine's action registry) hands the validator one specification per action it runs.
public struct ActionSpecification: Sendable {
    /// Checks a step's inputs as the document writes them, before any `{{ }}` is filled in; throws
    /// InvalidDocumentContent naming the step.
    public typealias InputCheck = @Sendable (StepDefinition, AutomationDocument) throws(ServiceError) -> Void

    public var name: AutomationActionName
    /// The outputs the action produces without declaring them, as the AWS action reference lists them.
    /// References to any other output of such a step must be declared in the step's `outputs`.
    public var builtInOutputs: Set<String>
    public var checkInputs: InputCheck

    public init(name: AutomationActionName, builtInOutputs: Set<String>, checkInputs: @escaping InputCheck) {
        self.name = name
        self.builtInOutputs = builtInOutputs
        self.checkInputs = checkInputs
    }

    /// For actions whose inputs have no rule that can be checked in the document: their runners check them
    /// when the step runs, once references are filled in.
    public static let noDocumentRules: InputCheck = { _, _ in }
}
