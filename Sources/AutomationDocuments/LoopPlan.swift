import AutomationModel

/// How an aws:loop runs, read from its interpolated inputs when it starts: the iterator values of a for-each
/// loop, or none for a do-while loop (whose LoopCondition is interpolated after each iteration), and the most
/// iterations it may run.
public struct LoopPlan: Sendable, Hashable, Codable {
    public static let maxIterationsLimit = 100

    /// The values of a for-each loop in their IteratorDataType; nil for a do-while loop.
    public var iterators: [JSONValue]?
    public var maxIterations: Int

    public enum IteratorDataType: String, CaseIterable, Sendable {
        case string = "String"
        case integer = "Integer"
        case boolean = "Boolean"
        case stringMap = "StringMap"

        static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

        var parameterType: ParameterType {
            switch self {
            case .string: return .string
            case .integer: return .integer
            case .boolean: return .boolean
            case .stringMap: return .stringMap
            }
        }
    }

    public init(iterators: [JSONValue]?, maxIterations: Int) {
        self.iterators = iterators
        self.maxIterations = maxIterations
    }

    /// - Parameter inputs: the loop's inputs, interpolated, without LoopCondition.
    public init(inputs: [String: JSONValue], hasCondition: Bool) throws(ServiceError) {
        let maximum = inputs["MaxIterations"] ?? .number(Double(Self.maxIterationsLimit))
        guard let count = maximum.intValue, (1...Self.maxIterationsLimit).contains(count) else {
            throw ServiceError(
                .validationException,
                "MaxIterations is \(maximum.jsonText); it must be a whole number from 1 to \(Self.maxIterationsLimit).")
        }
        maxIterations = count
        if hasCondition {
            iterators = nil
            return
        }
        let typeText = inputs["IteratorDataType"]?.stringValue ?? IteratorDataType.string.rawValue
        guard let type = IteratorDataType(rawValue: typeText) else {
            throw ServiceError(
                .validationException, "IteratorDataType is '\(typeText)'; use one of \(IteratorDataType.names).")
        }
        guard let items = inputs["Iterators"]?.arrayValue else {
            throw ServiceError(
                .validationException,
                "Iterators must be a list; it is \(inputs["Iterators"]?.jsonText ?? "missing"). Pass a list or a StringList parameter.")
        }
        guard items.count <= Self.maxIterationsLimit else {
            throw ServiceError(
                .validationException,
                "Iterators has \(items.count) items; a loop runs at most \(Self.maxIterationsLimit) iterations.")
        }
        var typed: [JSONValue] = []
        for (index, item) in items.enumerated() {
            // A StringMap iterator may arrive as JSON text, as StringList parameters hold maps.
            let candidate = type == .stringMap ? (item.stringValue.flatMap { try? JSONValue.parse($0) } ?? item) : item
            guard let value = type.parameterType.coerce(candidate) else {
                throw ServiceError(
                    .validationException,
                    "Iterators item \(index + 1) is \(item.jsonText), not of IteratorDataType \(type.rawValue) (\(type.parameterType.example)).")
            }
            typed.append(value)
        }
        iterators = typed
    }

    /// How many iterations the loop runs at most: every iterator value, up to MaxIterations.
    public var iterationLimit: Int {
        min(maxIterations, iterators?.count ?? maxIterations)
    }

    /// An iterator value as ParentStepDetails.IteratorValue and filters write it.
    public static func text(of value: JSONValue) -> String {
        value.objectValue != nil ? value.jsonText : value.displayText
    }
}
