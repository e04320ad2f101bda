import AutomationModel

/// What an aws:branch step's inputs must be in the document: Choices, each with a NextStep naming a step and
/// a well-formed condition, and an optional Default step. `BranchEvaluator` reads the same shape when it runs.
public enum BranchInputRules {
    public static func check(_ step: StepDefinition, in doc: AutomationDocument) throws(ServiceError) {
        let place = "Step '\(step.name)'"
        let branch = AutomationActionName.branch
        guard let choices = step.inputs["Choices"]?.arrayValue, !choices.isEmpty else {
            throw DocumentValidator.invalid(
                "\(place): \(branch) needs inputs.Choices, a list of choices each with NextStep, Variable and an operator such as StringEquals.")
        }
        for (index, choice) in choices.enumerated() {
            let choicePlace = "\(place): Choices item \(index + 1)"
            guard let nextStep = choice["NextStep"]?.stringValue, !nextStep.isEmpty else {
                throw DocumentValidator.invalid(
                    "\(choicePlace) needs NextStep, the name of the step to go to when it matches.")
            }
            if let problem = BranchChoiceShape.problem(in: choice, allowing: ["NextStep"]) {
                throw DocumentValidator.invalid("\(choicePlace) \(problem).")
            }
            try DocumentValidator.requireStep(nextStep, field: "Choices item \(index + 1) NextStep", place: place, in: doc)
        }
        if let defaultStep = step.inputs["Default"] {
            guard let name = defaultStep.stringValue else {
                throw DocumentValidator.invalid("\(place): Default must be the name of a step; found \(defaultStep.jsonText).")
            }
            try DocumentValidator.requireStep(name, field: "Default", place: place, in: doc)
        }
        if let unknown = step.inputs.keys.sorted().first(where: { !["Choices", "Default"].contains($0) }) {
            throw DocumentValidator.invalid(
                "\(place): \(branch) has an unknown input '\(unknown)'; it takes Choices and Default.")
        }
    }
}
