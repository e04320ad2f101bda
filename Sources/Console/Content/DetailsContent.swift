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
            logical.append(Line(text: detail.execution.map(noStepsText) ?? "Loading...", role: .muted))
        }
        if let execution = detail.execution {
            logical.append(Line(text: ""))
            executionLines(execution, into: &logical)
            listRowLines(detail.listRowFields, execution: execution, into: &logical)
        }
        return logical.flatMap { line in
            TextWrap.wrap(line.text, width: width, indent: 4).map { Line(text: $0, role: line.role, bold: line.bold) }
        }
    }

    private static func stepLines(_ step: StepExecution, number: Int, of count: Int, now: Date, into lines: inout [Line]) {
        var other = step.unmodeledFields ?? [:]
        lines.append(Line(text: "Step \(number) of \(count): \(step.stepName ?? "-") (\(step.action ?? "-"))", bold: true))
        lines.append(
            Line(
                text: "Status: \(step.stepStatus?.rawValue ?? "-")"
                    + (step.responseCode.map { "  Response code: \($0)" } ?? ""),
                role: StatusStyle.role(step.stepStatus)))
        lines.append(Line(text: "Started: \(TimeText.absolute(step.executionStartTime))"))
        lines.append(Line(text: "Ended: \(TimeText.absolute(step.executionEndTime))  Duration: \(TimeText.duration(from: step.executionStartTime, to: step.executionEndTime, now: now, status: step.stepStatus))"))
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
        if let parent = step.parentStepDetails {
            var loop = "In loop: \(parent.stepName ?? "-")"
            if let iteration = parent.iteration { loop += "  Iteration: \(iteration)" }
            if let value = parent.iteratorValue { loop += "  Iterator value: \(value)" }
            lines.append(Line(text: loop))
            nestedUnmodeledLines("ParentStepDetails", &other, into: &lines)
        }
        if let location = step.targetLocation {
            lines.append(Line(text: "Target location: \(FieldText.targetLocation(location))"))
            nestedUnmodeledLines("TargetLocation", &other, into: &lines)
        }
        if let targets = step.targets, !targets.isEmpty {
            lines.append(Line(text: "Targets: \(FieldText.targets(targets))"))
            nestedUnmodeledLines("Targets", &other, into: &lines)
        }
        if let started = step.outputs?["ExecutionId"]?.first, !started.isEmpty {
            lines.append(Line(text: "Started execution: \(started)", role: .accent))
        }
        if let alarms = step.triggeredAlarms, !alarms.isEmpty {
            lines.append(Line(text: "Triggered alarms: \(FieldText.triggeredAlarms(alarms))", role: .failure))
            nestedUnmodeledLines("TriggeredAlarms", &other, into: &lines)
        }
        if let next = step.nextStep { lines.append(Line(text: "Next step: \(next)")) }
        if let next = step.validNextSteps, !next.isEmpty {
            lines.append(Line(text: "Valid next steps: \(next.joined(separator: ", "))"))
        }
        if let inputs = step.inputs, !inputs.isEmpty {
            lines.append(Line(text: "Inputs:", bold: true))
            for key in inputs.keys.sorted() { lines.append(Line(text: "  \(key): \(inputs[key] ?? "")")) }
        }
        mapLines("Outputs:", step.outputs, into: &lines)
        mapLines("Overridden parameters:", step.overriddenParameters, into: &lines)
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
            if !kind.isEmpty || hasUnmodeled(inside: "FailureDetails", other) {
                lines.append(Line(text: "Failure details: \(kind.isEmpty ? "-" : kind)", role: .failure))
            }
            mapLines("  Details:", details.details, into: &lines)
            nestedUnmodeledLines("FailureDetails", &other, into: &lines)
        }
        unmodeledLines(other, into: &lines)
    }

    /// What the pane says when there is no step row: an execution that runs elsewhere (in other accounts and
    /// Regions) reports only its progress counters.
    private static func noStepsText(_ execution: AutomationExecution) -> String {
        guard let total = execution.progressCounters?.totalSteps, total > 0 else { return "No steps have run yet." }
        return "No step rows returned; the progress counters count \(total) steps (see Steps above)."
    }

    private static func executionLines(_ execution: AutomationExecution, into lines: inout [Line]) {
        var other = execution.unmodeledFields ?? [:]
        lines.append(Line(text: "Execution \(execution.automationExecutionId)", bold: true))
        lines.append(Line(text: "Executed by: \(execution.executedBy ?? "-")"))
        if let step = execution.currentStepName {
            lines.append(Line(text: "Current step: \(step)" + (execution.currentAction.map { " (\($0))" } ?? "")))
        }
        if let parent = execution.parentAutomationExecutionId {
            lines.append(Line(text: "Parent execution: \(parent)"))
        }
        if let alarms = execution.triggeredAlarms, !alarms.isEmpty {
            lines.append(Line(text: "Triggered alarms: \(FieldText.triggeredAlarms(alarms))", role: .failure))
            nestedUnmodeledLines("TriggeredAlarms", &other, into: &lines)
        }
        if let configuration = execution.alarmConfiguration {
            lines.append(Line(text: "Alarms: \(FieldText.alarmConfiguration(configuration))"))
            nestedUnmodeledLines("AlarmConfiguration", &other, into: &lines)
        }
        if let locations = execution.targetLocations, !locations.isEmpty {
            lines.append(Line(text: "Target locations:", bold: true))
            for location in locations { lines.append(Line(text: "  \(FieldText.targetLocation(location))")) }
            nestedUnmodeledLines("TargetLocations", &other, into: &lines)
        }
        if let url = execution.targetLocationsURL { lines.append(Line(text: "Target locations URL: \(url)")) }
        targetLines(execution, other: &other, into: &lines)
        mapLines("Parameters:", execution.parameters, into: &lines, empty: "Parameters: none")
        mapLines("Variables:", execution.variables, into: &lines)
        mapLines("Outputs:", execution.outputs, into: &lines, empty: "Outputs: none")
        if let failure = execution.failureMessage, !failure.isEmpty {
            lines.append(Line(text: "Failure: \(failure)", role: .failure))
        }
        unmodeledLines(other, into: &lines)
    }

    /// A rate-controlled execution's targets and limits.
    private static func targetLines(_ execution: AutomationExecution, other: inout [String: JSONValue], into lines: inout [Line]) {
        var parts: [String] = []
        if let name = execution.targetParameterName { parts.append("parameter \(name)") }
        if let targets = execution.targets, !targets.isEmpty { parts.append(FieldText.targets(targets)) }
        if let maps = execution.targetMaps, !maps.isEmpty {
            parts.append("target maps " + maps.map { map in
                map.keys.sorted().map { "\($0)=\((map[$0] ?? []).joined(separator: ","))" }.joined(separator: " ")
            }.joined(separator: "; "))
        }
        if let value = execution.maxConcurrency { parts.append("concurrency \(value)") }
        if let value = execution.maxErrors { parts.append("errors \(value)") }
        if let target = execution.target { parts.append("target \(target)") }
        if !parts.isEmpty {
            lines.append(Line(text: "Targets: \(parts.joined(separator: " · "))"))
            nestedUnmodeledLines("Targets", &other, into: &lines)
        }
        if let resolved = execution.resolvedTargets?.parameterValues, !resolved.isEmpty {
            let more = execution.resolvedTargets?.truncated == true ? " (more not listed)" : ""
            lines.append(Line(text: "Resolved targets: \(resolved.joined(separator: ", "))\(more)"))
            nestedUnmodeledLines("ResolvedTargets", &other, into: &lines)
        }
    }

    /// Fields the service returned that the console does not know: shown as they came, never dropped. Those
    /// inside a member the pane does not show are named by their path (`ProgressCounters.Name`).
    private static func unmodeledLines(_ fields: [String: JSONValue], into lines: inout [Line]) {
        guard !fields.isEmpty else { return }
        lines.append(Line(text: "Other fields:", bold: true))
        for field in FieldText.unmodeled(fields) { lines.append(Line(text: "  \(field.name): \(field.value)")) }
    }

    /// The list row's fields the console does not know that the execution's own answer did not repeat.
    private static func listRowLines(_ fields: [String: JSONValue]?, execution: AutomationExecution, into lines: inout [Line]) {
        let shown = execution.unmodeledFields ?? [:]
        let more = (fields ?? [:]).filter { shown[$0.key] != $0.value }
        guard !more.isEmpty else { return }
        lines.append(Line(text: "Other fields of its row in the list:", bold: true))
        for field in FieldText.unmodeled(more) { lines.append(Line(text: "  \(field.name): \(field.value)")) }
    }

    /// The fields the console does not know inside `member` (a shape the pane has just shown), listed under it
    /// by their path within it (`Accounts[0]` style paths keep which element they belong to), and taken out of
    /// `other` so they are not listed twice.
    private static func nestedUnmodeledLines(_ member: String, _ other: inout [String: JSONValue], into lines: inout [Line]) {
        let inside = other.filter { isPath($0.key, inside: member) }
        for field in FieldText.unmodeled(inside) {
            // In an element of a list the element's index says which one: the path is kept whole.
            let rest = field.name.dropFirst(member.count)
            let name = rest.hasPrefix(".") ? String(rest.dropFirst()) : field.name
            lines.append(Line(text: "  \(name): \(field.value)"))
            other[field.name] = nil
        }
    }

    private static func hasUnmodeled(inside member: String, _ other: [String: JSONValue]) -> Bool {
        other.keys.contains { isPath($0, inside: member) }
    }

    private static func isPath(_ path: String, inside member: String) -> Bool {
        path.hasPrefix(member + ".") || path.hasPrefix(member + "[")
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
