import AutomationModel

/// The bounds a document is held to before any work is spent on it, so that hostile content is refused in
/// milliseconds and bounded memory: SSM's size limit on content, and a budget on the nodes YAML aliases can
/// expand to (eight nested anchors in half a kilobyte otherwise expand to billions of nodes).
public enum DocumentLimits {
    /// SSM's limit: "The size limit of a document is 64 KB." (MaxDocumentSizeExceeded).
    public static let maximumContentBytes = 64 * 1024
    /// Far beyond any real document (64 KB of YAML holds at most about 32,000 nodes), far below harm.
    public static let maximumExpandedNodes = 100_000
    /// As deep as the JSON reader goes.
    public static let maximumDepth = 256

    public static let maxDocumentSizeExceeded = ServiceError.Code(rawValue: "MaxDocumentSizeExceeded")

    /// Throws MaxDocumentSizeExceeded for content over 64 KB (counted in UTF-8 bytes, as SSM counts).
    public static func checkSize(_ content: String) throws(ServiceError) {
        let size = content.utf8.count
        guard size <= maximumContentBytes else {
            throw ServiceError(
                maxDocumentSizeExceeded,
                "The document is \(size) bytes; the size limit of a document is 64 KB (\(maximumContentBytes) bytes). Split it into smaller runbooks (aws:executeAutomation runs one from another) or move long scripts out of it.")
        }
    }

    /// Counts nodes as a reader expands them and throws InvalidDocumentContent past the budget or the depth.
    struct Budget {
        private(set) var nodes = 0

        mutating func enter(depth: Int, line: Int?) throws(ServiceError) {
            nodes += 1
            guard nodes <= DocumentLimits.maximumExpandedNodes else {
                throw ServiceError(
                    .invalidDocumentContent,
                    "The document expands to more than \(DocumentLimits.maximumExpandedNodes) values\(line.map { " (by line \($0))" } ?? ""); YAML aliases (*name) that repeat anchors (&name) inside each other multiply it. Write the values out, or use fewer nested aliases.")
            }
            guard depth <= DocumentLimits.maximumDepth else {
                throw ServiceError(
                    .invalidDocumentContent,
                    "The document nests more than \(DocumentLimits.maximumDepth) levels deep\(line.map { " at line \($0)" } ?? ""). Flatten it.")
            }
        }
    }
}
