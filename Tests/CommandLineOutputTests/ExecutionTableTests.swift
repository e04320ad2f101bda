import AutomationModel
import CommandLineOutput
import Foundation
import Testing

@Suite struct ExecutionTableTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func execution(_ id: String, _ status: AutomationExecutionStatus, startedAgo: TimeInterval, endedAgo: TimeInterval?)
        -> AutomationExecutionMetadata
    {
        var execution = AutomationExecutionMetadata(automationExecutionId: id)
        execution.automationExecutionStatus = status
        execution.documentName = "Demo-ApproveRestart"
        execution.mode = .auto
        execution.executionStartTime = now.addingTimeInterval(-startedAgo)
        execution.executionEndTime = endedAgo.map { now.addingTimeInterval(-$0) }
        execution.executedBy = "arn:aws:iam::123456789012:user/alice"
        if status == .waiting {
            execution.currentStepName = "Approve"
            execution.currentAction = "aws:approve"
        }
        return execution
    }

    @Test func rendersAlignedRowsAndMarksWaitingOnes() {
        let text = ExecutionTable.render(
            [
                execution("11111111-1111-1111-1111-111111111111", .waiting, startedAgo: 125, endedAgo: nil),
                execution("22222222-2222-2222-2222-222222222222", .success, startedAgo: 7200, endedAgo: 7170),
            ], now: now)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("STATUS"))
        #expect(lines[1].hasPrefix("! Waiting"))
        #expect(lines[1].contains("Approve (aws:approve)"))
        #expect(lines[1].contains("2m ago"))
        #expect(lines[1].contains("2m05s"))
        #expect(lines[1].hasSuffix("user/alice"))
        #expect(lines[2].hasPrefix("  Success"))
        #expect(lines[2].contains("2h ago"))
        #expect(lines[2].contains("30s"))
        // Columns line up: the ID starts where its heading does.
        #expect(lines[1].distance(from: lines[1].startIndex, to: lines[1].range(of: "11111111")!.lowerBound)
            == lines[0].distance(from: lines[0].startIndex, to: lines[0].range(of: "EXECUTION ID")!.lowerBound))
    }

    @Test func relativeTimes() {
        #expect(RelativeTime.ago(now.addingTimeInterval(-5), now: now) == "5s ago")
        #expect(RelativeTime.ago(now.addingTimeInterval(-3 * 86400), now: now) == "3d ago")
        #expect(RelativeTime.duration(from: now, to: now.addingTimeInterval(3725)) == "1h02m")
        #expect(RelativeTime.duration(from: now, to: now.addingTimeInterval(90000)) == "1d01h")
    }
}
