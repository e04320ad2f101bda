/// Table columns that fit a width: columns drop in a fixed priority when there is no room, and the room left
/// goes to the columns that can use it.
struct ColumnLayout<Key: Hashable> {
    struct Column {
        var key: Key
        var title: String
        var minimum: Int
        var preferred: Int
        /// Lower is more important; the highest goes first when the width is short.
        var priority: Int
        /// Lower grows first when there is room to spare.
        var growRank: Int
    }

    struct Placed {
        var key: Key
        var title: String
        var x: Int
        var width: Int
    }

    static func place(_ columns: [Column], width: Int, gap: Int = 1) -> [Placed] {
        var kept = columns
        func needed(_ set: [Column]) -> Int { set.reduce(0) { $0 + $1.minimum } + gap * max(0, set.count - 1) }
        while needed(kept) > width, let drop = kept.indices.max(by: { kept[$0].priority < kept[$1].priority }) {
            kept.remove(at: drop)
        }
        var widths = kept.map(\.minimum)
        var room = width - needed(kept)
        // Grow by rank up to each column's preferred width, then give the rest to the last column.
        for index in kept.indices.sorted(by: { kept[$0].growRank < kept[$1].growRank }) where room > 0 {
            let grow = min(room, kept[index].preferred - widths[index])
            if grow > 0 {
                widths[index] += grow
                room -= grow
            }
        }
        if room > 0, !widths.isEmpty { widths[widths.count - 1] += room }
        var x = 0
        return kept.indices.map { index in
            defer { x += widths[index] + gap }
            return Placed(key: kept[index].key, title: kept[index].title, x: x, width: widths[index])
        }
    }
}
