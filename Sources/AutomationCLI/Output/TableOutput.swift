/// `--output table`, built as the AWS CLI's `TableFormatter` builds it (awscli/formatter.py): a section titled
/// with the operation's name; in each dict the scalar members, sorted, as one row under their names (a single
/// scalar as a name/value row); each list or dict member a nested section below, one level deeper; a list of
/// dicts as rows under the union of their scalar names.
public enum TableOutput {
    /// A query can make a list whose first element is a dict and whose others are not; the AWS CLI's table
    /// code then fails in Python (it iterates and indexes each element as a dict), and that error is given.
    public static func render(_ value: WireJSON, title: String, terminal: TableTerminal) throws(CLIFailure) -> String {
        let exitReset = terminal.resetsAtExit ? TableStyle.reset : ""
        var builder = TableBuilder()
        guard try builder.build(title: title, value, indentLevel: 0) else { return exitReset }
        return TableRenderer(
            sections: builder.sections, terminalWidth: terminal.width, style: terminal.colorized ? .colored : .plain
        ).render() + exitReset
    }
}

struct TableBuilder {
    private(set) var sections: [TableSection] = []

    /// `_build_table`: false (and nothing added) for a value Python counts as false, such as an empty list.
    @discardableResult
    mutating func build(title: String?, _ value: WireJSON, indentLevel: Int) throws(CLIFailure) -> Bool {
        guard value.isTruthy else { return false }
        if let title { newSection(title, indentLevel: indentLevel) }
        switch value {
        case .array(let items):
            if case .object = items[0] {
                try buildFromList(items, indentLevel: indentLevel, title: title)
            } else {
                for item in items {
                    if let cells = Self.scalarCells(item) {
                        try addRow(cells)
                    } else {
                        try build(title: nil, item, indentLevel: 0)
                    }
                }
            }
        case .object(let members):
            try buildFromDict(Self.dictionary(members), indentLevel: indentLevel)
        default:
            break
        }
        return true
    }

    /// A list item printed as one row: a scalar as itself, a list of scalars as its cells, a dict as its keys
    /// (what iterating a dict gives Python). nil for a list holding lists or dicts.
    private static func scalarCells(_ item: WireJSON) -> [String]? {
        switch item {
        case .array(let elements):
            guard elements.allSatisfy(\.isScalar) else { return nil }
            return elements.map(cell)
        case .object(let members):
            var seen = Set<String>()
            return members.map(\.key).filter { seen.insert($0).inserted }
        default:
            return [cell(item)]
        }
    }

    /// `_build_sub_table_from_dict`.
    private mutating func buildFromDict(_ members: [String: WireJSON], indentLevel: Int) throws(CLIFailure) {
        let (headers, more) = Self.groupScalarKeys(members)
        if headers.count == 1 {
            try addRow([headers[0], Self.cell(members[headers[0]]!)])
        } else if !headers.isEmpty {
            addRowHeader(headers)
            try addRow(headers.map { Self.cell(members[$0]!) })
        }
        for key in more {
            try build(title: key, members[key]!, indentLevel: indentLevel + 1)
        }
    }

    /// `_build_sub_table_from_list`: one header row over every element's scalars; when the elements have lists
    /// or dicts of their own, each element gets its own section so its nested sections follow it.
    private mutating func buildFromList(_ items: [WireJSON], indentLevel: Int, title: String?) throws(CLIFailure) {
        var elements: [[String: WireJSON]] = []
        for item in items {
            guard case .object(let members) = item else {
                try PythonTableFailure.checkGrouping(item)
                elements.append([:])
                continue
            }
            elements.append(Self.dictionary(members))
        }
        var headerSet = Set<String>()
        var moreSet = Set<String>()
        for element in elements {
            let (headers, more) = Self.groupScalarKeys(element)
            headerSet.formUnion(headers)
            moreSet.formUnion(more)
        }
        let headers = headerSet.sorted(by: TextOutput.pythonOrder)
        let more = moreSet.sorted(by: TextOutput.pythonOrder)
        addRowHeader(headers)
        for (position, element) in elements.enumerated() {
            if position > 0 && !more.isEmpty {
                newSection(title, indentLevel: indentLevel)
                addRowHeader(headers)
            }
            if !headers.isEmpty, !items[position].isObject { throw PythonTableFailure.noGet(items[position]) }
            try addRow(headers.map { element[$0].map(Self.cell) ?? "" })
            for key in more {
                if let value = element[key] { try build(title: key, value, indentLevel: indentLevel + 1) }
            }
        }
    }

    /// Scalar member names and list/dict member names, each sorted by code point.
    private static func groupScalarKeys(_ members: [String: WireJSON]) -> (headers: [String], more: [String]) {
        var headers: [String] = []
        var more: [String] = []
        for (key, value) in members {
            if value.isScalar { headers.append(key) } else { more.append(key) }
        }
        return (headers.sorted(by: TextOutput.pythonOrder), more.sorted(by: TextOutput.pythonOrder))
    }

    /// A dict as Python holds what json.loads made: a repeated key keeps its last value.
    private static func dictionary(_ members: [(key: String, value: WireJSON)]) -> [String: WireJSON] {
        Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// `str()` of a cell's value.
    static func cell(_ value: WireJSON) -> String {
        value.isScalar ? TextOutput.pythonString(value) : PythonRepr.repr(value)
    }

    private mutating func newSection(_ title: String?, indentLevel: Int) {
        sections.append(TableSection(title: title, indentLevel: indentLevel))
    }

    private mutating func addRowHeader(_ headers: [String]) {
        guard !sections.isEmpty else { return }
        sections[sections.count - 1].addHeader(headers)
    }

    private mutating func addRow(_ cells: [String]) throws(CLIFailure) {
        guard !sections.isEmpty else { return }
        try sections[sections.count - 1].addRow(cells)
    }
}

extension WireJSON {
    var isScalar: Bool { !isArray && !isObject }

    /// Python's truth value of what json.loads made of this.
    var isTruthy: Bool {
        switch self {
        case .string(let text): return !text.isEmpty
        case .number(let text): return (Double(text) ?? 1) != 0
        case .bool(let flag): return flag
        case .null: return false
        case .array(let items): return !items.isEmpty
        case .object(let members): return !members.isEmpty
        }
    }
}

/// Python's `repr` of a list or dict, which `str()` prints for one in a table cell (only when one member is a
/// scalar in some list elements and a list or dict in others).
enum PythonRepr {
    static func repr(_ value: WireJSON) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .array(let items): return "[" + items.map(repr).joined(separator: ", ") + "]"
        case .object(let members):
            var seen: [String: Int] = [:]
            var pairs: [(String, WireJSON)] = []
            for member in members {
                if let index = seen[member.key] {
                    pairs[index].1 = member.value
                } else {
                    seen[member.key] = pairs.count
                    pairs.append((member.key, member.value))
                }
            }
            return "{" + pairs.map { quoted($0.0) + ": " + repr($0.1) }.joined(separator: ", ") + "}"
        default: return TextOutput.pythonString(value)
        }
    }

    /// Single quotes unless the text has a single quote and no double quote; control characters escaped.
    static func quoted(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var result = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where Character(scalar) == quote: result += "\\" + String(quote)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                result += "\\x" + (hex.count < 2 ? "0" : "") + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        result.append(quote)
        return result
    }
}
