import AutomationModel
import Foundation
import Testing

@testable import Console

/// What AWS returns, shown right: each kind of answer from `AWSShapedFixtures` rendered at 80x24 and 160x48,
/// with the details pane scrolled through, and nothing on screen that would act on the terminal.
@Suite("Console fidelity")
struct FidelityTests {
    static let sizes = [(80, 24), (160, 48)]

    /// The execution view of `loaded`, with the step `select` (by name, first match) selected.
    static func state(
        _ loaded: (AutomationExecution, [StepExecution]), width: Int, height: Int, select: String? = nil,
        rows: [AutomationExecutionMetadata] = []
    ) -> ConsoleState {
        // The list's row, as DescribeAutomationExecutions would give it.
        let cross = !(loaded.0.targetLocations ?? []).isEmpty || loaded.0.targetLocationsURL != nil
        let row = AutomationExecutionMetadata(loaded.0, automationType: cross ? .crossAccount : .local)
        var state = Fixtures.state(width: width, height: height, rows: Fixtures.rows + [row] + rows)
        state.list.selectedId = loaded.0.automationExecutionId
        _ = ConsoleUpdate.update(&state, .key(.enter))
        _ = ConsoleUpdate.update(&state, .result(.execution(loaded.0, steps: loaded.1), at: Fixtures.now))
        if let select, var detail = state.detail, let index = detail.steps.firstIndex(where: { $0.stepName == select }) {
            detail.selectedStep = index
            state.detail = detail
        }
        return state
    }

    private func check(_ name: String, select: String? = nil, _ loaded: (AutomationExecution, [StepExecution])) {
        for (width, height) in Self.sizes {
            Snapshot.assert(
                ConsoleView.render(Self.state(loaded, width: width, height: height, select: select)),
                named: "\(name)-\(width)x\(height)")
        }
    }

    @Test func crossAccount() {
        check("aws-cross-account", select: "restart", AWSShapedFixtures.crossAccount)
    }

    @Test func crossAccountURLOnly() {
        check("aws-cross-account-url-only", AWSShapedFixtures.crossAccountURLOnly)
    }

    @Test func loopIterations() {
        check("aws-loop", AWSShapedFixtures.loop)
    }

    @Test func hundredFiftySteps() {
        check("aws-150-steps", AWSShapedFixtures.hundredFiftySteps)
    }

    @Test func hugeAndNonASCII() {
        check("aws-huge-non-ascii", AWSShapedFixtures.hugeNonASCII)
    }

    @Test func controlCharacters() {
        check("aws-control-characters", AWSShapedFixtures.controlCharacters)
    }

    // MARK: What each kind of answer must show

    /// Every line of the details pane of the selected step and the execution, unwrapped enough to search.
    private func details(_ state: ConsoleState) -> String {
        DetailsContent.lines(state.detail!, width: 400, now: Fixtures.now).map(\.text).joined(separator: "\n")
    }

    @Test func crossAccountFieldsAreShown() {
        let loaded = AWSShapedFixtures.crossAccount
        var state = Self.state(loaded, width: 160, height: 48)
        if var detail = state.detail {
            detail.selectedStep = 3
            state.detail = detail
        }
        let text = details(state)
        #expect(text.contains("Target location: Accounts 444455556666 · Regions eu-west-1"))
        #expect(text.contains("Accounts 111122223333, 444455556666 · Regions us-east-1, eu-west-1 · concurrency 2 · errors 1 · role AWS-SystemsManager-AutomationExecutionRole"))
        #expect(text.contains("Triggered alarms: cpu-high ALARM"))
        #expect(text.contains("Alarms: cpu-high, errors-5xx"))
        #expect(text.contains("Variables:\n  RestartCount: 2"))
        // Members the model does not know, of the execution and of the step, are shown as they came.
        #expect(text.contains("Other fields:\n  StepCostCenter: ops-42"))
        #expect(text.contains("  ChangeFreezeWindow: {\"Name\":\"year-end\",\"Until\":\"2027-01-04\"}"))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("Type: CrossAccount"))
        #expect(screen.contains("Alarms: cpu-high ALARM"))
        // The execution a step started.
        if var detail = state.detail {
            detail.selectedStep = 0
            state.detail = detail
        }
        #expect(details(state).contains("Started execution: child-111122223333-us-east-1"))
    }

    @Test func progressCountersStandInForMissingSteps() {
        let state = Self.state(AWSShapedFixtures.crossAccountURLOnly, width: 160, height: 48)
        let screen = ConsoleView.render(state).text
        #expect(!screen.contains("No steps have run yet"))
        #expect(screen.contains("Steps: 12 total, 7 succeeded, 1 failed, 0 cancelled, 1 timed out"))
        #expect(details(state).contains("Target locations URL: https://s3.amazonaws.com/ops-targets/patch-wave-3.json"))
    }

