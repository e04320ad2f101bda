/// `--output text`, laid out as the AWS CLI's text formatter lays it out: a dict's scalars on one
/// tab-separated line (sorted by key, prefixed with the parent key in capitals), then its lists and dicts.
public enum TextOutput {
    /// A list holding a dict and something else (only a --query makes one) fails in awscli's text.py, which
    /// asks every element for its items; that AttributeError is the error here too.
    public static func render(_ value: WireJSON) throws(CLIFailure) -> String {
        var output = ""
        try format(value, identifier: nil, scalarKeys: nil, to: &output)
        return output
    }

    private static func format(
        _ value: WireJSON, identifier: String?, scalarKeys: [String]?, to output: inout String
    ) throws(CLIFailure) {
        switch value {
        case .object(let members):
            try formatDict(members, identifier: identifier, scalarKeys: scalarKeys, to: &output)
        case .array(let items):
            try formatList(items, identifier: identifier, to: &output)
        default:
            output += pythonString(value) + "\n"
        }
    }

    private static func formatList(_ items: [WireJSON], identifier: String?, to output: inout String) throws(CLIFailure) {
        guard !items.isEmpty else { return }
        if items.contains(where: \.isObject) {
            if let other = items.first(where: { !$0.isObject }) {
                throw CLIFailure.other("\n'\(pythonTypeName(other))' object has no attribute 'items'")
            }
            let keys = allScalarKeys(items)
            for item in items { try format(item, identifier: identifier, scalarKeys: keys, to: &output) }
        } else if items.contains(where: \.isArray) {
            let scalars = items.filter { !$0.isArray && !$0.isObject }
            if !scalars.isEmpty { formatScalarList(scalars, identifier: identifier, to: &output) }
            for item in items where item.isArray || item.isObject {
                try format(item, identifier: identifier, scalarKeys: nil, to: &output)
            }
        } else {
            formatScalarList(items, identifier: identifier, to: &output)
        }
    }

    private static func formatScalarList(_ items: [WireJSON], identifier: String?, to output: inout String) {
        if let identifier {
            for item in items { output += "\(identifier.uppercased())\t\(pythonString(item))\n" }
        } else {
            output += items.map(pythonString).joined(separator: "\t") + "\n"
        }
    }

    private static func formatDict(
        _ members: [(key: String, value: WireJSON)], identifier: String?, scalarKeys: [String]?,
        to output: inout String
    ) throws(CLIFailure) {
        var scalars: [String] = []
        var nested: [(String, WireJSON)] = []
        if let scalarKeys {
            for key in scalarKeys {
                scalars.append(members.first { $0.key == key }.map { pythonString($0.value) } ?? "")
            }
            for member in members.sorted(by: { pythonOrder($0.key, $1.key) }) where !scalarKeys.contains(member.key) {
                nested.append((member.key, member.value))
            }
        } else {
            for member in members.sorted(by: { pythonOrder($0.key, $1.key) }) {
                if member.value.isArray || member.value.isObject {
                    nested.append((member.key, member.value))
                } else {
                    scalars.append(pythonString(member.value))
                }
            }
        }
        if !scalars.isEmpty {
            if let identifier { scalars.insert(identifier.uppercased(), at: 0) }
            output += scalars.joined(separator: "\t") + "\n"
        }
        for (key, value) in nested { try format(value, identifier: key, scalarKeys: nil, to: &output) }
    }

    private static func allScalarKeys(_ items: [WireJSON]) -> [String] {
        var keys = Set<String>()
        for case .object(let members) in items {
            for member in members where !member.value.isArray && !member.value.isObject { keys.insert(member.key) }
        }
        return keys.sorted(by: pythonOrder)
    }

    /// The Python class json.loads makes of a value.
    static func pythonTypeName(_ value: WireJSON) -> String {
        switch value {
        case .string: return "str"
        case .number(let literal): return literal.contains { $0 == "." || $0 == "e" || $0 == "E" } || Int(literal) == nil ? "float" : "int"
        case .bool: return "bool"
        case .null: return "NoneType"
        case .array: return "list"
        case .object: return "dict"
        }
    }

    /// Python sorts strings by code point.
    static func pythonOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// `str()` of the value json.loads made: True/False/None, floats as repr, a list or dict as its repr (a
    /// member that is a scalar in one list element and a list or dict in another prints that way).
    static func pythonString(_ value: WireJSON) -> String {
        switch value {
        case .string(let text): return text
        case .number(let text): return PythonNumber.repr(text)
        case .bool(let flag): return flag ? "True" : "False"
        case .null: return "None"
        case .array, .object: return PythonRepr.repr(value)
        }
    }
}

extension WireJSON {
    var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    var isArray: Bool {
        if case .array = self { return true }
        return false
    }
}
