/// Elements kept sorted newest first, so finding one is a binary search and taking a page touches only the
/// rows the page overlaps: scrolling to older pages appends, a refresh rewrites only the newest rows.
/// Sort keys are unique (they end with the execution ID).
struct NewestFirst<Element: NewestFirstElement>: Hashable, Sendable {
    private(set) var elements: [Element] = []

    var count: Int { elements.count }

    subscript(index: Int) -> Element { elements[index] }

    /// The index of the element with `key`, if there is one.
    func index(of key: ExecutionSortKey) -> Int? {
        let index = boundary(below: key)
        guard index > 0, elements[index - 1].sortKey == key else { return nil }
        return index - 1
    }

    /// The first index whose element is older than `key`: everything before it is `key` or newer.
    func boundary(below key: ExecutionSortKey) -> Int {
        var low = 0
        var high = elements.count
        while low < high {
            let middle = (low + high) / 2
            if elements[middle].sortKey < key { high = middle } else { low = middle + 1 }
        }
        return low
    }

    mutating func replace(at index: Int, with element: Element) {
        elements[index] = element
    }

    /// Removes the elements with these keys; keys not present are ignored. One pass from the first removed.
    mutating func remove(_ keys: [ExecutionSortKey]) {
        let indices = keys.compactMap(index(of:)).sorted()
        guard let first = indices.first else { return }
        if indices.count == 1 {
            elements.remove(at: first)
            return
        }
        var write = first
        var next = 0
        for read in first..<elements.count {
            if next < indices.count, indices[next] == read {
                next += 1
                continue
            }
            if write != read { elements.swapAt(write, read) }
            write += 1
        }
        elements.removeLast(elements.count - write)
    }

    /// Removes the elements with `key` or newer (a prefix) and returns them.
    @discardableResult
    mutating func removeNotOlder(than key: ExecutionSortKey) -> ArraySlice<Element> {
        let end = boundary(below: key)
        let removed = elements[..<end]
        elements.removeSubrange(..<end)
        return removed
    }

    /// Inserts a page that is sorted newest first and has no key already present, by merging it with the
    /// stretch of elements its keys span.
    mutating func insert(_ page: [Element]) {
        guard let newest = page.first, let oldest = page.last else { return }
        let low = boundary(below: newest.sortKey)
        let high = boundary(below: oldest.sortKey)
        if low == high {
            elements.insert(contentsOf: page, at: low)
            return
        }
        var merged: [Element] = []
        merged.reserveCapacity(high - low + page.count)
        var old = low
        var new = 0
        while old < high, new < page.count {
            if elements[old].sortKey > page[new].sortKey {
                merged.append(elements[old])
                old += 1
            } else {
                merged.append(page[new])
                new += 1
            }
        }
        merged.append(contentsOf: elements[old..<high])
        merged.append(contentsOf: page[new...])
        elements.replaceSubrange(low..<high, with: merged)
    }
}
