/// A skeleton: JSON with its keys in the model's member order (JSONValue's objects have no order).
indirect enum SkeletonValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([SkeletonValue])
    case object([(key: String, value: SkeletonValue)])

    static func == (lhs: SkeletonValue, rhs: SkeletonValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.boolean(let a), .boolean(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: false
        }
    }
}

extension SkeletonValue {
    /// The skeleton as JSON to print.
    var wireJSON: WireJSON {
        switch self {
        case .string(let text): .string(text)
        case .integer(let number): .number(String(number))
        case .boolean(let flag): .bool(flag)
        case .array(let items): .array(items.map(\.wireJSON))
        case .object(let pairs): .object(pairs.map { (key: $0.key, value: $0.value.wireJSON) })
        }
    }
}

/// botocore's ArgumentGenerator over the generated model.
struct SkeletonGenerator {
    /// The `output` skeleton names strings after their member (or a list element after its shape); the `input`
    /// skeleton leaves them empty.
    let useMemberNames: Bool

    func generate(shapeNamed name: String) -> SkeletonValue {
        var stack: [String] = []
        return generate(shapeNamed: name, stack: &stack, name: "")
    }

    private func generate(shapeNamed shapeName: String, stack: inout [String], name: String) -> SkeletonValue {
        stack.append(shapeName)
        defer { stack.removeLast() }
        let shape = ServiceModel.shape(named: shapeName)
        switch shape.type {
        case .structure:
            // A shape already being generated further up would recurse forever: botocore writes {}.
            if stack.filter({ $0 == shapeName }).count > 1 { return .object([]) }
            return .object(shape.members.map { member in
                (key: member.name, value: generate(shapeNamed: member.shape, stack: &stack, name: member.name))
            })
        case .list:
            let element = shape.member!
            return .array([generate(shapeNamed: element, stack: &stack, name: useMemberNames ? element : "")])
        case .map:
            return .object([(key: "KeyName", value: generate(shapeNamed: shape.value!, stack: &stack, name: ""))])
        case .string:
            if useMemberNames { return .string(name) }
            // botocore picks an enum value at random; the first one keeps the skeleton the same on every run.
            return .string(shape.enumValues.first ?? "")
        case .integer, .long:
            return .integer(0)
        case .boolean:
            return .boolean(true)
        case .timestamp:
            // datetime(1970, 1, 1) as awscli's json_encoder writes it.
            return .string("1970-01-01T00:00:00")
        }
    }
}
