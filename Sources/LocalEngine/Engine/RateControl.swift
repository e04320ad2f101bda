import AutomationModel
import Foundation

/// MaxConcurrency and MaxErrors of a rate-controlled execution: a number or a percentage of the targets,
/// with AWS's patterns and defaults.
struct RateControl: Sendable, Hashable {
    /// As the caller gave them (or AWS's defaults), for the parent's MaxConcurrency and MaxErrors.
    var maxConcurrencyText: String
    var maxErrorsText: String
    /// Children that may run at once, at least 1.
    var maxConcurrency: Int
    /// Errors tolerated: the next one stops new children from starting.
    var maxErrors: Int

    static let defaultMaxConcurrency = "10"
    /// StartAutomationExecution's reference gives no default for MaxErrors; with none given, the first
    /// error stops new children (as MaxErrors 0 does), which never runs more targets than the caller chose.
    static let defaultMaxErrors = "0"

    init(maxConcurrency: String?, maxErrors: String?, targetCount: Int) throws(ServiceError) {
        maxConcurrencyText = maxConcurrency ?? Self.defaultMaxConcurrency
        maxErrorsText = maxErrors ?? Self.defaultMaxErrors
        guard let concurrency = Self.parse(maxConcurrencyText, allowZero: false) else {
            throw ServiceError(
                .validationException,
                "MaxConcurrency must be a number from 1 or a percentage from 1% to 100% (such as 10 or 25%); got '\(maxConcurrencyText)'.")
        }
        guard let errors = Self.parse(maxErrorsText, allowZero: true) else {
            throw ServiceError(
                .validationException,
                "MaxErrors must be a number from 0 or a percentage from 0% to 100% (such as 3 or 10%); got '\(maxErrorsText)'.")
        }
        switch concurrency {
        case .count(let count): self.maxConcurrency = count
        // A percentage rounds up, so 10% of 5 targets still runs one at a time.
        case .percent(let percent): self.maxConcurrency = max(1, (targetCount * percent + 99) / 100)
        }
        switch errors {
        case .count(let count): self.maxErrors = count
        // 10% of 50 targets tolerates 5 errors: the sixth stops new children (AWS's example).
        case .percent(let percent): self.maxErrors = targetCount * percent / 100
        }
    }

    enum Amount: Hashable {
        case count(Int)
        case percent(Int)
    }

    /// The API's patterns: MaxConcurrency `^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$`, MaxErrors
    /// `^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$`, at most 7 characters.
    static func parse(_ text: String, allowZero: Bool) -> Amount? {
        guard (1...7).contains(text.count), text.first != "+" else { return nil }
        if text.hasSuffix("%") {
            let digits = text.dropLast()
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), digits == "0" || digits.first != "0",
                let percent = Int(digits), percent <= 100, allowZero || percent >= 1
            else { return nil }
            return .percent(percent)
        }
        guard text.allSatisfy(\.isASCIIDigit), text == "0" || text.first != "0", let count = Int(text),
            allowZero || count >= 1
        else { return nil }
        return .count(count)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
