import AutomationModel
import Foundation

/// A fleet's progress and rate control in words, as wide as the room allows.
enum FleetText {
    /// For a parent's row: "31/40 ✗2" when narrow, with MaxConcurrency and MaxErrors when there is room.
    static func row(_ progress: FleetProgress, width: Int, glyphs: GlyphSet) -> String {
        let errors = progress.counts.errors
        let failed = progress.atLeast(errors)
        if width >= 44 {
            var text = "\(progress.doneText) done"
            if errors > 0 { text += ", \(failed) failed" }
            if let loaded = progress.loadedText, width >= 70 { text += " (\(loaded))" }
            return text + rateControl(progress, separator: " \(glyphs.separator) ")
        }
        var text = progress.doneText + (errors > 0 ? " \(glyphs.failedMark)\(failed)" : "")
        if width >= 24 {
            if let concurrency = progress.maxConcurrency { text += " \(glyphs.separator) conc \(concurrency)" }
            if let maxErrors = progress.maxErrors { text += " \(glyphs.separator) err \(maxErrors)" }
        }
        return text
    }

    /// ", MaxConcurrency 10, MaxErrors 3" after the separator, or nothing when the parent has neither.
    static func rateControl(_ progress: FleetProgress, separator: String) -> String {
        var parts: [String] = []
        if let concurrency = progress.maxConcurrency { parts.append("MaxConcurrency \(concurrency)") }
        if let maxErrors = progress.maxErrors { parts.append("MaxErrors \(maxErrors)") }
        return parts.isEmpty ? "" : separator + parts.joined(separator: ", ")
    }

    /// A parent's view, the line under the timing: how its children stand and the error budget used.
    static func summary(_ progress: FleetProgress) -> String {
        let counts = progress.counts
        var parts = ["Children: \(progress.doneText) done", "\(progress.atLeast(counts.running)) running"]
        if let notStarted = progress.notStarted {
            parts.append("\(notStarted) not started")
        } else if let loaded = progress.loadedText {
            parts.append("counted from \(loaded)")
        }
        if counts.cancelled > 0 { parts.append("\(progress.atLeast(counts.cancelled)) cancelled") }
        parts.append(progress.budgetText)
        return parts.joined(separator: ", ") + rateControl(progress, separator: "  ")
    }

    /// The targets line of a parent's view: what it was started with and what that resolved to.
    static func targets(_ execution: AutomationExecution) -> String {
        var parts: [String] = []
        if let targets = execution.targets, !targets.isEmpty {
            parts.append("Targets: " + targets.map { "\($0.key ?? "?")=\(($0.values ?? []).joined(separator: ","))" }.joined(separator: " "))
        }
        if let maps = execution.targetMaps, !maps.isEmpty { parts.append("TargetMaps: \(maps.count)") }
        if let name = execution.targetParameterName { parts.append("TargetParameterName: \(name)") }
        if let resolved = execution.resolvedTargets {
            let values = resolved.parameterValues ?? []
            let shown = values.prefix(5).joined(separator: ", ") + (values.count > 5 ? ", ..." : "")
            parts.append("ResolvedTargets: \(values.count)\(resolved.truncated == true ? "+ (truncated)" : "") [\(shown)]")
        }
        return parts.joined(separator: "  ")
    }
}
