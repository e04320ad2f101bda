/// What the catalog knows of one SSM operation whatever its request and response types: the name X-Amz-Target
/// carries after `AmazonSSM.`, whether it changes anything, and its quota. `OperationCatalog` lists them all.
public struct SSMOperation: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    /// Starts, stops, signals or writes something: refused in read-only mode and written to the audit log.
    public let changesState: Bool
    public let quota: OperationQuota

    public init(name: String, changesState: Bool, quota: OperationQuota) {
        self.name = name
        self.changesState = changesState
        self.quota = quota
    }

    public var description: String { name }
}

/// An operation's quota class: the rate AWS publishes for it per account and region, or none published.
public enum OperationQuota: Hashable, Sendable {
    /// AWS publishes this many transactions per second.
    case published(callsPerSecond: Double)
    /// No Automation quota is published for it (document and instance operations).
    case unpublished

    public var publishedRate: Double? {
        if case .published(let rate) = self { return rate }
        return nil
    }

    /// 3 TPS: DescribeAutomationExecutions, GetAutomationExecution, DescribeAutomationStepExecutions and
    /// SendAutomationSignal.
    public static let automationReadsAndSignals = OperationQuota.published(callsPerSecond: 3)
    /// 1 TPS: StartAutomationExecution and StopAutomationExecution.
    public static let automationStartsAndStops = OperationQuota.published(callsPerSecond: 1)
}
