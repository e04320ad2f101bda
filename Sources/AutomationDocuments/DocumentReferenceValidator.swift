import AutomationModel

/// Checks that every `{{ }}` reference in step inputs and assumeRole, and every document output,
/// names something the document provides.
enum DocumentReferenceValidator {
    static func check(_ doc: AutomationDocument) throws(ServiceError) {
        for (body, place) in inputReferences(doc) {
            try checkReference(body, place: place, in: doc)
        }
        for output in doc.outputs {
            guard case .stepOutput(let step, _) = ReferenceTarget(output) else {
                throw DocumentValidator.invalid(
                    "Document output '\(output)' must be StepName.OutputName, such as RunCommand.Output.")
            }
            try requireStep(step, place: "Document output '\(output)'", in: doc)
        }
    }

    /// That each reference to a step's output names one the step produces, for steps whose action's
    /// built-in outputs `actions` give; outputs of other actions are not second-guessed.
    static func checkStepOutputs(
        _ doc: AutomationDocument, actions: [AutomationActionName: ActionSpecification]
    ) throws(ServiceError) {
        var references: [(step: String, output: String, place: String)] = []
        for (body, place) in inputReferences(doc) {
            if case .stepOutput(let step, let output) = ReferenceTarget(body) {
                references.append((step, output, "\(place): {{ \(body) }}"))
            }
        }
        for output in doc.outputs {
            if case .stepOutput(let step, let name) = ReferenceTarget(output) {
                references.append((step, name, "Document output '\(output)'"))
            }
        }
        for reference in references {
            guard let step = doc.anyStep(named: reference.step),
                let builtIn = actions[AutomationActionName(rawValue: step.action)]?.builtInOutputs
            else { continue }
            let known = builtIn.union(step.outputs.map(\.name))
            guard !known.contains(reference.output) else { continue }
            let listed = known.sorted().joined(separator: ", ")
            throw DocumentValidator.invalid(
                "\(reference.place) names output '\(reference.output)' of step '\(reference.step)' (\(step.action)), which it does not produce. \(known.isEmpty ? "Declare it in the step's outputs with a Selector." : "Its outputs are: \(listed); declare others in the step's outputs.")"
            )
        }
    }

    /// Every reference in assumeRole and in step inputs, with the place to name in messages.
    private static func inputReferences(_ doc: AutomationDocument) -> [(body: String, place: String)] {
        var references: [(body: String, place: String)] = []
        if let assumeRole = doc.assumeRole {
            references += Interpolator.references(in: .string(assumeRole)).map { ($0, "assumeRole") }
        }
        for step in doc.allSteps {
            references += Interpolator.references(in: .object(step.inputs)).map { ($0, "Step '\(step.name)' inputs") }
        }
        return references
    }

    private static func checkReference(_ body: String, place: String, in doc: AutomationDocument) throws(ServiceError) {
        guard let target = ReferenceTarget(body) else {
            throw DocumentValidator.invalid(
                "\(place): {{ \(body) }} is not a reference Automation understands; use \(ReferenceTarget.validForms).")
        }
        switch target {
        case .parameter(let name):
            guard doc.parameters.contains(where: { $0.name == name }) else {
                let declared = doc.parameters.map(\.name)
                throw DocumentValidator.invalid(
                    "\(place): {{ \(body) }} names no declared parameter. Declare \(name) under parameters\(declared.isEmpty ? "" : " or use one of: \(declared.joined(separator: ", "))").")
            }
        case .stepOutput(let step, _):
            try requireStep(step, place: "\(place): {{ \(body) }}", in: doc)
        case .variable(let name):
            guard doc.variables.contains(where: { $0.name == name }) else {
                let declared = doc.variables.map(\.name)
                throw DocumentValidator.invalid(
                    "\(place): {{ \(body) }} names no declared variable. Declare \(name) under variables\(declared.isEmpty ? "" : " or use one of: \(declared.joined(separator: ", "))").")
            }
        case .executionId, .global:
            break
        }
    }

    private static func requireStep(_ name: String, place: String, in doc: AutomationDocument) throws(ServiceError) {
        guard doc.anyStep(named: name) != nil else {
            throw DocumentValidator.invalid(
                "\(place) names step '\(name)', which the document does not have. Steps: \(doc.allSteps.map(\.name).joined(separator: ", ")).")
        }
    }
}
