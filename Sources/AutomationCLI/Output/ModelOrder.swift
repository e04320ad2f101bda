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
            return ordered(fields, Positions(members), timestamps: timestamps)
        case (.map(let valueShape), .object(let fields)):
            return .object(
                fields.filter { $0.value != .null }.map { ($0.key, apply(valueShape, to: $0.value, timestamps: timestamps)) })
        case (.list(.structure(let members)), .array(let items)):
            // A listing's rows share their members' positions: worked out once, not once per row.
            let positions = Positions(members)
            return .array(
                items.map { item in
                    guard case .object(let fields) = item else { return item }
                    return ordered(fields, positions, timestamps: timestamps)
                })
        case (.list(let itemShape), .array(let items)):
            return .array(items.map { apply(itemShape, to: $0, timestamps: timestamps) })
        case (.timestamp, _):
            return timestamps.apply(to: value)
        default:
            return value
        }
    }

    /// Where each member of a structure is in the model's order.
    private struct Positions {
        let members: [Member]
        let byName: [String: Int]

        init(_ members: [Member]) {
            self.members = members
            byName = Dictionary(members.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The fields the model names, not null, in its order; of a name sent twice, the first.
    private static func ordered(
        _ fields: [(key: String, value: WireJSON)], _ positions: Positions, timestamps: TimestampFormat
    ) -> WireJSON {
        var found: [(position: Int, value: WireJSON)] = []
        found.reserveCapacity(fields.count)
        var taken = Set<Int>()
        for field in fields {
            guard let position = positions.byName[field.key], taken.insert(position).inserted else { continue }
            if field.value != .null { found.append((position, field.value)) }
        }
        found.sort { $0.position < $1.position }
        return .object(
            found.map { field in
                let member = positions.members[field.position]
                return (member.name, apply(member.shape, to: field.value, timestamps: timestamps))
            })
    }
}
