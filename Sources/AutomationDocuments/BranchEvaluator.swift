import AutomationModel
import Foundation

/// Picks an aws:branch step's next step from its interpolated inputs.
public enum BranchEvaluator {
    /// The NextStep of the first choice that matches, else Default, else nil (the engine then fails the step).
    public static func nextStep(inputs: JSONValue) throws(ServiceError) -> String? {
        guard let choices = inputs["Choices"]?.arrayValue else {
            throw failure("\(AutomationActionName.branch) needs inputs.Choices, a list of choices each with NextStep, Variable and an operator.")
        }
        for (index, choice) in choices.enumerated() {
            let place = "\(AutomationActionName.branch) Choices item \(index + 1)"
            guard let nextStep = choice["NextStep"]?.stringValue else {
                throw failure("\(place) has no NextStep naming the step to go to.")
            }
            if let problem = BranchChoiceShape.problem(in: choice, allowing: ["NextStep"]) {
                throw failure("\(place) \(problem).")
            }
            if try matches(choice, place: place) { return nextStep }
        }
        if let defaultStep = inputs["Default"] {
            guard let name = defaultStep.stringValue else {
                throw failure("\(AutomationActionName.branch) Default must be a step name; found \(defaultStep.jsonText).")
            }
            return name
        }
        return nil
    }

    /// Whether an interpolated condition such as an aws:loop's LoopCondition holds: a Variable and an
    /// operator, or And, Or and Not of such conditions, as in a branch choice.
    public static func holds(_ condition: JSONValue, place: String) throws(ServiceError) -> Bool {
        if let problem = BranchChoiceShape.problem(in: condition) { throw failure("\(place) \(problem).") }
        return try matches(condition, place: place)
    }

    /// Whether a condition (already shape-checked) holds.
    private static func matches(_ condition: JSONValue, place: String) throws(ServiceError) -> Bool {
        if let members = condition["And"]?.arrayValue {
            for member in members {
                if !(try matches(member, place: place)) { return false }
            }
            return true
        }
        if let members = condition["Or"]?.arrayValue {
            for member in members {
                if try matches(member, place: place) { return true }
            }
            return false
        }
        if let inner = condition["Not"] {
            return !(try matches(inner, place: place))
        }
        guard let variable = condition["Variable"],
            let (operation, operand) = BranchOperator.allCases.lazy
                .compactMap({ operation in condition[operation.rawValue].map { (operation, $0) } }).first
        else {
            throw failure("\(place) has no Variable and operator to compare.")
        }
        return try compare(variable, operation, operand, place: place)
    }

    private static func compare(
        _ variable: JSONValue, _ operation: BranchOperator, _ operand: JSONValue, place: String
    ) throws(ServiceError) -> Bool {
        switch operation {
        case .stringEquals:
            return try text(variable, operation, place) == text(operand, operation, place)
        case .equalsIgnoreCase:
            return try text(variable, operation, place).lowercased() == text(operand, operation, place).lowercased()
        case .startsWith:
            return try text(variable, operation, place).hasPrefix(text(operand, operation, place))
        case .endsWith:
            return try text(variable, operation, place).hasSuffix(text(operand, operation, place))
        case .contains:
            let wanted = try text(operand, operation, place)
            // On a list, Contains asks whether an item equals the operand.
            if let items = variable.arrayValue { return items.contains { $0.displayText == wanted } }
            return try text(variable, operation, place).contains(wanted)
        case .numericEquals:
            return try number(variable, operation, place, "Variable") == number(operand, operation, place, operation.rawValue)
        case .numericGreater:
            return try number(variable, operation, place, "Variable") > number(operand, operation, place, operation.rawValue)
        case .numericLesser:
            return try number(variable, operation, place, "Variable") < number(operand, operation, place, operation.rawValue)
        case .numericGreaterOrEquals:
            return try number(variable, operation, place, "Variable") >= number(operand, operation, place, operation.rawValue)
        case .numericLesserOrEquals:
            return try number(variable, operation, place, "Variable") <= number(operand, operation, place, operation.rawValue)
        case .booleanEquals:
            return try boolean(variable, place, "Variable") == boolean(operand, place, operation.rawValue)
        }
    }

    private static func text(_ value: JSONValue, _ operation: BranchOperator, _ place: String) throws(ServiceError) -> String {
        switch value {
        case .string, .number, .bool: return value.displayText
        default:
            throw failure(
                "\(place): \(operation.rawValue) compares text, but got \(value.jsonText). Compare a single value, or use Contains on a list.")
        }
    }

    private static func number(
        _ value: JSONValue, _ operation: BranchOperator, _ place: String, _ role: String
    ) throws(ServiceError) -> Double {
        switch value {
        case .number(let number): return number
        case .string(let text):
            if let number = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), number.isFinite { return number }
        default: break
        }
        throw failure(
            "\(place): \(operation.rawValue) compares numbers, but \(role) is \(value.jsonText). Use StringEquals for text, or make \(role) a number."
        )
    }

    private static func boolean(_ value: JSONValue, _ place: String, _ role: String) throws(ServiceError) -> Bool {
        guard case .bool(let flag) = ParameterType.boolean.coerce(value) else {
            throw failure("\(place): BooleanEquals compares true or false, but \(role) is \(value.jsonText).")
        }
        return flag
    }

    private static func failure(_ message: String) -> ServiceError {
        ServiceError(.validationException, message)
    }
}
