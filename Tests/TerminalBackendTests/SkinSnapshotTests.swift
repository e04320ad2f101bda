import AutomationModel
import Console
import Foundation
import Testing

@testable import TerminalBackend

/// The console drawn with a skin, as the terminal would show it: each row's text, then under it a letter per
/// cell naming its appearance (colours and attributes), with the legend after the screen. Compared with
/// Snapshots/<name>.txt; SNAPSHOT_RECORD=1 writes the file instead.
@Suite("Skins")
struct SkinSnapshotTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func state() -> ConsoleState {
        let target = ConsoleTarget(
            kind: .aws(profile: "ops", region: "eu-west-1", endpoint: "http://127.0.0.1:4583"),
            principal: "arn:aws:iam::123456789012:user/alice")
        var state = ConsoleState(target: target, options: ConsoleOptions(), width: 80, height: 15, now: now)
        _ = ConsoleUpdate.start(&state)
        let statuses: [AutomationExecutionStatus] = [.waiting, .inProgress, .success, .failed, .cancelled]
        let rows = statuses.enumerated().map { index, status in
            var row = AutomationExecutionMetadata(automationExecutionId: "0000000\(index)-2d4e-4f60-8a1b-00000000000\(index)")
            row.documentName = "Demo-\(status.rawValue)"
            row.automationExecutionStatus = status
            row.executionStartTime = now.addingTimeInterval(-Double(600 * (index + 1)))
            return row
        }
        _ = ConsoleUpdate.update(&state, .result(.executions(.all, rows, nextToken: nil, appended: false), at: now))
        return state
    }

    static func snapshot(depth: ColorDepth, skin: Skin) -> String {
        let buffer = ConsoleView.render(state())
        var legend: [CellAppearance] = []
        var lines: [String] = []
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        for y in 0..<buffer.height {
            lines.append(buffer.rowText(y))
            var marks = ""
            for x in 0..<buffer.width {
                let appearance = ColorPalette.appearance(of: buffer[x, y].style, depth: depth, skin: skin)
                if !legend.contains(appearance) { legend.append(appearance) }
                marks.append(letters[legend.firstIndex(of: appearance)! % letters.count])
            }
            lines.append(marks)
        }
        lines.append("")
        for (index, appearance) in legend.enumerated() {
            let colors = appearance.colors.map { "fg \($0.foreground) bg \($0.background)" } ?? "terminal colours"
            let attributes = [("bold", appearance.bold), ("reverse", appearance.reverse), ("underline", appearance.underline), ("dim", appearance.dim)]
                .filter(\.1).map(\.0).joined(separator: " ")
            lines.append("\(letters[index]): \(colors)\(attributes.isEmpty ? "" : " " + attributes)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func assert(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).txt")
        if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: file, encoding: .utf8)
        #expect(expected == text, "Snapshot \(name) differs; got:\n\(text)", sourceLocation: sourceLocation)
    }

    @Test func customSkin() {
        let skin = Skin(base: .standard, roles: [
            .header: SkinColors(foreground: .number(16), background: .number(214)),
            .failure: SkinColors(foreground: .number(196)),
            .selection: SkinColors(background: .number(22)),
        ])
        Self.assert(Self.snapshot(depth: .extended256, skin: skin), named: "skin-custom-256")
    }

    @Test func terminalColours() {
        Self.assert(Self.snapshot(depth: .extended256, skin: Skin(base: .terminal)), named: "skin-terminal-256")
    }

    @Test func lightSkinOnEightColours() {
        Self.assert(Self.snapshot(depth: .eight, skin: Skin(base: .light)), named: "skin-light-8")
    }

    @Test func noColorWinsOverAnySkin() {
        let skin = Skin(base: .light, roles: [.header: SkinColors(foreground: .number(1), background: .number(2))])
        for role in ColorRole.allCases { #expect(ColorPalette.colors(for: role, depth: .none, skin: skin) == nil) }
        #expect(Self.snapshot(depth: .none, skin: skin) == Self.snapshot(depth: .none, skin: Skin()))
    }

    @Test func ownColoursOnEightColoursKeepWhatTheTerminalCanShow() {
        let skin = Skin(roles: [
            .failure: SkinColors(foreground: .number(9)), .success: SkinColors(foreground: .number(120)),
            .header: SkinColors(foreground: .terminalDefault),
        ])
        #expect(ColorPalette.colors(for: .failure, depth: .eight, skin: skin) == ColorPair(1))
        // 120 has no eight-colour equal: the skin's own green stays.
        #expect(ColorPalette.colors(for: .success, depth: .eight, skin: skin) == ColorPair(2))
        #expect(ColorPalette.colors(for: .header, depth: .extended256, skin: skin) == ColorPair(-1, 24))
        #expect(ColorPalette.colors(for: .success, depth: .extended256, skin: skin) == ColorPair(120))
    }
}
