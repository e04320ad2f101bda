import AutomationModel
import Foundation

/// The lines of the execution view's details pane: the selected step's inputs, outputs, response and failure,
/// then the execution's parameters, outputs and failure. Long values wrap; the pane scrolls over all of it.
/// Not a view: the update counts the lines to keep the pane's scrolling within them.
enum DetailsContent {
    struct Line: Equatable {
        var text: String
        var role: ColorRole = .normal
        var bold = false
    }

    /// How many lines the pane has at `width` columns.
    static func lineCount(_ detail: ExecutionDetail, width: Int, now: Date) -> Int {
        lines(detail, width: width, now: now).count
    }

    static func lines(_ detail: ExecutionDetail, width: Int, now: Date) -> [Line] {
        var logical: [Line] = []
        if let step = detail.selectedStepExecution {
            stepLines(step, number: detail.selectedStep + 1, of: detail.steps.count, now: now, into: &logical)
        } else {
            logical.append(Line(text: detail.execution == nil ? "Loading..." : "No steps have run yet.", role: .muted))
        }
        if let execution = detail.execution {
            logical.append(Line(text: ""))
            executionLines(execution, into: &logical)
        }
        return logical.flatMap { line in
            TextWrap.wrap(line.text, width: width, indent: 4).map { Line(text: $0, role: line.role, bold: line.bold) }
        }
    }

    private static func stepLines(_ step: StepExecution, number: Int, of count: Int, now: Date, into lines: inout [Line]) {
        lines.append(Line(text: "Step \(number) of \(count): \(step.stepName ?? "-") (\(step.action ?? "-"))", bold: true))
        lines.append(
            Line(
                text: "Status: \(step.stepStatus?.rawValue ?? "-")"
                    + (step.responseCode.map { "  Response code: \($0)" } ?? ""),
                role: StatusStyle.role(step.stepStatus)))
        lines.append(Line(text: "Started: \(TimeText.absolute(step.executionStartTime))"))
        lines.append(Line(text: "Ended: \(TimeText.absolute(step.executionEndTime))  Duration: \(TimeText.duration(from: step.executionStartTime, to: step.executionEndTime, now: now))"))
        var settings: [String] = []
        if let attempts = StepAttempts(step) {
            settings.append("Attempts: \(attempts.text)")
        } else if let maxAttempts = step.maxAttempts {
            settings.append("Attempts: - (max \(maxAttempts))")
        }
        if let timeout = step.timeoutSeconds { settings.append("Timeout: \(timeout)s") }
        if let onFailure = step.onFailure { settings.append("On failure: \(onFailure)") }
        if !settings.isEmpty { lines.append(Line(text: settings.joined(separator: "  "))) }
        if let id = step.stepExecutionId { lines.append(Line(text: "Step execution ID: \(id)", role: .muted)) }
        if let next = step.validNextSteps, !next.isEmpty {
            lines.append(Line(text: "Valid next steps: \(next.joined(separator: ", "))"))
        }
        if let inputs = step.inputs, !inputs.isEmpty {
            lines.append(Line(text: "Inputs:", bold: true))
            for key in inputs.keys.sorted() { lines.append(Line(text: "  \(key): \(inputs[key] ?? "")")) }
        }
        mapLines("Outputs:", step.outputs, into: &lines)
        if let response = step.response, !response.isEmpty {
            lines.append(Line(text: "Response:", bold: true))
            lines.append(Line(text: "  \(response)"))
        }
        if let failure = step.failureMessage, !failure.isEmpty {
            lines.append(Line(text: "Failure: \(failure)", role: .failure))
        }
        if let details = step.failureDetails {
            let kind = [details.failureStage.map { "stage \($0)" }, details.failureType.map { "type \($0)" }]
                .compactMap { $0 }.joined(separator: ", ")
            if !kind.isEmpty { lines.append(Line(text: "Failure details: \(kind)", role: .failure)) }
            mapLines("  Details:", details.details, into: &lines)
        }
    }

    private static func executionLines(_ execution: AutomationExecution, into lines: inout [Line]) {
        lines.append(Line(text: "Execution \(execution.automationExecutionId)", bold: true))
        lines.append(Line(text: "Executed by: \(execution.executedBy ?? "-")"))
        if let step = execution.currentStepName {
            lines.append(Line(text: "Current step: \(step)" + (execution.currentAction.map { " (\($0))" } ?? "")))
        }
        mapLines("Parameters:", execution.parameters, into: &lines, empty: "Parameters: none")
        mapLines("Outputs:", execution.outputs, into: &lines, empty: "Outputs: none")
        if let failure = execution.failureMessage, !failure.isEmpty {
            lines.append(Line(text: "Failure: \(failure)", role: .failure))
        }
    }

    private static func mapLines(_ title: String, _ map: AutomationParameterMap?, into lines: inout [Line], empty: String? = nil) {
        guard let map, !map.isEmpty else {
            if let empty { lines.append(Line(text: empty, role: .muted)) }
            return
        }
        lines.append(Line(text: title, bold: true))
        for key in map.keys.sorted() {
            lines.append(Line(text: "  \(key): \((map[key] ?? []).joined(separator: ", "))"))
        }
    }
}
