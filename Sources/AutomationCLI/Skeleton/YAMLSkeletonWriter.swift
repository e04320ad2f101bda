/// The AWS CLI v2's `yaml-input` skeleton: botocore's ArgumentGenerator written by ruamel.yaml in block style (two
/// spaces a level, list items at their key's indent), each structure member followed by a comment with
/// [REQUIRED] and its valid values. v2's comments also carry the member's documentation, which ssm-console does
/// not have, so they are left out.
enum YAMLSkeletonWriter {
    indirect enum Node {
        case scalar(String)
        case sequence([Node])
        case mapping([(key: String, value: Node, comment: String?)])
    }

    static func write(structureNamed name: String) -> String {
        var stack: [String] = []
        var lines: [String] = []
        switch node(shapeNamed: name, stack: &stack) {
        case .mapping(let pairs) where !pairs.isEmpty: appendMapping(pairs, indent: "", into: &lines)
        default: lines = ["{}"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func node(shapeNamed name: String, stack: inout [String]) -> Node {
        stack.append(name)
        defer { stack.removeLast() }
        let shape = ServiceModel.shape(named: name)
        switch shape.type {
        case .structure:
            if stack.filter({ $0 == name }).count > 1 { return .mapping([]) }
            var pairs: [(key: String, value: Node, comment: String?)] = []
            for member in shape.members {
                let value = node(shapeNamed: member.shape, stack: &stack)
                pairs.append((member.name, value, comment(for: member, in: shape, after: pairs)))
            }
            return .mapping(pairs)
        case .list: return .sequence([node(shapeNamed: shape.member!, stack: &stack)])
        case .map: return .mapping([(key: "KeyName", value: node(shapeNamed: shape.value!, stack: &stack), comment: nil)])
        case .string: return .scalar(shape.enumValues.first ?? "''")
        case .integer, .long: return .scalar("0")
        case .boolean: return .scalar("true")
        case .timestamp: return .scalar("1970-01-01 00:00:00")
        }
    }

    /// The comment and the space before it. ruamel.yaml puts a comment two spaces after the value unless it finds
    /// an earlier comment in the mapping to align with: the previous member's, or failing that the last commented
    /// member before the first one whose name sorts at or after this one (its column lookup compares key strings).
    /// Having one, it writes a single space.
    private static func comment(
        for member: (name: String, shape: String), in structure: ModelShape, after previous: [(key: String, value: Node, comment: String?)]
    ) -> String? {
        var parts: [String] = []
        if structure.required.contains(member.name) { parts.append("[REQUIRED]") }
        let enumValues = ServiceModel.shape(named: member.shape).enumValues
        if !enumValues.isEmpty { parts.append("Valid values are: \(enumValues.joined(separator: ", ")).") }
        guard !parts.isEmpty else { return nil }
        var aligned = previous.last?.comment != nil
        if !aligned {
            for earlier in previous {
                if !earlier.key.unicodeScalars.lexicographicallyPrecedes(member.name.unicodeScalars) { break }
                if earlier.comment != nil { aligned = true }
            }
        }
        return (aligned ? " # " : "  # ") + parts.joined(separator: " ")
    }

    private static func appendMapping(_ pairs: [(key: String, value: Node, comment: String?)], indent: String, into lines: inout [String]) {
        for pair in pairs {
            let comment = pair.comment ?? ""
            switch pair.value {
            case .mapping(let nested) where !nested.isEmpty:
                lines.append("\(indent)\(pair.key):\(comment)")
                appendMapping(nested, indent: indent + "  ", into: &lines)
            case .sequence(let items) where !items.isEmpty:
                lines.append("\(indent)\(pair.key):\(comment)")
                for item in items { appendItem(item, indent: indent, into: &lines) }
            default:
                lines.append("\(indent)\(pair.key): \(inline(pair.value))\(comment)")
            }
        }
    }

    private static func appendItem(_ item: Node, indent: String, into lines: inout [String]) {
        var nested: [String] = []
        switch item {
        case .mapping(let pairs) where !pairs.isEmpty:
            appendMapping(pairs, indent: indent + "  ", into: &nested)
        case .sequence(let items) where !items.isEmpty:
            for inner in items { appendItem(inner, indent: indent + "  ", into: &nested) }
        default:
            lines.append("\(indent)- \(inline(item))")
            return
        }
        // The item's first line shares its line with the dash.
        nested[0] = indent + "- " + nested[0].dropFirst(indent.count + 2)
        lines += nested
    }

    private static func inline(_ node: Node) -> String {
        switch node {
        case .scalar(let text): return text
        case .sequence: return "[]"
        case .mapping: return "{}"
        }
    }
}
