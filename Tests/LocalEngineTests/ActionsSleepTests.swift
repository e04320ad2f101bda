import AutomationModel
import Foundation
import Testing

@testable import LocalEngine

@Suite("aws:sleep runner")
struct ActionsSleepTests {
    @Test(arguments: [
        ("PT10S", 10.0), ("PT5M", 300), ("PT1H30M", 5400), ("P1D", 86_400), ("P1DT2H", 93_600),
        ("PT0.5S", 0.5), ("PT1M30.25S", 90.25), ("P2W", 1_209_600), ("pt2s", 2), ("PT0S", 0), ("PT1,5S", 1.5),
    ])
    func durationsParse(text: String, seconds: Double) {
        #expect(ISO8601Duration(text)?.seconds == seconds)
    }

    @Test(arguments: ["", "P", "PT", "10S", "PT10", "P1Y", "P1M", "PT1.5M", "P1DT", "PT5S10M", "PT1H1H", "P-1D", "PTS"])
    func malformedDurationsAreRefused(text: String) {
        #expect(ISO8601Duration(text) == nil)
    }

    @Test func wakeTimeFromDurationOrTimestamp() throws {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(try SleepRunner.wakeTime(inputs: ["Duration": "PT1H30M"], startedAt: start)
            == start.addingTimeInterval(5400))
        #expect(try SleepRunner.wakeTime(inputs: ["Duration": ["PT2S"]], startedAt: start) == start.addingTimeInterval(2))
        #expect(try SleepRunner.wakeTime(inputs: ["Timestamp": "2023-11-14T22:13:20Z"], startedAt: .now)
            == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(try SleepRunner.wakeTime(inputs: ["Timestamp": "2023-11-15T00:13:20+02:00"], startedAt: .now)
            == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(try SleepRunner.wakeTime(inputs: ["Timestamp": "2023-11-14T22:13:20.250Z"], startedAt: .now)
            == Date(timeIntervalSince1970: 1_700_000_000.25))
    }

    private func wakeTimeFailure(_ inputs: [String: JSONValue]) -> ActionFailure? {
        do {
            _ = try SleepRunner.wakeTime(inputs: inputs, startedAt: .now)
            return nil
        } catch {
            return error
        }
    }

    @Test func malformedInputShowsTheAcceptedForms() throws {
        let duration = try #require(wakeTimeFailure(["Duration": "10 minutes"]))
        #expect(duration.message.contains("'10 minutes'"))
        #expect(duration.message.contains("PT10S, PT5M, PT1H30M, P1D or P1DT2H"))
        #expect(duration.failureDetails.failureStage == "InputValidation")
        let timestamp = try #require(wakeTimeFailure(["Timestamp": "2023-11-14 22:13"]))
        #expect(timestamp.message.contains("2025-06-01T12:00:00Z"))
        #expect(timestamp.message.contains("+02:00"))
        #expect(try #require(wakeTimeFailure([:])).message.contains("needs Duration"))
        #expect(try #require(wakeTimeFailure(["Duration": "PT1S", "Timestamp": "2023-11-14T22:13:20Z"]))
            .message.contains("not both"))
        #expect(wakeTimeFailure(["Timestamp": "2023-11-14T22:13:20"]) != nil, "a timestamp needs Z or an offset")
    }

    @Test func sleepsForTheDuration() async {
        let started = Date()
        let outcome = await SleepRunner().run(ActionsTest.invocation("aws:sleep", ["Duration": "PT0.4S"]))
        let elapsed = Date().timeIntervalSince(started)
        #expect(outcome.succeeded)
        #expect(outcome.result.outputs.isEmpty)
        #expect(elapsed >= 0.4 && elapsed < 2)
    }

    @Test func aPastTimestampFinishesAtOnce() async {
        let started = Date()
        let outcome = await SleepRunner().run(ActionsTest.invocation("aws:sleep", ["Timestamp": "2001-01-01T00:00:00Z"]))
        #expect(outcome.succeeded)
        #expect(Date().timeIntervalSince(started) < 0.5)
    }

    @Test func sleepsUntilAFutureTimestamp() async {
        let wake = Date().addingTimeInterval(0.6)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let outcome = await SleepRunner().run(
            ActionsTest.invocation("aws:sleep", ["Timestamp": .string(formatter.string(from: wake))]))
        #expect(outcome.succeeded)
        #expect(Date() >= wake.addingTimeInterval(-0.01))
        #expect(Date().timeIntervalSince(wake) < 1)
    }

    @Test func aResumedSleepKeepsTheOriginalWakeTime() async {
        let started = Date()
        let outcome = await SleepRunner().run(
            ActionsTest.invocation("aws:sleep", ["Duration": "PT10.3S"]), startedAt: started.addingTimeInterval(-10))
        let elapsed = Date().timeIntervalSince(started)
        #expect(outcome.succeeded)
        #expect(elapsed >= 0.3 && elapsed < 2)
    }

    @Test func cancellingEndsTheSleepAsStopped() async {
        let task = Task { await SleepRunner().run(ActionsTest.invocation("aws:sleep", ["Duration": "PT1H"])) }
        try? await Task.sleep(nanoseconds: 100_000_000)
        let cancelledAt = Date()
        task.cancel()
        let outcome = await task.value
        #expect(Date().timeIntervalSince(cancelledAt) < 1)
        #expect(!outcome.succeeded)
        #expect(outcome.result.failureMessage?.contains("step was stopped") == true)
    }

    @Test func malformedInputFailsTheStep() async {
        let outcome = await SleepRunner().run(ActionsTest.invocation("aws:sleep", ["Duration": "soon"]))
        #expect(!outcome.succeeded)
        #expect(outcome.result.failureMessage?.contains("ISO-8601 duration") == true)
    }
}
