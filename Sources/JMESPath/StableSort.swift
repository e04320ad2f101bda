/// The positions `0..<count` in stable ascending order, using only `less` (as Python's sort does).
/// A merge sort: it never traps, even when `less` is not a strict weak ordering (NaN keys).
func stableSortedIndices(_ count: Int, by less: (Int, Int) -> Bool) -> [Int] {
    var current = Array(0..<count)
    guard count > 1 else { return current }
    var scratch = current
    var width = 1
    while width < count {
        var start = 0
        while start < count {
            let middle = min(start + width, count)
            let end = min(start + 2 * width, count)
            var left = start
            var right = middle
            var output = start
            while left < middle && right < end {
                // Take from the right run only when strictly smaller: equal elements keep their order.
                if less(current[right], current[left]) {
                    scratch[output] = current[right]
                    right += 1
                } else {
                    scratch[output] = current[left]
                    left += 1
                }
                output += 1
            }
            while left < middle {
                scratch[output] = current[left]
                left += 1
                output += 1
            }
            while right < end {
                scratch[output] = current[right]
                right += 1
                output += 1
            }
            start = end
        }
        swap(&current, &scratch)
        width *= 2
    }
    return current
}
