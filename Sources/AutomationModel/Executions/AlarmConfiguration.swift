/// The CloudWatch alarms that stop an execution when they go into ALARM (botocore's `AlarmConfiguration`).
public struct AlarmConfiguration: Codable, Sendable, Hashable {
    public var ignorePollAlarmFailure: Bool?
    public var alarms: [Alarm]?

    public init(alarms: [Alarm]? = nil, ignorePollAlarmFailure: Bool? = nil) {
        self.alarms = alarms
        self.ignorePollAlarmFailure = ignorePollAlarmFailure
    }

    enum CodingKeys: String, CodingKey {
        case ignorePollAlarmFailure = "IgnorePollAlarmFailure"
        case alarms = "Alarms"
    }
}

/// One CloudWatch alarm, by name.
public struct Alarm: Codable, Sendable, Hashable {
    public var name: String

    public init(name: String) {
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
    }
}

/// An alarm that went off during an execution or step, and its state (botocore's `AlarmStateInformation`:
/// UNKNOWN or ALARM; other values are kept as they come).
public struct AlarmStateInformation: Codable, Sendable, Hashable {
    public var name: String
    public var state: String

    public init(name: String, state: String) {
        self.name = name
        self.state = state
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case state = "State"
    }
}
