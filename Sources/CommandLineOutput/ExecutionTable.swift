import AutomationModel
import Foundation

/// Executions as a plain-text table, newest first, with times relative to `now`.
public enum ExecutionTable {
    public static let columns = ["STATUS", "EXECUTION ID", "DOCUMENT", "MODE", "CURRENT STEP", "STARTED", "DURATION", "EXECUTED BY"]

    public static func render(_ executions: [AutomationExecutionMetadata], now: Date) -> String {
        let rows = executions.map { execution -> [String] in
            let status = execution.automationExecutionStatus ?? .pending
            let marker = status.isWaitingOnHuman ? "! " : "  "
            let step = [execution.currentStepName, execution.currentAction.map { "(\($0))" }]
                .compactMap { $0 }.joined(separator: " ")
            return [
                marker + status.rawValue,
                execution.automationExecutionId,
                execution.documentName ?? "",
                execution.mode?.rawValue ?? "",
                step.isEmpty ? "-" : step,
                execution.executionStartTime.map { RelativeTime.ago($0, now: now) } ?? "-",
                execution.executionStartTime.map {
                    RelativeTime.duration(from: $0, to: execution.executionEndTime ?? now)
                } ?? "-",
                execution.executedBy.map(shortPrincipal) ?? "",
            ]
        }
        return TextTable.render(header: columns, rows: rows)
    }

    /// `arn:aws:iam::123456789012:user/alice` reads as `user/alice`.
    static func shortPrincipal(_ arn: String) -> String {
        arn.split(separator: ":").last.map(String.init) ?? arn
    }
}

/// Columns padded to their widest cell.
public enum TextTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}

/// Short human times: "5s ago", "3m ago", "2h ago", "4d ago"; durations "42s", "3m05s", "1h02m".
public enum RelativeTime {
    public static func ago(_ date: Date, now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        switch seconds {
        case ..<60: return "\(seconds)s ago"
        case ..<3600: return "\(seconds / 60)m ago"
        case ..<86400: return "\(seconds / 3600)h ago"
        default: return "\(seconds / 86400)d ago"
        }
    }

    public static func duration(from start: Date, to end: Date) -> String {
        let seconds = max(0, Int(end.timeIntervalSince(start)))
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3600: return String(format: "%dm%02ds", seconds / 60, seconds % 60)
        case ..<86400: return String(format: "%dh%02dm", seconds / 3600, (seconds % 3600) / 60)
        default: return String(format: "%dd%02dh", seconds / 86400, (seconds % 86400) / 3600)
        }
    }
}
