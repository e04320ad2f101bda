import AutomationModel

/// The shape of an aws:branch choice, checked before the document runs and again on evaluation.
enum BranchChoiceShape {
    /// Why a condition (a choice without its NextStep, or an And/Or/Not member) is malformed, or nil.
    static func problem(in condition: JSONValue, allowing extraKeys: Set<String> = []) -> String? {
        guard let members = condition.objectValue else {
            return "must be a map with Variable and one operator (such as StringEquals); found \(condition.displayText)"
        }
        let keys = Set(members.keys).subtracting(extraKeys).subtracting(["Variable"])
        let known = keys.filter { BranchOperator.allKeys.contains($0) }
        if let unknown = keys.subtracting(known).sorted().first {
            return "has an unknown key '\(unknown)'; use Variable with one of \(BranchOperator.allKeys.joined(separator: ", "))"
        }
        guard known.count == 1, let key = known.first else {
            return known.isEmpty
                ? "has no operator; add one of \(BranchOperator.allKeys.joined(separator: ", "))"
                : "has \(known.count) operators (\(known.sorted().joined(separator: ", "))); use exactly one, or combine them with And/Or"
        }
        switch key {
        case "And", "Or":
            guard let items = members[key]?.arrayValue, !items.isEmpty else {
                return "\(key) must be a non-empty list of conditions, each with Variable and an operator"
            }
            for (index, item) in items.enumerated() {
                if let problem = problem(in: item) { return "\(key) condition \(index + 1) \(problem)" }
            }
            if members["Variable"] != nil { return "puts Variable beside \(key); put it inside each condition of \(key)" }
        case "Not":
            guard let inner = members["Not"] else { return "Not needs a condition" }
            if let problem = problem(in: inner) { return "Not's condition \(problem)" }
            if members["Variable"] != nil { return "puts Variable beside Not; put it inside Not's condition" }
        default:
            if members["Variable"] == nil { return "uses \(key) but has no Variable to compare" }
        }
        return nil
    }
}
