import AutomationModel

/// Turns schema-0.3 Automation document content (JSON or YAML) into an `AutomationDocument`, then checks what any
/// document must satisfy. What its actions require is checked by whoever runs it, with the actions' specifications
/// (`DocumentValidator.checkActions`).
public enum DocumentParser {
    static let topLevelFields = ["schemaVersion", "description", "assumeRole", "parameters", "mainSteps", "outputs", "variables"]

    /// - Parameter format: nil detects JSON (content starting with `{`) or YAML.
    public static func parse(_ content: String, format: DocumentFormat?) throws(ServiceError) -> AutomationDocument {
        let root = try readTree(content, format: format)
        let fields = try DocumentFieldReader(
            root, place: "The document", expected: "schemaVersion: '0.3' and mainSteps: [...]")
        let schemaVersion = try readSchemaVersion(fields)
        try fields.rejectUnknownKeys(allowed: topLevelFields)

        let document = AutomationDocument(
            schemaVersion: schemaVersion,
            description: try fields.string("description"),
            assumeRole: try fields.string("assumeRole"),
            parameters: try ParameterDefinitionParser.parameters(fields.node("parameters")),
            mainSteps: try StepDefinitionParser.steps(fields.node("mainSteps")),
            outputs: try fields.stringList("outputs", example: "[\"StepName.OutputName\"]") ?? [],
            variables: try ParameterDefinitionParser.parameters(fields.node("variables"), section: "variables")
        )
        try DocumentValidator.validate(document)
        return document
    }

    static func readTree(_ content: String, format: DocumentFormat?) throws(ServiceError) -> DocumentNode {
        try DocumentLimits.checkSize(content)
        let looksLikeJSON = content.first { !$0.isWhitespace && $0 != "\u{FEFF}" } == "{"
        switch format {
        case .json:
            guard looksLikeJSON else {
                throw ServiceError(
                    .invalidDocumentContent,
                    "DocumentFormat is JSON but the content does not start with '{'. Send it with DocumentFormat YAML, or as a JSON object.")
            }
            return try JSONDocumentReader.read(content)
        case .text:
            throw ServiceError(
                .invalidDocumentContent, "Automation documents are JSON or YAML; DocumentFormat TEXT is not allowed for them.")
        case .yaml, nil:
            guard looksLikeJSON else { return try YAMLDocumentReader.read(content) }
            // Content starting with '{' is JSON, or YAML in flow style such as {schemaVersion: '0.3', ...}.
            // Either reader may take it; the error shown is the one for the format the content claims.
            do {
                return try JSONDocumentReader.read(content)
            } catch let jsonError {
                do {
                    return try YAMLDocumentReader.read(content)
                } catch let yamlError {
                    throw format == .yaml ? yamlError : jsonError
                }
            }
        }
    }

    private static func readSchemaVersion(_ fields: DocumentFieldReader) throws(ServiceError) -> String {
        guard let node = fields.node("schemaVersion") else {
            throw ServiceError(
                .invalidDocumentSchemaVersion,
                "The document has no schemaVersion. Automation documents need schemaVersion: '0.3'.")
        }
        guard let version = node.scalarText, version == "0.3" else {
            throw ServiceError(
                .invalidDocumentSchemaVersion,
                "schemaVersion is \(node.scalarText.map { "'\($0)'" } ?? node.kindDescription); Automation documents need schemaVersion: '0.3'."
            )
        }
        return version
    }
}
