import AutomationModel

/// Reads the `parameters` section: a map from parameter name to its definition, in document order.
enum ParameterDefinitionParser {
    static let fields = [
        "type", "description", "default", "allowedValues", "allowedPattern", "minItems", "maxItems", "minChars",
        "maxChars", "displayType",
    ]

    /// - Parameter section: `parameters`, or `variables`, which are declared alike.
    static func parameters(_ node: DocumentNode?, section: String = "parameters") throws(ServiceError) -> [ParameterDefinition] {
        guard let node else { return [] }
        guard case .mapping(let entries) = node else {
            throw ServiceError(
                .invalidDocumentContent,
                "\(section) must be a map from name to its definition, for example \(section): {InstanceId: {type: String}}; found \(node.kindDescription)."
            )
        }
        let kind = section == "variables" ? "variable" : "parameter"
        var definitions: [ParameterDefinition] = []
        for entry in entries {
            definitions.append(try definition(named: entry.key, entry.value, place: "\(kind) '\(entry.key)'"))
        }
        return definitions
    }

    private static func definition(
        named name: String, _ node: DocumentNode, place: String
    ) throws(ServiceError) -> ParameterDefinition {
        let fields = try DocumentFieldReader(node, place: place, expected: "type: String")
        // displayType only changes how the AWS console draws the field.
        try fields.rejectUnknownKeys(allowed: Self.fields)
        let type = try parameterType(fields.requiredString("type", example: "String"), place: place)
        return ParameterDefinition(
            name: name,
            type: type,
            description: try fields.string("description"),
            defaultValue: fields.node("default").map { defaultValue($0, type: type) },
            allowedValues: try fields.stringList("allowedValues", example: "[dev, prod]"),
            allowedPattern: try fields.string("allowedPattern"),
            minItems: try fields.integer("minItems", example: "1"),
            maxItems: try fields.integer("maxItems", example: "10"),
            minChars: try fields.integer("minChars", example: "1"),
            maxChars: try fields.integer("maxChars", example: "64")
        )
    }

    private static func parameterType(_ text: String, place: String) throws(ServiceError) -> ParameterType {
        if let type = ParameterType(rawValue: text) { return type }
        let names = ParameterType.allCases.map(\.rawValue)
        let suggestion = names.first { $0.lowercased() == text.lowercased() }.map { " Did you mean \($0)?" } ?? ""
        throw ServiceError(
            .invalidDocumentContent,
            "\(place) has type '\(text)'.\(suggestion) Use one of: \(names.joined(separator: ", ")).")
    }

    /// The default in its type's JSON form when it has one; otherwise as written, for the validator to report.
    private static func defaultValue(_ node: DocumentNode, type: ParameterType) -> JSONValue {
        // A String default keeps its text as written, so `default: 3.10` stays "3.10".
        if type == .string, let text = node.scalarText { return .string(text) }
        let value = node.jsonValue
        return type.coerce(value) ?? value
    }
}
