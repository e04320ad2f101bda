import AutomationModel

/// Checks that every `{{ }}` reference in step inputs and assumeRole, and every document output,
/// names something the document provides.
enum DocumentReferenceValidator {
    static func check(_ doc: AutomationDocument) throws(ServiceError) {
        if let assumeRole = doc.assumeRole {
            for body in Interpolator.references(in: .string(assumeRole)) {
                try checkReference(body, place: "assumeRole", in: doc)
            }
        }
        for step in doc.mainSteps {
            for body in Interpolator.references(in: .object(step.inputs)) {
                try checkReference(body, place: "Step '\(step.name)' inputs", in: doc)
            }
        }
        for output in doc.outputs {
            guard case .stepOutput(let step, let name) = ReferenceTarget(output) else {
                throw DocumentValidator.invalid(
                    "Document output '\(output)' must be StepName.OutputName, such as RunCommand.Output.")
            }
            try checkStepOutput(step: step, output: name, place: "Document output '\(output)'", in: doc)
        }
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
        case .stepOutput(let step, let output):
            try checkStepOutput(step: step, output: output, place: "\(place): {{ \(body) }}", in: doc)
        case .executionId, .global:
            break
        }
    }

    private static func checkStepOutput(
        step name: String, output: String, place: String, in doc: AutomationDocument
    ) throws(ServiceError) {
        guard let step = doc.step(named: name) else {
            throw DocumentValidator.invalid(
                "\(place) names step '\(name)', which the document does not have. Steps: \(doc.mainSteps.map(\.name).joined(separator: ", ")).")
        }
        if let known = BuiltInStepOutputs.names(of: step), !known.contains(output) {
            let listed = known.sorted().joined(separator: ", ")
            throw DocumentValidator.invalid(
                "\(place) names output '\(output)' of step '\(name)' (\(step.action)), which it does not produce. \(known.isEmpty ? "Declare it in the step's outputs with a Selector." : "Its outputs are: \(listed); declare others in the step's outputs.")"
            )
        }
    }
}
