/// The accounts and Regions a cross-account execution runs in (botocore's `TargetLocation`).
public struct TargetLocation: Codable, Sendable, Hashable {
    public var accounts: [String]?
    public var regions: [String]?
    public var targetLocationMaxConcurrency: String?
    public var targetLocationMaxErrors: String?
    public var executionRoleName: String?
    public var targetLocationAlarmConfiguration: AlarmConfiguration?
    public var includeChildOrganizationUnits: Bool?
    public var excludeAccounts: [String]?
    public var targets: [Target]?
    public var targetsMaxConcurrency: String?
    public var targetsMaxErrors: String?

    public init(accounts: [String]? = nil, regions: [String]? = nil) {
        self.accounts = accounts
        self.regions = regions
    }

    enum CodingKeys: String, CodingKey {
        case accounts = "Accounts"
        case regions = "Regions"
        case targetLocationMaxConcurrency = "TargetLocationMaxConcurrency"
        case targetLocationMaxErrors = "TargetLocationMaxErrors"
        case executionRoleName = "ExecutionRoleName"
        case targetLocationAlarmConfiguration = "TargetLocationAlarmConfiguration"
        case includeChildOrganizationUnits = "IncludeChildOrganizationUnits"
        case excludeAccounts = "ExcludeAccounts"
        case targets = "Targets"
        case targetsMaxConcurrency = "TargetsMaxConcurrency"
        case targetsMaxErrors = "TargetsMaxErrors"
    }
}
