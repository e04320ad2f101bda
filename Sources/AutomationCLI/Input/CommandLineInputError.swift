/// An invalid command line or input document: printed to stderr, exit 252.
public struct CommandLineInputError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// The AWS CLI's ParamError: `Error parsing parameter '--payload': …`.
    static func parameter(_ name: String, _ message: String) -> CommandLineInputError {
        CommandLineInputError("Error parsing parameter '\(name)': \(message)")
    }
}
