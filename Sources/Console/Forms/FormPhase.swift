/// Where a form is between opening and its answer.
public enum FormPhase: Sendable, Hashable {
    /// Waiting for what the form's fields need (step executions, a document).
    case loading
    case editing
    /// A dangerous request waits for `y`.
    case confirming
    /// Sent; waiting for the service's answer.
    case sending
}

/// Text typed into a field: printable characters append, Backspace deletes.
enum TextEditing {
    /// Returns true when the key edited `text`.
    static func apply(_ key: KeyPress, to text: inout String) -> Bool {
        if let character = key.typedCharacter {
            text.append(character)
            return true
        }
        switch key {
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
            return true
        default:
            return false
        }
    }
}
