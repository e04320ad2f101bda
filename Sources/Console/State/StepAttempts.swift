import AutomationModel
import Foundation

/// Which attempt of its MaxAttempts a step is on. The API has no attempt count; the local engine says it in the
/// Response ("… (attempt 2 of 3)", "Attempt 1 of 3 failed: … Now on attempt 2 of 3.", "Failed after 3 of 3
/// attempts."), and AWS does not, so it may be unknown.
struct StepAttempts: Equatable {
    /// Nil when the Response does not say.
    var attempt: Int?
    var maxAttempts: Int

    /// Nil for a step that has not started.
    init?(_ step: StepExecution) {
        guard step.executionStartTime != nil || (step.stepStatus.map { $0 != .pending } ?? false) else { return nil }
        maxAttempts = step.maxAttempts ?? 1
        if maxAttempts <= 1 {
            attempt = 1
        } else {
            attempt = step.response.flatMap(Self.attempt(in:)).flatMap { $0 <= maxAttempts ? $0 : nil }
        }
    }

    /// "2/3", "1/1", or "-/3" when the attempt is unknown.
    var text: String { "\(attempt.map(String.init) ?? "-")/\(maxAttempts)" }

    /// The table's text for any step: "-" before it starts.
    static func text(_ step: StepExecution) -> String { StepAttempts(step)?.text ?? "-" }

    // The last mention wins: an action's own text comes before the engine's note of the attempt.
    private static let mention = try! NSRegularExpression(
        pattern: "[Aa]ttempt ([0-9]+) of [0-9]+|[Aa]fter ([0-9]+) of [0-9]+ attempts")

    static func attempt(in response: String) -> Int? {
        let range = NSRange(response.startIndex..., in: response)
        guard let match = mention.matches(in: response, range: range).last else { return nil }
        for group in 1...2 {
            if let found = Range(match.range(at: group), in: response) { return Int(response[found]) }
        }
        return nil
    }
}
