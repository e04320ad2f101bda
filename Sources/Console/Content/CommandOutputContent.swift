import AutomationModel
import Foundation

/// The lines of the command output view, built where the update can measure them (how far to scroll) and the
/// view can draw them.
enum CommandOutputContent {
    struct Line: Sendable, Hashable {
        enum Kind: Sendable, Hashable { case standardOutput, marker, standardError }
        var text: String
        var kind: Kind
    }

    /// Rows above the text in the box: the instance's status line and a blank line.
    static let headerRows = 2

    /// The box's inner width and text rows on a screen of this size.
    static func textWidth(_ state: ConsoleState) -> Int { max(1, min(state.width - 2, 160) - 4) }
    static func textRows(_ state: ConsoleState) -> Int { max(1, state.layout.overlayRows - headerRows) }

    /// stdout, then stderr under a marker line, wrapped at `width`. A tab becomes spaces to the next stop of 8
    /// and a carriage return starts the line over, as a terminal would show them; other controls are dropped
    /// when drawn.
    static func lines(_ output: GetCommandInvocationResponse?, width: Int) -> [Line] {
        guard let output else { return [] }
        var lines = wrapped(output.standardOutputContent ?? "", kind: .standardOutput, width: width)
        let standardError = output.standardErrorContent ?? ""
        if !standardError.isEmpty {
            lines.append(Line(text: "── stderr ──", kind: .marker))
            lines += wrapped(standardError, kind: .standardError, width: width)
        }
        return lines
    }

    private static func wrapped(_ text: String, kind: Line.Kind, width: Int) -> [Line] {
        guard !text.isEmpty else { return [] }
        var body = Substring(text)
        if body.hasSuffix("\n") { body = body.dropLast() }
        return body.split(separator: "\n", omittingEmptySubsequences: false).flatMap { raw -> [Line] in
            let line = expandTabs(String(raw.split(separator: "\r", omittingEmptySubsequences: false).last ?? ""))
            return TextWrap.wrap(line, width: width).map { Line(text: $0, kind: kind) }
        }
    }

    private static func expandTabs(_ text: String) -> String {
        guard text.contains("\t") else { return text }
        var result = ""
        var column = 0
        for character in text {
            if character == "\t" {
                let spaces = 8 - column % 8
                result += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                result.append(character)
                column += DisplayWidth.of(character)
            }
        }
        return result
    }

    /// The first line on screen for `open`: the end when following, else its own offset, within the text.
    static func firstLine(_ open: CommandOutputView.InstanceOutput, _ state: ConsoleState) -> Int {
        let count = lines(open.output, width: textWidth(state)).count
        let rows = textRows(state)
        let last = max(0, count - rows)
        return open.follow ? last : min(max(0, open.scroll.offset), last)
    }

    /// "Success, exit 0, 3s" for an instance: status, exit code once it has one, and how long it ran.
    static func summary(status: CommandStatus?, responseCode: Int?, start: Date?, end: Date?, now: Date) -> String {
        var parts = [status?.rawValue ?? "Pending"]
        if let responseCode, responseCode >= 0, status?.isTerminal == true { parts.append("exit \(responseCode)") }
        if start != nil { parts.append(TimeText.duration(from: start, to: end, now: now)) }
        return parts.joined(separator: ", ")
    }

    /// GetCommandInvocation's times are ISO 8601 text, empty until known.
    static func date(_ text: String?) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        return ISO8601DateFormatter().date(from: text)
    }
}
