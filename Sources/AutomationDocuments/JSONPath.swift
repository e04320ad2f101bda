import AutomationModel
import Foundation

/// The JSONPath subset output selectors use: `$`, `$.a.b`, `$.list[0]`, `$['key']` and combinations.
struct JSONPath: Hashable, Sendable {
    enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    var components: [Component]

    static let syntaxHelp = "write $, $.Name.Inner, $.List[0] or $['Key with spaces']"

    /// nil when `text` is not in the supported subset.
    init?(_ text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard rest.first == "$" else { return nil }
        rest = rest.dropFirst()
        var components: [Component] = []
        while let next = rest.first {
            if next == "." {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty else { return nil }
                components.append(.key(String(name)))
                rest = rest.dropFirst(name.count)
            } else if next == "[" {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                if let index = Int(inside), index >= 0, inside.allSatisfy(\.isNumber) {
                    components.append(.index(index))
                } else if inside.count >= 2, let quote = inside.first, quote == "'" || quote == "\"", inside.last == quote {
                    components.append(.key(String(inside.dropFirst().dropLast())))
                } else {
                    return nil
                }
                rest = rest[rest.index(after: close)...]
            } else {
                return nil
            }
        }
        self.components = components
    }

    /// The value at this path, or nil when some part of the path is missing.
    func select(from value: JSONValue) -> JSONValue? {
        var current = value
        for component in components {
            switch component {
            case .key(let key):
                guard let member = current[key] else { return nil }
                current = member
            case .index(let index):
                guard let items = current.arrayValue, index < items.count else { return nil }
                current = items[index]
            }
        }
        return current
    }
}
