/// Python's `dict.update(argument)`, which `merge` applies to each argument. Only the first argument
/// of `merge` is type-checked, so the others get Python's treatment of non-dicts: a list of pairs
/// (or of two-character strings) adds those pairs, an empty string or list adds nothing, and other
/// values raise Python's TypeError or ValueError.
func pythonDictUpdate(_ members: inout OrderedMembers, with argument: Argument) throws(JMESPathError) {
    guard case .value(let value) = argument else {
        throw JMESPathError(kind: .typeError, description: "'_Expression' object is not iterable")
    }
    switch value.resolved {
    case .object(let source):
        for member in source { members.set(member.key, member.value) }
    case .null, .bool, .integer, .double:
        throw JMESPathError(kind: .typeError, description: "'\(pythonTypeName(value))' object is not iterable")
    case .deferred:
        preconditionFailure("resolved values are never deferred")
    case .string(let text):
        // Each element is a one-character string: never a pair.
        if !text.isEmpty { throw wrongLength(element: 0, length: 1) }
    case .array(let elements):
        for (position, element) in elements.enumerated() {
            let pair: [JMESValue]
            switch element.resolved {
            case .array(let items):
                pair = items
            case .string(let text):
                pair = text.unicodeScalars.map { .string(String($0)) }
            case .object(let source):
                pair = source.map { .string($0.key) }
            case .null, .bool, .integer, .double:
                throw JMESPathError(
                    kind: .typeError,
                    description: "cannot convert dictionary update sequence element #\(position) to a sequence")
            case .deferred:
                preconditionFailure("resolved values are never deferred")
            }
            guard pair.count == 2 else { throw wrongLength(element: position, length: pair.count) }
            members.set(try dictionaryKey(pair[0]), pair[1])
        }
    }
}

private func wrongLength(element: Int, length: Int) -> JMESPathError {
    JMESPathError(
        kind: .valueError,
        description: "dictionary update sequence element #\(element) has length \(length); 2 is required")
}

/// A Python dict key as text. Python would keep a number, boolean or None key as it is; the AWS CLI
/// prints such keys the way `json.dumps` writes them, which is what this returns.
private func dictionaryKey(_ key: JMESValue) throws(JMESPathError) -> String {
    switch key {
    case .string(let text): return text
    case .array, .object, .deferred:
        throw JMESPathError(kind: .typeError, description: "unhashable type: '\(pythonTypeName(key))'")
    default: return key.jsonText
    }
}
