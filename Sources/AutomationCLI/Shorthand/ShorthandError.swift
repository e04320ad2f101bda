/// Why awscli's shorthand grammar rejected a value, in awscli's words.
public struct ShorthandError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// `expected` is a character or a token name such as `<second>`; `actual` a character, `EOF` or `<none>`.
        case syntax(expected: String, actual: String)
        /// A key given twice at the top level, usually a "," where a space was meant.
        case duplicateKey(String)
        /// A `key@=file://…` value that could not be loaded.
        case paramFile(String)
    }

    public let kind: Kind
    /// The shorthand text and the position (in Unicode scalars, as Python counts) the error points at.
    public let input: String
    public let index: Int

    public var description: String {
        switch kind {
        case .syntax(let expected, let actual):
            return "Expected: '\(expected)', received: '\(actual)' for input:\n\(location)"
        case .duplicateKey(let key):
            return "Second instance of key \"\(key)\" encountered for input:\n\(location)\n"
                + "This is often because there is a preceding \",\" instead of a space."
        case .paramFile(let message):
            return message
        }
    }

    /// The input with a caret under the error, split at the next newline as awscli does.
    var location: String {
        let scalars = Array(input.unicodeScalars)
        let at = min(index, scalars.count)
        var spaces = at
        if let lastNewline = scalars[..<at].lastIndex(of: "\n") {
            spaces = at - lastNewline - 1
        }
        var consumed = scalars[...], remaining = scalars[scalars.count...]
        if let nextNewline = scalars[at...].firstIndex(of: "\n") {
            consumed = scalars[..<nextNewline]
            remaining = scalars[nextNewline...]
        }
        return String(String.UnicodeScalarView(consumed)) + "\n" + String(repeating: " ", count: spaces) + "^"
            + String(String.UnicodeScalarView(remaining))
    }
}
