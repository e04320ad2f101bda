import AutomationModel
import Foundation

/// How a local engine is set up.
public struct EngineConfiguration: Sendable {
    /// Where the SQLite store, instance working directories and process records live.
    public var dataDirectory: URL
    /// The local managed instances aws:runCommand can target.
    public var instances: [ManagedInstance]
    /// `global:REGION`, and the region Step Functions calls are signed for. Nil when none is configured.
    public var region: String?
    /// `global:ACCOUNT_ID`, and the account in principal ARNs.
    public var accountId: String
    public var partition: String
    /// Step Functions for aws:executeAwsApi (by default over the AWS wire, configured as the AWS CLI is);
    /// nil makes those steps fail with a message saying so.
    public var stepFunctions: (any StepFunctionsCalling)?
    /// Executions not yet ended, beyond which StartAutomationExecution answers AutomationExecutionLimitExceededException.
    public var maxActiveExecutions: Int
    /// Parameter values the engine accepts: longer than the API's 512 because Step Functions task tokens
    /// (up to 2048 characters) arrive as parameters.
    public var maxParameterValueLength: Int
    /// Install the runbooks shipped with ssm-console when they are missing.
    public var installShippedRunbooks: Bool
    /// Step executions one execution may run before it fails (a nextStep cycle), `StepExecutionBound`.
    public var maxStepExecutions: Int

    public init(
        dataDirectory: URL, instances: [ManagedInstance] = [ManagedInstanceRegistry.localhost], region: String? = nil,
        accountId: String = EngineConfiguration.localAccountId, partition: String = "aws",
        stepFunctions: (any StepFunctionsCalling)? = StepFunctionsClient(), maxActiveExecutions: Int = 5000,
        maxParameterValueLength: Int = 2048, installShippedRunbooks: Bool = true,
        maxStepExecutions: Int = StepExecutionBound.defaultMaximum
    ) {
        self.dataDirectory = dataDirectory
        self.instances = instances
        self.region = region
        self.accountId = accountId
        self.partition = partition
        self.stepFunctions = stepFunctions
        self.maxActiveExecutions = maxActiveExecutions
        self.maxParameterValueLength = maxParameterValueLength
        self.installShippedRunbooks = installShippedRunbooks
        self.maxStepExecutions = maxStepExecutions
    }

    /// The account local principals belong to (the one AWS documentation and moto use).
    public static let localAccountId = "123456789012"

    /// `$XDG_STATE_HOME/ssm-console/engine`, or `~/.local/state/ssm-console/engine`.
    public static func defaultDataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let state: URL
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            state = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            state = URL(fileURLWithPath: home).appendingPathComponent(".local/state")
        }
        return state.appendingPathComponent("ssm-console/engine")
    }

    /// The principal of the person at this terminal, for the local engine.
    public func localPrincipal(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let user = environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "local-operator"
        return "arn:\(partition):iam::\(accountId):user/\(user)"
    }
}
