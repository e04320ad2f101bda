import AutomationModel

/// Checks that a document is internally consistent: names, flow targets, counts, parameter defaults and
/// references. What an action requires of its steps (input rules, built-in outputs) comes from the
/// `ActionSpecification`s it is given; which actions the local engine can run is checked by the engine.
public enum DocumentValidator {
    /// What any schema-0.3 document must satisfy, then what `actions` require of the steps using them.
    public static func validate(_ doc: AutomationDocument, actions: [ActionSpecification] = []) throws(ServiceError) {
        try checkParameters(doc.parameters)
        try checkParameters(doc.variables, kind: "Variable")
        try checkStepNames(doc.mainSteps)
        try checkStepNames(doc.allSteps)
        try checkSteps(of: doc, root: doc)
        try DocumentReferenceValidator.check(doc)
        try checkActions(doc, actions: actions)
    }

    /// What `actions` require of the steps using them: their input rules, and that references to those steps'
    /// outputs name outputs the steps produce. Steps of other actions are not second-guessed.
    public static func checkActions(_ doc: AutomationDocument, actions: [ActionSpecification]) throws(ServiceError) {
        let byName = Dictionary(actions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        try checkActionInputs(doc, actions: byName)
        try DocumentReferenceValidator.checkStepOutputs(doc, actions: byName)
    }

    /// Each step's inputs against its action's rules, with the steps a loop runs checked in the loop's scope
    /// (so an aws:branch inside a loop names steps of that loop).
    private static func checkActionInputs(
        _ doc: AutomationDocument, actions: [AutomationActionName: ActionSpecification]
    ) throws(ServiceError) {
        for step in doc.mainSteps {
            try actions[AutomationActionName(rawValue: step.action)]?.checkInputs(step, doc)
            if !step.steps.isEmpty { try checkActionInputs(doc.scope(ofLoop: step), actions: actions) }
        }
    }

    static func invalid(_ message: String) -> ServiceError {
        ServiceError(.invalidDocumentContent, message)
    }

    private static func checkParameters(_ parameters: [ParameterDefinition], kind: String = "Parameter") throws(ServiceError) {
        var seen: Set<String> = []
        for parameter in parameters {
            let shownName = parameter.name.count > 60 ? String(parameter.name.prefix(60)) + "…" : parameter.name
            let place = "\(kind) '\(shownName)'"
            if kind == "Parameter", let problem = ClientLimits.parameterKeyProblem(parameter.name) {
                throw invalid(
                    "\(place): a parameter name \(problem), so no StartAutomationExecution could give it. Shorten the name.")
            }
            guard ReferenceTarget.isName(parameter.name) else {
                throw invalid("\(place): \(kind.lowercased()) names may use only letters, digits and underscores.")
            }
            guard seen.insert(parameter.name).inserted else {
                throw invalid("\(place) is declared twice; keep one declaration.")
            }
            if let pattern = parameter.allowedPattern, ParameterDefinition.wholeValueExpression(pattern) == nil {
                throw invalid("\(place): allowedPattern \(pattern) is not a valid regular expression.")
            }
            for (field, value) in [("minItems", parameter.minItems), ("maxItems", parameter.maxItems),
                                   ("minChars", parameter.minChars), ("maxChars", parameter.maxChars)]
            where (value ?? 0) < 0 {
                throw invalid("\(place): \(field) must be 0 or more.")
            }
            if let min = parameter.minItems, let max = parameter.maxItems, min > max {
                throw invalid("\(place): minItems \(min) is more than maxItems \(max).")
            }
            if let min = parameter.minChars, let max = parameter.maxChars, min > max {
                throw invalid("\(place): minChars \(min) is more than maxChars \(max).")
            }
            guard let defaultValue = parameter.defaultValue else { continue }
            guard let typed = parameter.type.coerce(defaultValue) else {
                throw invalid(
                    "\(place): the default \(defaultValue.jsonText) is not of type \(parameter.type.rawValue); write \(parameter.type.example).")
            }
            if let violation = parameter.ruleViolation(for: typed) {
                throw invalid("\(place): the default \(violation). Change the default or the rule.")
            }
        }
    }

    private static func checkStepNames(_ steps: [StepDefinition]) throws(ServiceError) {
        guard !steps.isEmpty else {
            throw invalid("mainSteps is empty. Add at least one step with a name and an action.")
        }
        var seen: Set<String> = []
        for step in steps {
            guard ReferenceTarget.isName(step.name) else {
                throw invalid("Step name '\(step.name)' may use only letters, digits and underscores ([a-zA-Z0-9_]+).")
            }
            guard seen.insert(step.name).inserted else {
                throw invalid("Two steps are named '\(step.name)'; step names must be unique.")
            }
        }
    }

    /// Each step of `doc`'s flow, then the steps of each loop, whose flow stays inside their loop.
    private static func checkSteps(of doc: AutomationDocument, root: AutomationDocument) throws(ServiceError) {
        for step in doc.mainSteps {
            try checkStep(step, in: doc, root: root)
            if !step.steps.isEmpty { try checkSteps(of: doc.scope(ofLoop: step), root: root) }
        }
    }

    private static func checkStep(
        _ step: StepDefinition, in doc: AutomationDocument, root: AutomationDocument
    ) throws(ServiceError) {
        let place = "Step '\(step.name)'"
        let parts = step.action.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw invalid("\(place): action '\(step.action)' must look like \(AutomationActionName.runCommand).")
        }
        guard step.maxAttempts >= 1 else {
            throw invalid("\(place): maxAttempts is \(step.maxAttempts); it must be 1 or more.")
        }
        if let timeout = step.timeoutSeconds, timeout <= 0 {
            throw invalid("\(place): timeoutSeconds is \(timeout); it must be more than 0, or left out for no limit.")
        }
        if let next = step.nextStep { try requireStep(next, field: "nextStep", place: place, in: doc, root: root) }
        if case .step(let target) = step.onFailure {
            try requireStep(target, field: "onFailure", place: place, in: doc, root: root)
        }
        if case .step(let target) = step.onCancel {
            try requireStep(target, field: "onCancel", place: place, in: doc, root: root)
        }
        try checkOutputs(step, place: place)
    }

