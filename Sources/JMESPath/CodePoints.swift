// Python compares and measures `str` by code point. Swift's `String ==` and `<` use canonical
// equivalence instead, so every string comparison in this module goes through these helpers.
// UTF-8 preserves code-point order, so byte-wise comparison of the UTF-8 views is code-point comparison.

/// True when both strings have exactly the same code points (Python's `==` on `str`).
func sameCodePoints(_ left: String, _ right: String) -> Bool {
    guard left.utf8.count == right.utf8.count else { return false }
    // Native strings expose their UTF-8 bytes directly; comparing buffers is much faster than
    // walking the views.
    let compared = left.utf8.withContiguousStorageIfAvailable { leftBytes in
        right.utf8.withContiguousStorageIfAvailable { rightBytes in
            sameBytes(leftBytes, rightBytes)
        }
    }
    if let compared, let equal = compared { return equal }
    return left.utf8.elementsEqual(right.utf8)
}

/// Byte equality of two buffers of the same length, eight bytes at a time.
private func sameBytes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = min(left.count, right.count)
    let leftRaw = UnsafeRawBufferPointer(left)
    let rightRaw = UnsafeRawBufferPointer(right)
    var offset = 0
    while offset + 8 <= count {
        if leftRaw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            != rightRaw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        {
            return false
        }
        offset += 8
    }
    while offset < count {
        if left[offset] != right[offset] { return false }
        offset += 1
    }
    return left.count == right.count
}

/// True when `left` sorts before `right` by code point (Python's `<` on `str`).
@inline(__always)
func precedesByCodePoint(_ left: String, _ right: String) -> Bool {
    left.utf8.lexicographicallyPrecedes(right.utf8)
}

/// Python's `haystack.startswith(prefix)`.
func hasCodePointPrefix(_ text: String, _ prefix: String) -> Bool {
    text.utf8.starts(with: prefix.utf8)
}

/// Python's `haystack.endswith(suffix)`.
func hasCodePointSuffix(_ text: String, _ suffix: String) -> Bool {
    let count = suffix.utf8.count
    return text.utf8.count >= count && text.utf8.suffix(count).elementsEqual(suffix.utf8)
}

/// Python's `needle in haystack` for two strings.
func containsCodePoints(_ haystack: String, _ needle: String) -> Bool {
    let pattern = Array(needle.utf8)
    if pattern.isEmpty { return true }
    let text = Array(haystack.utf8)
    guard text.count >= pattern.count else { return false }
    for start in 0...(text.count - pattern.count) where text[start] == pattern[0] {
        if text[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
    }
    return false
}

/// A dictionary key that hashes and compares by code point, unlike `String`.
struct CodePointKey: Hashable {
    let text: String

    static func == (left: CodePointKey, right: CodePointKey) -> Bool {
        sameCodePoints(left.text, right.text)
    }

    func hash(into hasher: inout Hasher) {
        for byte in text.utf8 { hasher.combine(byte) }
    }
}
