/// The status of an execution or of a step: the API uses one enum for both.
/// Values the service adds later are kept as they are, so they can be shown rather than break decoding.
public struct AutomationExecutionStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let pending = Self(rawValue: "Pending")
    public static let inProgress = Self(rawValue: "InProgress")
    public static let waiting = Self(rawValue: "Waiting")
    public static let success = Self(rawValue: "Success")
    public static let timedOut = Self(rawValue: "TimedOut")
    public static let cancelling = Self(rawValue: "Cancelling")
    public static let cancelled = Self(rawValue: "Cancelled")
    public static let failed = Self(rawValue: "Failed")
    public static let pendingApproval = Self(rawValue: "PendingApproval")
    public static let approved = Self(rawValue: "Approved")
    public static let rejected = Self(rawValue: "Rejected")
    public static let scheduled = Self(rawValue: "Scheduled")
    public static let runbookInProgress = Self(rawValue: "RunbookInProgress")
    public static let pendingChangeCalendarOverride = Self(rawValue: "PendingChangeCalendarOverride")
    public static let changeCalendarOverrideApproved = Self(rawValue: "ChangeCalendarOverrideApproved")
    public static let changeCalendarOverrideRejected = Self(rawValue: "ChangeCalendarOverrideRejected")
    public static let completedWithSuccess = Self(rawValue: "CompletedWithSuccess")
    public static let completedWithFailure = Self(rawValue: "CompletedWithFailure")
    public static let exited = Self(rawValue: "Exited")

    /// Every value the API documents, in its order.
    public static let allKnown: [Self] = [
        .pending, .inProgress, .waiting, .success, .timedOut, .cancelling, .cancelled, .failed,
        .pendingApproval, .approved, .rejected, .scheduled, .runbookInProgress, .pendingChangeCalendarOverride,
        .changeCalendarOverrideApproved, .changeCalendarOverrideRejected, .completedWithSuccess,
        .completedWithFailure, .exited,
    ]

    public var isKnown: Bool { Self.allKnown.contains(self) }

    /// Nothing more will happen to an execution or step in this status.
    public var isTerminal: Bool {
        [.success, .timedOut, .cancelled, .failed, .rejected, .completedWithSuccess, .completedWithFailure, .exited]
            .contains(self)
    }

    /// A rate-controlled parent's child that ended so counts against the parent's MaxErrors: every end but
    /// success, a cancelled child included (the engine stops starting children on it, and the console counts it).
    public var countsAgainstMaxErrors: Bool { isTerminal && ![.success, .completedWithSuccess].contains(self) }

    /// The statuses in which an execution waits on a person.
    public var isWaitingOnHuman: Bool {
        [.waiting, .pendingApproval, .pendingChangeCalendarOverride].contains(self)
    }

    public var description: String { rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
