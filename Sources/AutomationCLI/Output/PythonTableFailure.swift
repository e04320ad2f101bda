/// The Python errors the AWS CLI's table formatter meets when a list that starts with a dict holds other
/// values (only a --query can make one): it iterates each element and indexes it with what it got, then calls
/// `.get` on it. The CLI prints the error after a blank line and exits 255; so does ssm-console.
enum PythonTableFailure {
    /// `_group_scalar_keys(element)` on a value that is not a dict.
    static func checkGrouping(_ element: WireJSON) throws(CLIFailure) {
        switch element {
        case .string(let text):
            if !text.isEmpty { throw failure("string indices must be integers, not 'str'") }
        case .number, .bool, .null:
            throw failure("'\(TextOutput.pythonTypeName(element))' object is not iterable")
        case .array(let items):
            // Indexing a list with its own first element: only an int would do, and none of these is one.
            guard let first = items.first else { return }
            let type: String
            switch first {
            case .string: type = "str"
            case .object: type = "dict"
            case .array: type = "list"
            case .null: type = "NoneType"
            case .number(let literal) where Int(literal) == nil: type = "float"
            case .number, .bool:
                // An int indexes the list itself; the row's `.get` fails next.
                throw noGet(element)
            }
            throw failure("list indices must be integers or slices, not \(type)")
        case .object:
            return
        }
    }

    /// `element.get(header, '')` on a value that is not a dict.
    static func noGet(_ element: WireJSON) -> CLIFailure {
        let type = element.isArray ? "list" : "str"
        return failure("'\(type)' object has no attribute 'get'")
    }

    private static func failure(_ message: String) -> CLIFailure {
        .other("\n\(message)")
    }
}
