/// Puts an answer in the order botocore parses it into: structure members in the model's order, members the
/// model does not name (and nulls) left out, map entries as the service sent them.
public enum ModelOrder {
    public static func apply(_ members: [Member], to value: WireJSON) -> WireJSON {
        apply(.structure(members), to: value)
    }

    public static func apply(_ shape: Shape, to value: WireJSON) -> WireJSON {
        switch (shape, value) {
        case (.structure(let members), .object(let fields)):
            var ordered: [(key: String, value: WireJSON)] = []
            for member in members {
                guard let field = fields.first(where: { $0.key == member.name }), field.value != .null else { continue }
                ordered.append((member.name, apply(member.shape, to: field.value)))
            }
            return .object(ordered)
        case (.map(let valueShape), .object(let fields)):
            return .object(fields.filter { $0.value != .null }.map { ($0.key, apply(valueShape, to: $0.value)) })
        case (.list(let itemShape), .array(let items)):
            return .array(items.map { apply(itemShape, to: $0) })
        default:
            return value
        }
    }
}