    @Test func loopIterationsFollowTheirLoop() {
        let state = Self.state(AWSShapedFixtures.loop, width: 160, height: 48)
        let names = state.detail!.steps.map { StepRowText.name($0) }
        #expect(names == [
            "prepare", "restartEach", "  [1: i-0a1] stop", "  [1: i-0a1] start", "  [2: i-0b2] stop",
            "  [2: i-0b2] start", "  [2: i-0b2] markRestarted", "  [3: i-0c3] stop",
        ])
    }

    @Test func stepNumbersOfAnyWidth() {
        var state = Self.state(AWSShapedFixtures.hundredFiftySteps, width: 80, height: 24)
        _ = ConsoleUpdate.update(&state, Fixtures.key("G"))
        let rows = ConsoleView.render(state).text.split(separator: "\n")
        #expect(rows.contains { $0.hasPrefix("149 ") && $0.contains("check149") })
        #expect(!rows.contains { $0.hasPrefix("1…") })
    }

    // MARK: Nothing reaches the terminal that acts on it

    /// The characters a terminal acts on instead of drawing: C0 and C1 controls, DEL, and the bidirectional
    /// marks, embeddings, overrides and isolates (listed here, not taken from the code under test).
    static func actsOnTerminal(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        let bidi: Set<UInt32> = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        return value < 0x20 || (0x7F...0x9F).contains(value) || bidi.contains(value) || value == 0x2028 || value == 0x2029
    }

    /// Every screen of every fixture, the details pane scrolled through to its end and each step selected.
    @Test(arguments: AWSShapedFixtures.all.map(\.name))
    func noCellActsOnTheTerminal(_ name: String) throws {
        let loaded = try #require(AWSShapedFixtures.all.first { $0.name == name }).loaded
        for (width, height) in Self.sizes {
            var state = Self.state(loaded, width: width, height: height)
            for step in 0..<max(1, loaded.1.count) {
                if var detail = state.detail {
                    detail.selectedStep = step
                    detail.detailScroll = ScrollState()
                    state.detail = detail
                }
                let lineCount = DetailsContent.lineCount(state.detail!, width: state.layout.detailsTextWidth, now: state.now)
                var offset = 0
                repeat {
                    state.detail!.detailScroll.offset = offset
                    let buffer = ConsoleView.render(state)
                    for cell in buffer.cells {
                        let bad = cell.character.unicodeScalars.filter(Self.actsOnTerminal)
                        #expect(bad.isEmpty, "\(name) \(width)x\(height) step \(step) offset \(offset): \(bad.map { String($0.value, radix: 16) })")
                    }
                    offset += state.layout.detailRows
                } while offset < lineCount
            }
        }
    }

    @Test func controlCharactersAreShownAsEscapes() {
        let state = Self.state(AWSShapedFixtures.controlCharacters, width: 160, height: 48)
        // Each line of the details pane as the cell buffer draws it.
        let drawn = DetailsContent.lines(state.detail!, width: 400, now: Fixtures.now).map { line in
            var buffer = CellBuffer(width: 400, height: 1)
            buffer.write(line.text, x: 0, y: 0)
            return String(buffer.rowText(0).reversed().drop { $0 == " " }.reversed())
        }
        #expect(drawn.contains(
            "Failure: Step fails\\u{1B}[2J\\u{1B}[31m red \\r overwritten \\u{07} bell \\u{08} back \\u{2066}isolate\\u{2069} \\u{2028} sep"))
        #expect(drawn.contains("  run.Log: line one"))
        #expect(drawn.contains("    \\u{1B}]2;pwned\\u{07} title"))
        #expect(drawn.contains("  ErrorMessage: \\u{202E}Terrible\\u{202C}"))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("run\\u{202E}gnp.exe\\u{202C}"))
        #expect(screen.contains("Ops-\\u{202E}evil\\u{202C}-doc"))
    }

    // MARK: Text that keeps the columns

    @Test func wideCombiningAndZeroWidthKeepColumns() {
        var buffer = CellBuffer(width: 40, height: 4)
        let texts = ["ｗｅｂ－１|", "e\u{301}a\u{308}|", "zero\u{200B}width|", "👨‍👩‍👧🇯🇵|"]
        for (row, text) in texts.enumerated() { buffer.write(text, x: 0, y: row) }
        // Each "|" sits where the widths say, and the row holds exactly the columns it should.
        #expect(buffer.rowText(0).hasPrefix("ｗｅｂ－１|"))
        #expect(DisplayWidth.of("ｗｅｂ－１") == 10)
        #expect(buffer.rowText(1).hasPrefix("e\u{301}a\u{308}|"))
        #expect(buffer.rowText(2).hasPrefix("zero\\u{200B}width|"))
        #expect(DisplayWidth.of("zero\u{200B}width") == "zero\\u{200B}width".count)
        #expect(buffer.rowText(3).hasPrefix("👨‍👩‍👧🇯🇵|"))
        #expect(buffer[4, 3].character == "|")
        // A lone combining mark is drawn on a dotted circle, one column.
        #expect(DisplayWidth.of("\u{301}") == 1)
    }

    @Test func multiLineValuesKeepTheirIndentation() {
        let lines = TextWrap.wrap("  Report: first\n  hosts: 3\n    web-1: ok\n\tweb-2", width: 40, indent: 4)
        #expect(lines == ["  Report: first", "      hosts: 3", "        web-1: ok", "        web-2"])
        let wrapped = TextWrap.wrap("  Script: a\n      indented words that wrap here", width: 24, indent: 4)
        #expect(wrapped == ["  Script: a", "          indented words", "          that wrap here"])
    }
}
