import AutomationModel
import Foundation

/// Runs aws:sleep: waits for a Duration or until a Timestamp. A past Timestamp finishes at once.
public struct SleepRunner: StepActionRunner {
    public let actions: Set<String> = [AutomationActionName.sleep.rawValue]

    public init() {}

    /// When a sleep that began at `startedAt` ends. A restarted engine calls this with the step's original
    /// start time to keep sleeping until the same moment.
    public static func wakeTime(inputs: [String: JSONValue], startedAt: Date) throws(ActionFailure) -> Date {
        let reader = ActionInputs(inputs, action: AutomationActionName.sleep.rawValue)
        let duration = try reader.optionalString("Duration")
        let timestamp = try reader.optionalString("Timestamp")
        switch (duration, timestamp) {
        case (let duration?, nil):
            guard let parsed = ISO8601Duration(duration) else {
                throw .invalidInput(
                    "\(AutomationActionName.sleep) Duration '\(duration)' is not valid; give \(ISO8601Duration.acceptedForms).")
            }
            return startedAt.addingTimeInterval(parsed.seconds)
        case (nil, let timestamp?):
            guard let date = ISO8601Timestamp.parse(timestamp) else {
                throw .invalidInput(
                    "\(AutomationActionName.sleep) Timestamp '\(timestamp)' is not valid; give \(ISO8601Timestamp.acceptedForms).")
            }
            return date
        case (nil, nil):
            throw .invalidInput(
                "\(AutomationActionName.sleep) needs Duration (\(ISO8601Duration.acceptedForms)) or Timestamp (\(ISO8601Timestamp.acceptedForms)).")
        case (.some, .some):
            throw .invalidInput("\(AutomationActionName.sleep) takes Duration or Timestamp, not both; remove one of them.")
        }
    }

    public func run(_ invocation: ActionInvocation) async -> ActionOutcome {
        await run(invocation, startedAt: Date())
    }

    /// Sleeps until the wake time of a sleep that began at `startedAt`, for an engine resuming a step.
    public func run(_ invocation: ActionInvocation, startedAt: Date) async -> ActionOutcome {
        let wake: Date
        do {
            wake = try Self.wakeTime(inputs: invocation.inputs, startedAt: startedAt)
        } catch {
            return error.outcome
        }
        // Short naps against the wall clock, so a changed system clock or a suspended machine still wakes on time.
        while true {
            let remaining = wake.timeIntervalSinceNow
            if remaining <= 0 { break }
            do {
                try await Task.sleep(nanoseconds: UInt64(min(remaining, 30) * 1_000_000_000))
            } catch {
                return ActionFailure.stopped("its sleep").outcome
            }
        }
        if Task.isCancelled { return ActionFailure.stopped("its sleep").outcome }
        return .succeeded(ActionResult())
    }
}
