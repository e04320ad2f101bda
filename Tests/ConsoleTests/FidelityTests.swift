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

    @Test func futureMembers() {
        check("aws-future-members", select: "startInstances", AWSShapedFixtures.futureMembers)
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

    /// Members of a later API at every depth are shown under the member that holds them, by wire name, or
    /// with their path under "Other fields" when the pane shows nothing of what holds them.
    @Test func membersTheModelDoesNotKnowAreShownAtEveryDepth() throws {
        var state = Self.state(AWSShapedFixtures.futureMembers, width: 160, height: 48, select: "startInstances")
        var text = details(state)
        #expect(text.contains(
            "Failure details: stage Verification, type Verification\n  Details:\n  ErrorMessage: timed out\n"
                + "  Cause: {\"Code\":\"InstanceLimitExceeded\",\"RetryAfterSeconds\":30}"))
        #expect(text.contains("Triggered alarms: cpu-high ALARM\n  TriggeredAlarms[0].StateReason: Threshold crossed"))
        #expect(text.contains("Other fields:\n  RemediationHint: Raise the instance limit."))
        // The execution's own, after the step's.
        #expect(text.contains("Alarms: cpu-high (poll failures ignored)\n  Alarms[0].Region: us-west-2\n  EvaluationPeriodSeconds: 60"))
        #expect(text.contains("Target locations:\n  Accounts 111122223333 · Regions us-east-1 · role AutomationRole\n  TargetLocations[0].RegionOrder: Sequential"))
        #expect(text.contains("Other fields:\n  CostEstimate: {\"Amount\":0.42,\"Currency\":\"USD\"}\n  Priority: 3\n  ProgressCounters.SkippedSteps: 1"))

        state.detail!.selectedStep = try #require(state.detail!.steps.firstIndex { $0.stepName == "stopInstances" })
        text = details(state)
        #expect(text.contains("In loop: eachInstance  Iteration: 1  Iterator value: i-0123456789abcdef0\n  IterationLabel: first"))
        #expect(text.contains("Target location: Accounts 111122223333 · Regions us-east-1\n  RegionOrder: Sequential"))
        #expect(text.contains("Targets: InstanceIds=i-0123456789abcdef0\n  Targets[0].MatchMode: Exact"))
        #expect(text.contains("Other fields:\n  EnergyUsedWattHours: 12.5"))
    }

    /// A rate-controlled parent's targets with members of a later API: shown under the targets they belong to.
    @Test func unknownMembersOfTargetsAreShownUnderThem() {
        let execution = AWSShapedFixtures.execution(
            """
            {"AutomationExecution": {"AutomationExecutionId": "\(Fixtures.id(28))", "DocumentName": "AWS-RestartEC2Instance",
              "AutomationExecutionStatus": "InProgress", "TargetParameterName": "InstanceId",
              "Targets": [{"Key": "tag:Env", "Values": ["prod"], "MatchMode": "Exact"}],
              "ResolvedTargets": {"ParameterValues": ["i-0123456789abcdef0"], "Truncated": false, "ResolvedAt": 1795000000},
              "MaxConcurrency": "10%", "MaxErrors": "1"}}
            """)
        var detail = ExecutionDetail(id: execution.automationExecutionId)
        detail.execution = execution
        let text = DetailsContent.lines(detail, width: 400, now: Fixtures.now).map(\.text).joined(separator: "\n")
        #expect(text.contains("Targets: parameter InstanceId · tag:Env=prod · concurrency 10% · errors 1\n  Targets[0].MatchMode: Exact"))
        #expect(text.contains("Resolved targets: i-0123456789abcdef0\n  ResolvedAt: 1795000000"))
        #expect(!text.contains("Other fields"))
    }

    /// A member only the list's row carries is shown with the execution, and survives the execution's answer.
    @Test func listRowMembersAreShownWithTheExecution() throws {
        let loaded = AWSShapedFixtures.crossAccountURLOnly
        let answer = try AWSJSON.decode(
            DescribeAutomationExecutionsResponse.self,
            from: Data(
                """
                {"AutomationExecutionMetadataList": [{"AutomationExecutionId": "\(loaded.0.automationExecutionId)",
                  "DocumentName": "AWS-PatchInstanceWithRollback", "AutomationExecutionStatus": "InProgress",
                  "AutomationType": "CrossAccount", "ExecutionStartTime": \(AWSShapedFixtures.at(1200)),
                  "TargetLocationsURL": "https://s3.amazonaws.com/ops-targets/patch-wave-3.json",
                  "WaveNumber": 3, "AlarmConfiguration": {"Alarms": [{"Name": "cpu-high", "Region": "us-west-2"}]}}]}
                """.utf8))
        var state = Fixtures.state(width: 160, height: 48, rows: answer.automationExecutionMetadataList!)
        state.list.selectedId = loaded.0.automationExecutionId
        _ = ConsoleUpdate.update(&state, .key(.enter))
        _ = ConsoleUpdate.update(&state, .result(.execution(loaded.0, steps: loaded.1), at: Fixtures.now))
        let text = details(state)
        #expect(text.contains("Other fields of its row in the list:\n  AlarmConfiguration.Alarms[0].Region: us-west-2\n  WaveNumber: 3"))
        #expect(state.list.row(withId: loaded.0.automationExecutionId)?.unmodeledFields?["WaveNumber"] == .number(3))
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

    /// The end-to-end test that reads the bytes the real console writes to the terminal serves these same
    /// answers, from `Fixtures/aws-shaped/`: the files must be the fixtures (SNAPSHOT_RECORD=1 writes them).
    @Test(arguments: AWSShapedFixtures.allAnswers.map(\.name))
    func fixturesAreRecordedForTheTerminalByteTest(_ name: String) throws {
        let answers = try #require(AWSShapedFixtures.allAnswers.first { $0.name == name }).answers
        let text = AWSShapedFixtures.recordedFile(answers)
        // Both bodies are JSON as the service sends it.
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?.keys.sorted() == ["DescribeAutomationStepExecutions", "GetAutomationExecution"])
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/aws-shaped/\(name).json")
        if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let recorded = try? String(contentsOf: file, encoding: .utf8)
        #expect(recorded == text, "\(file.path) is not the fixture \(name): record it with SNAPSHOT_RECORD=1")
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
