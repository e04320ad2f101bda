import AutomationDocuments
import AutomationModel

/// One action the local engine runs, declared in the action's own file (such as `SleepAction.swift`) and
/// listed in `ActionRegistry.standard`.
struct EngineAction: Sendable {
    /// Its name, the rules its inputs follow in a document, and the outputs it produces without declaring them.
    let specification: ActionSpecification
    /// How much of the action the local engine runs, as refusals say it after the name, such as
    /// "with DocumentName AWS-RunShellScript"; empty when it runs all of it.
    let localScope: String
    /// Why the local engine cannot run a step as written, or nil. Inputs still holding `{{ … }}` references
    /// are left to the runner, which checks them when the step runs.
    let localProblem: @Sendable (StepDefinition) -> String?
    let run: Run

    var name: AutomationActionName { specification.name }

    /// How a step of the action runs.
    enum Run: Sendable {
        /// A runner set up from the engine's configuration does the work in its own task.
        case runner(@Sendable (EngineConfiguration) -> any StepActionRunner)
        /// The step waits for Approve or Reject signals; the flow keeps the decisions.
        case waitForApproval
        /// The step waits for a Resume signal.
        case waitForResume
        /// The step picks the flow's next step from its inputs, at once.
        case chooseNextStep
        /// The step starts a child automation in this engine and follows it to its end.
        case startChildAutomation
        /// The step runs its nested steps once per iteration; the flow keeps the iterations.
        case loop
        /// The step sets one of the execution's variables, at once.
        case updateVariable
    }

    init(
        name: AutomationActionName, builtInOutputs: Set<String>, checkInputs: @escaping ActionSpecification.InputCheck,
        localScope: String = "", localProblem: @escaping @Sendable (StepDefinition) -> String? = { _ in nil },
        run: Run
    ) {
        specification = ActionSpecification(name: name, builtInOutputs: builtInOutputs, checkInputs: checkInputs)
        self.localScope = localScope
        self.localProblem = localProblem
        self.run = run
    }
}
