/// Object members built with Python dict semantics: assigning an existing key replaces its value
/// in place, so the key keeps its first position.
struct OrderedMembers {
    private(set) var list: [(key: String, value: JMESValue)] = []
    // Small objects are searched linearly; an index is built once an object gets large,
    // so parsing or merging big objects stays linear.
    private var positions: [CodePointKey: Int]?
    private static let indexThreshold = 16

    init() {}

    init(_ members: [(key: String, value: JMESValue)]) {
        for member in members { set(member.key, member.value) }
    }

    var count: Int { list.count }

    func position(of key: String) -> Int? {
        if let positions { return positions[CodePointKey(text: key)] }
        return list.firstIndex { sameCodePoints($0.key, key) }
    }

    mutating func set(_ key: String, _ value: JMESValue) {
        if let existing = position(of: key) {
            list[existing].value = value
            return
        }
        list.append((key: key, value: value))
        if positions != nil {
            positions?[CodePointKey(text: key)] = list.count - 1
        } else if list.count > Self.indexThreshold {
            var index: [CodePointKey: Int] = [:]
            index.reserveCapacity(list.count * 2)
            for (offset, member) in list.enumerated() { index[CodePointKey(text: member.key)] = offset }
            positions = index
        }
    }
}
