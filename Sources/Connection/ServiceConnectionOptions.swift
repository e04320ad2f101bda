import AWSWire
import AutomationModel
import Foundation

/// How to reach SSM Automation: the embedded local engine, or AWS (or any SSM-compatible endpoint) as the
/// AWS CLI would be configured.
public struct ServiceConnectionOptions: Sendable {
    /// `--local`: run the engine in this process on `dataDirectory`.
    public var local: Bool
    /// nil: EngineConfiguration's default directory.
    public var dataDirectory: URL?
    /// `--profile`, `--region`, `--endpoint-url`, TLS and timeouts.
    public var aws: AWSConfigurationOptions
    /// The console seeds the demo on --local; the CLI does not.
    public var seedDemo: Bool
    /// How fast each operation may be called, local or AWS. The console keeps within AWS's rates wherever it
    /// points, so its polling is the same everywhere; the CLI, like the AWS CLI, sends at once and relies on
    /// retries.
    public var quotas: OperationQuotas
    /// Told of each call the quotas held back, and for how long.
    public var paceWaited: (@Sendable (SSMOperation, Duration) -> Void)?
    /// Told about every HTTP exchange with AWS (`--debug`); secrets are already masked.
    public var wireLog: (@Sendable (String) -> Void)?

    public init(
        local: Bool = false, dataDirectory: URL? = nil, aws: AWSConfigurationOptions = AWSConfigurationOptions(),
        seedDemo: Bool = false, quotas: OperationQuotas = .aws,
        paceWaited: (@Sendable (SSMOperation, Duration) -> Void)? = nil, wireLog: (@Sendable (String) -> Void)? = nil
    ) {
        self.local = local
        self.dataDirectory = dataDirectory
        self.aws = aws
        self.seedDemo = seedDemo
        self.quotas = quotas
        self.paceWaited = paceWaited
        self.wireLog = wireLog
    }
}
