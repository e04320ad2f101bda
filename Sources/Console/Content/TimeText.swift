import AutomationModel
import Foundation

/// Times as the console writes them: relative to the state's clock, so a frame depends only on the state.
enum TimeText {
    /// "now", "45s ago", "12m ago", "3h ago", "2d ago"; "-" when unknown.
    static func relative(_ date: Date?, now: Date) -> String {
        guard let date else { return "-" }
        let seconds = Int(now.timeIntervalSince(date))
        if seconds < 5 { return "now" }
        return compact(seconds) + " ago"
    }

    /// "45s", "12m", "3h", "2d": the largest unit only, for narrow columns.
    static func compact(_ seconds: Int) -> String {
        switch seconds {
        case ..<60: return "\(max(0, seconds))s"
        case ..<3600: return "\(seconds / 60)m"
        case ..<86400: return "\(seconds / 3600)h"
        default: return "\(seconds / 86400)d"
        }
    }

    /// "45s", "2m05s", "1h03m", "2d04h": how long something took, or has run so far; "-" for something still
    /// Pending (or Scheduled), which has not started running whatever its start time says.
    static func duration(from start: Date?, to end: Date?, now: Date, status: AutomationExecutionStatus? = nil) -> String {
        guard let start, !notRunningYet(status, end: end) else { return "-" }
        let seconds = max(0, Int((end ?? now).timeIntervalSince(start)))
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\(seconds / 60)m\(twoDigits(seconds % 60))s"
        case ..<86400: return "\(seconds / 3600)h\(twoDigits(seconds % 3600 / 60))m"
        default: return "\(seconds / 86400)d\(twoDigits(seconds % 86400 / 3600))h"
        }
    }

    /// Like `duration`, but for a list row still running, whole minutes once past the first: a list of long
    /// runs then changes on screen once a minute, not every second, which is what a slow link pays for.
    static func listDuration(from start: Date?, to end: Date?, now: Date, status: AutomationExecutionStatus? = nil) -> String {
        guard let start, end == nil, !notRunningYet(status, end: end) else {
            return duration(from: start, to: end, now: now, status: status)
        }
        let seconds = max(0, Int(now.timeIntervalSince(start)))
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\(seconds / 60)m"
        default: return duration(from: start, to: nil, now: now)
        }
    }

    /// "05": without String(format:), which went through Foundation's formatter for every row drawn.
    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func notRunningYet(_ status: AutomationExecutionStatus?, end: Date?) -> Bool {
        end == nil && (status == .pending || status == .scheduled)
    }

    /// "6d23h", "1h03m", "12m", "45s": time left, to the minute once past the first (so it redraws once a minute).
    static func remaining(_ seconds: Int) -> String {
        switch seconds {
        case ..<60: return "\(max(0, seconds))s"
        case ..<3600: return "\(seconds / 60)m"
        case ..<86400: return "\(seconds / 3600)h\(twoDigits(seconds % 3600 / 60))m"
        default: return "\(seconds / 86400)d\(twoDigits(seconds % 86400 / 3600))h"
        }
    }

    /// "2026-11-22 00:10:27 UTC": the exact time, for the details pane.
    static func absolute(_ date: Date?) -> String {
        guard let date else { return "-" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d UTC", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
            c.minute ?? 0, c.second ?? 0)
    }
}
