import JMESPath

/// The bridge between the CLI's answers and JMESPath values, with the numbers Python would hold: botocore's
/// json.loads makes a number written without a fraction or exponent an int and any other a float, and the
/// query's results print as Python prints those. Going back, an int is written as its digits and a float as
/// its shortest repr, which PythonJSONWriter and the text and table formatters print unchanged.
///
/// Arrays and objects are deferred: converted one level at a time as the expression reaches into them, so
/// `length(AutomationExecutionMetadataList)` over 1,000 executions converts the list but none of its rows.
/// A part of the answer the query returns untouched goes back as the wire value it was, which the
/// formatters print exactly as they print it without --query.
extension JMESValue {
    init(_ value: WireJSON) {
        switch value {
        case .string(let text): self = .string(text)
        case .number(let text): self = JMESValue.number(text)
        case .bool(let flag): self = .bool(flag)
        case .null: self = .null
        case .array, .object: self = .deferred(DeferredWireJSON(value: value))
        }
    }

    private static func number(_ text: String) -> JMESValue {
        // Bytes rather than Characters: this runs for every number of a listing.
        let isFloat = text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        if !isFloat, let integer = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .integer(integer) }
        // An integer beyond Int: Python keeps it exact, JMESValue keeps it as a double (its documented limit).
        return .double(Double(text) ?? .nan)
    }
}

extension WireJSON {
    init(_ value: JMESValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let integer): self = .number(String(integer))
        case .double(let double): self = .number(PythonNumber.floatRepr(double))
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(WireJSON.init))
        case .object(let members): self = .object(members.map { ($0.key, WireJSON($0.value)) })
        case .deferred(let deferred):
            if let wire = deferred as? DeferredWireJSON {
                self = wire.value
            } else {
                self.init(deferred.expanded())
            }
        }
    }
}

/// An array or object of the answer that the query has not looked inside yet.
struct DeferredWireJSON: DeferredJMESValue {
    let value: WireJSON

    var isArray: Bool { value.arrayValue != nil }

    func expanded() -> JMESValue {
        switch value {
        case .array(let items): .array(items.map(JMESValue.init))
        case .object(let members): .object(members.map { ($0.key, JMESValue($0.value)) })
        // Only arrays and objects are deferred.
        case .string, .number, .bool, .null: JMESValue(value)
        }
    }
}
