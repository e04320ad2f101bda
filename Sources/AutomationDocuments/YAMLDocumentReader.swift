import AutomationModel
import Yams

/// Reads YAML into a `DocumentNode`, walking Yams' node tree so mapping order survives.
///
/// Plain scalars are typed the YAML 1.2 way (true/false, null, numbers); `yes`, `on` and dates stay text,
/// because SSM reads `Value: on` in an input as the text "on".
enum YAMLDocumentReader {
    static func read(_ content: String) throws(ServiceError) -> DocumentNode {
        let root: Node?
        do {
            root = try Parser(yaml: content, resolver: .basic).singleRoot()
        } catch let error as YamlError {
            throw ServiceError(.invalidDocumentContent, "The document is not valid YAML: \(describe(error))")
        } catch {
            throw ServiceError(.invalidDocumentContent, "The document is not valid YAML: \(error)")
        }
        guard let root else {
            throw ServiceError(
                .invalidDocumentContent,
                "The document is empty. Write a schema 0.3 document starting with schemaVersion: '0.3' and mainSteps.")
        }
        var budget = DocumentLimits.Budget()
        return try convert(root, depth: 0, budget: &budget)
    }

    /// Aliases reach here already resolved, as shared nodes: the walk counts every node it expands, so an alias
    /// bomb is refused after a bounded amount of work.
    private static func convert(_ node: Node, depth: Int, budget: inout DocumentLimits.Budget) throws(ServiceError)
        -> DocumentNode
    {
        try budget.enter(depth: depth, line: node.mark?.line)
        switch node {
        case .scalar(let scalar):
            return try convert(scalar)
        case .sequence(let sequence):
            var items: [DocumentNode] = []
            for item in sequence { items.append(try convert(item, depth: depth + 1, budget: &budget)) }
            return .sequence(items)
        case .mapping(let mapping):
            var entries: [DocumentNode.Entry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ServiceError(
                        .invalidDocumentContent,
                        "A map key at line \(key.mark?.line ?? 0) is itself a list or map; keys must be plain names. An unquoted {{ reference }} reads as one in YAML: quote it, as in InstanceIds: '{{ InstanceIds }}'.")
                }
                entries.append(.init(key: keyScalar.string, value: try convert(value, depth: depth + 1, budget: &budget)))
            }
            return .mapping(entries)
        case .alias(let alias):
            throw ServiceError(
                .invalidDocumentContent,
                "The alias *\(alias.anchor.rawValue) could not be resolved; define the anchor before using it.")
        }
    }

    private static func convert(_ scalar: Node.Scalar) throws(ServiceError) -> DocumentNode {
        let text = scalar.string
        switch Tag.Name(rawValue: scalar.tag.rawValue) {
        case .implicit:
            return .scalar(scalar.style == .plain ? PlainScalar.value(of: text) : .string(text), text: text)
        case .str:
            return .scalar(.string(text), text: text)
        case .int, .float:
            guard let number = PlainScalar.number(text) else {
                throw ServiceError(
                    .invalidDocumentContent, "'\(text)' at line \(scalar.mark?.line ?? 0) is tagged as a number but is not one.")
            }
            return .scalar(.number(number), text: text)
        case .bool:
            guard let flag = PlainScalar.boolean(text) else {
                throw ServiceError(
                    .invalidDocumentContent,
                    "'\(text)' at line \(scalar.mark?.line ?? 0) is tagged as a boolean; write true or false.")
            }
            return .scalar(.bool(flag), text: text)
        case .null:
            return .scalar(.null, text: text)
        default:
            // Other tags (timestamps, custom tags) carry text the document means literally.
            return .scalar(.string(text), text: text)
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let place = "line \(mark.line), column \(mark.column)"
            if let context { return "\(problem) at \(place) (\(context.text)). Check the indentation and quoting there." }
            return "\(problem) at \(place). Check the indentation and quoting there."
        case .duplicatedKeysInMapping(let duplicates, _):
            return "the key\(duplicates.count == 1 ? "" : "s") \(duplicates.joined(separator: ", ")) appear more than once in one map; keep one of each."
        default:
            return "\(error)"
        }
    }
}

/// The YAML 1.2 core-schema typing of an untagged plain scalar.
enum PlainScalar {
    static func value(of text: String) -> JSONValue {
        if ["", "~", "null", "Null", "NULL"].contains(text) { return .null }
        if let flag = boolean(text) { return .bool(flag) }
        if let number = number(text) { return .number(number) }
        return .string(text)
    }

    static func boolean(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// Decimal integers and floats only: Swift's Double also reads "inf", "nan" and hex, which YAML means as text.
    static func number(_ text: String) -> Double? {
        let allowed = Set("0123456789+-.eE")
        guard !text.isEmpty, text.allSatisfy(allowed.contains), text.contains(where: \.isNumber) else { return nil }
        guard let first = text.first, first.isNumber || ["+", "-", "."].contains(first) else { return nil }
        return Double(text)
    }
}
