/// The comparisons an aws:branch choice can make on its `Variable`.
enum BranchOperator: String, CaseIterable, Sendable {
    case stringEquals = "StringEquals"
    case equalsIgnoreCase = "EqualsIgnoreCase"
    case startsWith = "StartsWith"
    case endsWith = "EndsWith"
    case contains = "Contains"
    case numericEquals = "NumericEquals"
    case numericGreater = "NumericGreater"
    case numericLesser = "NumericLesser"
    case numericGreaterOrEquals = "NumericGreaterOrEquals"
    case numericLesserOrEquals = "NumericLesserOrEquals"
    case booleanEquals = "BooleanEquals"

    /// The keys that combine conditions instead of comparing.
    static let combinators = ["And", "Or", "Not"]

    static var allKeys: [String] { allCases.map(\.rawValue) + combinators }
}
