import AutomationModel

/// What an aws:loop step must be in the document: Steps to run, and either Iterators (for each, with an optional
/// IteratorDataType) or a LoopCondition (do while), with MaxIterations from 1 to 100. `LoopPlan` reads the same
/// inputs when the loop runs.
public enum LoopInputRules {
    public static let inputNames = ["Iterators", "IteratorDataType", "LoopCondition", "MaxIterations", "Steps"]

    public static func check(_ step: StepDefinition, in doc: AutomationDocument) throws(ServiceError) {
        let place = "Step '\(step.name)'"
        let loop = AutomationActionName.loop
        guard !step.steps.isEmpty else {
            throw DocumentValidator.invalid(
                "\(place): \(loop) needs inputs.Steps, the list of steps each iteration runs (written as in mainSteps).")
        }
        if let unknown = step.inputs.keys.sorted().first(where: { !inputNames.contains($0) }) {
            throw DocumentValidator.invalid(
                "\(place): \(loop) has an unknown input '\(unknown)'; it takes \(inputNames.joined(separator: ", ")).")
        }
        let iterators = step.inputs["Iterators"]
        let condition = step.inputs["LoopCondition"]
        switch (iterators, condition) {
        case (nil, nil):
            throw DocumentValidator.invalid(
                "\(place): \(loop) needs Iterators (a list to run the steps once for each item) or LoopCondition (run the steps again while it holds).")
        case (.some, .some):
            throw DocumentValidator.invalid(
                "\(place): \(loop) has both Iterators and LoopCondition; keep Iterators for a for-each loop or LoopCondition for a do-while loop.")
        case (.some(let iterators), nil):
            if let items = iterators.arrayValue, items.count > LoopPlan.maxIterationsLimit {
                throw DocumentValidator.invalid(
                    "\(place): Iterators has \(items.count) items; a loop runs at most \(LoopPlan.maxIterationsLimit) iterations.")
            }
            if iterators.arrayValue == nil, !isReference(iterators) {
                throw DocumentValidator.invalid(
                    "\(place): Iterators must be a list, or a reference such as {{ InstanceIds }} to a StringList; found \(iterators.jsonText).")
            }
        case (nil, .some(let condition)):
            if step.inputs["IteratorDataType"] != nil {
                throw DocumentValidator.invalid(
                    "\(place): IteratorDataType goes with Iterators; a LoopCondition loop has no iterator values.")
            }
            if let problem = BranchChoiceShape.problem(in: condition) {
                throw DocumentValidator.invalid("\(place): LoopCondition \(problem).")
            }
        }
        if let type = step.inputs["IteratorDataType"], !isReference(type),
            LoopPlan.IteratorDataType(rawValue: type.stringValue ?? "") == nil
        {
            throw DocumentValidator.invalid(
                "\(place): IteratorDataType is \(type.jsonText); use one of \(LoopPlan.IteratorDataType.names).")
        }
        if let maximum = step.inputs["MaxIterations"], !isReference(maximum) {
            guard let count = maximum.intValue, (1...LoopPlan.maxIterationsLimit).contains(count) else {
                throw DocumentValidator.invalid(
                    "\(place): MaxIterations is \(maximum.jsonText); it must be a whole number from 1 to \(LoopPlan.maxIterationsLimit).")
            }
        }
    }

    private static func isReference(_ value: JSONValue) -> Bool {
        guard let text = value.stringValue else { return false }
        return TemplateSegment.split(text).contains { if case .reference = $0 { return true } else { return false } }
    }
}
