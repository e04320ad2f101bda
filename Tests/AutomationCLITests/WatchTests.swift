import AutomationModel
import Foundation
import Testing

@testable import AutomationCLI

@Suite struct WatchTests {
    private static let id = "11111111-2222-3333-4444-555555555555"

    private static func snapshot(_ status: AutomationExecutionStatus, steps: [(String, AutomationExecutionStatus)]) -> AutomationExecution {
        var execution = AutomationExecution(automationExecutionId: id)
        execution.automationExecutionStatus = status
        execution.stepExecutions = steps.map { StepExecution(stepName: $0.0, action: "aws:sleep", stepExecutionId: "step-\($0.0)", stepStatus: $0.1) }
        return execution
    }

    private func run(_ snapshots: [AutomationExecution]) async throws -> (AutomationExecutionStatus, [String], Int) {
        let sleeps = Counter()
        var watcher = ExecutionWatcher(service: ScriptedExecutions(snapshots), executionId: Self.id, interval: .seconds(5))
        watcher.now = { Date(timeIntervalSince1970: 0) }
        watcher.sleep = { _ in sleeps.increment() }
        var lines: [String] = []
        let status = try await watcher.watch { lines.append($0) }
        return (status, lines, sleeps.value)
    }

    @Test func oneLinePerChangeThenTheFinalStatus() async throws {
        let (status, lines, sleeps) = try await run([
            Self.snapshot(.inProgress, steps: [("first", .inProgress)]),
            Self.snapshot(.inProgress, steps: [("first", .inProgress)]),
            Self.snapshot(.inProgress, steps: [("first", .success), ("second", .inProgress)]),
            Self.snapshot(.success, steps: [("first", .success), ("second", .success)]),
        ])
        #expect(status == .success)
        #expect(sleeps == 3)
        #expect(lines == [
            "00:00:00Z  first: - → InProgress",
            "00:00:00Z  execution \(Self.id): - → InProgress",
            "00:00:00Z  first: InProgress → Success",
            "00:00:00Z  second: - → InProgress",
            "00:00:00Z  second: InProgress → Success",
            "00:00:00Z  execution \(Self.id): InProgress → Success",
        ])
        #expect(ExecutionWatcher.exitCode(for: status) == 0)
    }

    @Test func endingOtherThanSuccessExitsOne() async throws {
        var failed = Self.snapshot(.failed, steps: [("first", .failed)])
        failed.failureMessage = "Step first failed."
        let (status, lines, _) = try await run([failed])
        #expect(status == .failed)
        #expect(lines.last == "00:00:00Z  execution \(Self.id): - → Failed (Step first failed.)")
        #expect(ExecutionWatcher.exitCode(for: status) == 1)
        #expect(ExecutionWatcher.exitCode(for: .cancelled) == 1)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