    /// Throws unless `target`, which `field` of the step at `place` names, is a step of `doc`.
    /// - Parameter root: the whole document, when `doc` is a loop's steps, to say when the target is a step of
    ///   another list.
    static func requireStep(
        _ target: String, field: String, place: String, in doc: AutomationDocument, root: AutomationDocument? = nil
    ) throws(ServiceError) {
        guard doc.step(named: target) != nil else {
            let steps = doc.mainSteps.map(\.name).joined(separator: ", ")
            if (root ?? doc).anyStep(named: target) != nil {
                throw invalid(
                    "\(place): \(field) names step '\(target)', which is not in the same list of steps: a loop's steps go only to steps of that loop, and the others only to steps outside it. Steps it can name: \(steps).")
            }
            throw invalid(
                "\(place): \(field) names step '\(target)', which the document does not have. Steps: \(steps).")
        }
    }

    private static func checkOutputs(_ step: StepDefinition, place: String) throws(ServiceError) {
        var seen: Set<String> = []
        for output in step.outputs {
            guard seen.insert(output.name).inserted else {
                throw invalid("\(place) declares the output '\(output.name)' twice; keep one.")
            }
            guard !output.name.contains(where: \.isWhitespace) else {
                throw invalid("\(place): output name '\(output.name)' contains spaces; use a name such as InstanceState.")
            }
            guard JSONPath(output.selector) != nil else {
                throw invalid("\(place): output \(output.name) has Selector '\(output.selector)'; \(JSONPath.syntaxHelp).")
            }
            guard OutputType(rawValue: output.type) != nil else {
                throw invalid(
                    "\(place): output \(output.name) has Type '\(output.type)'; use one of \(OutputType.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }
    }
}
