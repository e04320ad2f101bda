/// `--output yaml` and `--output yaml-stream`, as AWS CLI v2 prints them: ruamel.yaml's safe dumper with block
/// style (`YAML(typ='safe')`, `default_flow_style = False`). Mapping keys are sorted, as ruamel's safe
/// representer sorts a dict; strings are quoted only where YAML 1.2 would read them as something else; lines
/// fold at spaces past 80 columns; a plain scalar at the root is followed by the `...` document end.
/// `yaml` prints the answer (nothing for an empty one); `yaml-stream` prints each page as an item of one list,
/// so the pages of a long listing appear as they arrive and the whole still reads as one YAML document.
public enum YAMLOutput {
    public static func document(_ value: WireJSON) -> String {
        var writer = YAMLNodeWriter()
        writer.node(value, context: .root)
        return writer.finish()
    }
}

/// The structural half of the emitter (expect_node and the block collection states), driving YAMLEmitter.
struct YAMLNodeWriter {
    private var emitter = YAMLEmitter()
    private var indents: [Int?] = []

    enum Context {
        case root, sequenceItem, mappingValue, simpleKey, complexKey
    }

    mutating func finish() -> String {
        // The document end, then the stream end, which closes an open-ended document with "...".
        emitter.writeIndent()
        if emitter.openEnded {
            emitter.writeIndicator("...", needWhitespace: true)
            emitter.writeIndent()
        }
        return emitter.output
    }

    mutating func node(_ value: WireJSON, context: Context) {
        switch value {
        case .array(let items) where !items.isEmpty:
            blockSequence(items, context: context)
        case .object(let members) where !members.isEmpty:
            blockMapping(Self.sortedDictionary(members))
        case .array:
            emptyCollection("[", "]")
        case .object:
            emptyCollection("{", "}")
        default:
            scalar(value, context: context)
        }
    }

    private mutating func increaseIndent(flow: Bool, indentless: Bool = false) {
        indents.append(emitter.indent)
        if let indent = emitter.indent {
            if !indentless { emitter.indent = indent + YAMLEmitter.bestIndent }
        } else {
            emitter.indent = flow ? YAMLEmitter.bestIndent : 0
        }
    }

    private mutating func popIndent() {
        emitter.indent = indents.removeLast()
    }

    private mutating func emptyCollection(_ open: String, _ close: String) {
        emitter.writeIndicator(open, needWhitespace: true, whitespace: true)
        increaseIndent(flow: true)
        popIndent()
        emitter.writeIndicator(close, needWhitespace: false)
    }

    private mutating func blockSequence(_ items: [WireJSON], context: Context) {
        // A sequence that is a mapping's value starts at the mapping's own indentation ("key:\n- item").
        let mappingContext = context == .mappingValue || context == .simpleKey || context == .complexKey
        increaseIndent(flow: false, indentless: mappingContext && !emitter.indention)
        for item in items {
            emitter.writeIndent()
            emitter.writeIndicator("-", needWhitespace: true, indention: true)
            node(item, context: .sequenceItem)
        }
        popIndent()
    }

    private mutating func blockMapping(_ members: [(key: String, value: WireJSON)]) {
        increaseIndent(flow: false)
        for member in members {
            emitter.writeIndent()
            // check_simple_key: a one-line key is written `key: value` while it and its tag ("!!str", which
            // ruamel counts though it is not written) stay under 128 characters.
            if member.key.unicodeScalars.count + 5 < 128 && !YAMLScalarAnalysis(member.key).multiline {
                scalar(.string(member.key), context: .simpleKey)
                emitter.writeIndicator(":", needWhitespace: false)
            } else {
                emitter.writeIndicator("?", needWhitespace: true, indention: true)
                scalar(.string(member.key), context: .complexKey)
                emitter.writeIndent()
                emitter.writeIndicator(":", needWhitespace: true, indention: true)
            }
            node(member.value, context: .mappingValue)
        }
        popIndent()
    }

    private mutating func scalar(_ value: WireJSON, context: Context) {
        increaseIndent(flow: true)
        let (text, isString) = Self.representation(value)
        let simpleKey = context == .simpleKey
        switch YAMLScalarStyle.choose(for: text, isString: isString, simpleKey: simpleKey) {
        case .plain: emitter.writePlain(text, split: !simpleKey, root: context == .root)
        case .singleQuoted: emitter.writeSingleQuoted(text, split: !simpleKey)
        case .doubleQuoted: emitter.writeDoubleQuoted(text, split: !simpleKey)
        }
        popIndent()
    }

    /// The safe representer's text for a scalar: Python's int and float (repr, lower-cased; `.nan`, `.inf`),
    /// `true`/`false`, `null`; and whether it is a string (which may need quoting).
    private static func representation(_ value: WireJSON) -> (String, Bool) {
        switch value {
        case .string(let text): return (text, true)
        case .bool(let flag): return (flag ? "true" : "false", false)
        case .null: return ("null", false)
        case .number(let literal):
            let text = PythonNumber.repr(literal)
            switch text {
            case "NaN": return (".nan", false)
            case "Infinity": return (".inf", false)
            case "-Infinity": return ("-.inf", false)
            default: return (text.lowercased(), false)
            }
        case .array, .object: return ("", true)
        }
    }

    /// A dict as Python holds one (a repeated key keeps its first place and last value), sorted by key as
    /// ruamel's safe representer sorts it (by code point).
    private static func sortedDictionary(_ members: [(key: String, value: WireJSON)]) -> [(key: String, value: WireJSON)] {
        var positions: [String: Int] = [:]
        var unique: [(key: String, value: WireJSON)] = []
        for member in members {
            if let position = positions[member.key] {
                unique[position].value = member.value
            } else {
                positions[member.key] = unique.count
                unique.append(member)
            }
        }
        return unique.sorted { TextOutput.pythonOrder($0.key, $1.key) }
    }
}
