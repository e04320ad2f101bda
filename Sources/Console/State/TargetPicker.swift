/// The pick-list `:profile` and `:region` open without a name: the choices narrowed by what is typed.
public struct TargetPicker: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case profile, region
    }

    public var kind: Kind
    public var choices: [String]
    /// Typed to narrow the choices (a substring, any case).
    public var filter = ""
    /// Into `matching`.
    public var index = 0

    public init(kind: Kind, choices: [String], current: String?) {
        self.kind = kind
        self.choices = choices
        index = current.flatMap { choices.firstIndex(of: $0) } ?? 0
    }

    public var matching: [String] {
        filter.isEmpty ? choices : choices.filter { $0.localizedCaseInsensitiveContains(filter) }
    }

    public var selected: String? {
        let matching = matching
        return matching.indices.contains(index) ? matching[index] : nil
    }

    /// The switch Enter asks for.
    var choice: TargetChoice? {
        selected.map { kind == .profile ? .profile($0) : .region($0) }
    }
}
