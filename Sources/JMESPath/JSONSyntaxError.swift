/// Why a JSON text could not be read, with python `json`'s wording (e.g. "Expecting value",
/// "Invalid \\escape") and the UTF-8 byte offset where reading stopped.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) (byte \(offset))" }
}
