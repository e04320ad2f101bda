import AutomationModel

/// Reads the fields of one map in a document, with errors that say where the field is (`place`)
/// and what to write instead. Numbers and booleans written as text are accepted where SSM accepts them.
struct DocumentFieldReader {
    let entries: [DocumentNode.Entry]
    /// Such as "step 'restart'" or "parameter 'Commands'".
    let place: String

    init(entries: [DocumentNode.Entry], place: String) {
        self.entries = entries
        self.place = place
    }

    init(_ node: DocumentNode, place: String, expected example: String) throws(ServiceError) {
        guard case .mapping(let entries) = node else {
            throw ServiceError(
                .invalidDocumentContent, "\(place) must be a map of fields such as \(example); found \(node.kindDescription).")
        }
        self.entries = entries
        self.place = place
    }

    func node(_ key: String) -> DocumentNode? {
        guard let node = entries.first(where: { $0.key == key })?.value, !node.isNull else { return nil }
        return node
    }

    /// Rejects fields the schema does not have, which are usually misspellings of ones it does.
    func rejectUnknownKeys(allowed: [String]) throws(ServiceError) {
        for entry in entries where !allowed.contains(entry.key) {
            let suggestion = allowed.first { $0.lowercased() == entry.key.lowercased() }
                .map { " Did you mean '\($0)'?" } ?? ""
            throw ServiceError(
                .invalidDocumentContent,
                "\(place) has an unknown field '\(entry.key)'.\(suggestion) Allowed fields: \(allowed.joined(separator: ", "))."
            )
        }
    }

    func string(_ key: String) throws(ServiceError) -> String? {
        guard let node = node(key) else { return nil }
        guard let text = node.scalarText else {
            throw ServiceError(
                .invalidDocumentContent, "\(place): \(key) must be text; found \(node.kindDescription).")
        }
        return text
    }

    func requiredString(_ key: String, example: String) throws(ServiceError) -> String {
        guard let text = try string(key), !text.isEmpty else {
            throw ServiceError(.invalidDocumentContent, "\(place) needs \(key), for example \(key): \(example).")
        }
        return text
    }

    func integer(_ key: String, example: String) throws(ServiceError) -> Int? {
        guard let node = node(key) else { return nil }
        guard let value = node.jsonValue.intValue else {
            throw ServiceError(
                .invalidDocumentContent,
                "\(place): \(key) must be a whole number, for example \(key): \(example); found \(node.kindDescription).")
        }
        return value
    }

    func boolean(_ key: String) throws(ServiceError) -> Bool? {
        guard let node = node(key) else { return nil }
        switch node.jsonValue {
        case .bool(let flag): return flag
        case .string(let text) where text.lowercased() == "true": return true
        case .string(let text) where text.lowercased() == "false": return false
        default:
            throw ServiceError(
                .invalidDocumentContent, "\(place): \(key) must be true or false; found \(node.kindDescription).")
        }
    }

    func list(_ key: String, example: String) throws(ServiceError) -> [DocumentNode]? {
        guard let node = node(key) else { return nil }
        guard case .sequence(let items) = node else {
            throw ServiceError(
                .invalidDocumentContent, "\(place): \(key) must be a list, for example \(example); found \(node.kindDescription).")
        }
        return items
    }

    func stringList(_ key: String, example: String) throws(ServiceError) -> [String]? {
        guard let items = try list(key, example: example) else { return nil }
        var texts: [String] = []
        for item in items {
            guard let text = item.scalarText else {
                throw ServiceError(
                    .invalidDocumentContent,
                    "\(place): every item of \(key) must be text, for example \(example); found \(item.kindDescription).")
            }
            texts.append(text)
        }
        return texts
    }
}
