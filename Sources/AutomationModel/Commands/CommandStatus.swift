/// The status of a Run Command command, of one instance's invocation, or of one plugin: the API's three enums
/// share these values (Delayed only for invocations, Cancelling not for plugins). Values the service adds later
/// are kept as they are, so they can be shown rather than break decoding.
public struct CommandStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let pending = Self(rawValue: "Pending")
    public static let inProgress = Self(rawValue: "InProgress")
    public static let delayed = Self(rawValue: "Delayed")
    public static let success = Self(rawValue: "Success")
    public static let cancelled = Self(rawValue: "Cancelled")
    public static let timedOut = Self(rawValue: "TimedOut")
    public static let failed = Self(rawValue: "Failed")
    public static let cancelling = Self(rawValue: "Cancelling")

    /// Every value CommandInvocationStatus documents, in its order.
    public static let allKnown: [Self] = [.pending, .inProgress, .delayed, .success, .cancelled, .timedOut, .failed, .cancelling]

    public var description: String { rawValue }

    /// The command will not change any more.
    public var isTerminal: Bool { [.success, .cancelled, .timedOut, .failed].contains(self) }
}
