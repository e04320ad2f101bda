/// Puts an answer in the order botocore parses it into: structure members in the model's order, members the
/// model does not name (and nulls) left out, map entries as the service sent them, and timestamps in the
/// profile's `cli_timestamp_format`.
public enum ModelOrder {
    public static func apply(_ members: [Member], to value: WireJSON, timestamps: TimestampFormat = .wire) -> WireJSON {
        apply(.structure(members), to: value, timestamps: timestamps)
    }

    public static func apply(_ shape: Shape, to value: WireJSON, timestamps: TimestampFormat = .wire) -> WireJSON {
        switch (shape, value) {
        case (.structure(let members), .object(let fields)):
            var ordered: [(key: String, value: WireJSON)] = []
            for member in members {
                guard let field = fields.first(where: { $0.key == member.name }), field.value != .null else { continue }
                ordered.append((member.name, apply(member.shape, to: field.value, timestamps: timestamps)))
            }
            return .object(ordered)
        case (.map(let valueShape), .object(let fields)):
            return .object(
                fields.filter { $0.value != .null }.map { ($0.key, apply(valueShape, to: $0.value, timestamps: timestamps)) })
        case (.list(let itemShape), .array(let items)):
            return .array(items.map { apply(itemShape, to: $0, timestamps: timestamps) })
        case (.timestamp, _):
            return timestamps.apply(to: value)
        default:
            return value
        }
    }
}
