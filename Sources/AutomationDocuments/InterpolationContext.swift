import AutomationModel
import Foundation

/// What `{{ }}` references resolve against while an execution runs.
public struct InterpolationContext: Sendable {
    /// Resolved parameter values, typed (see `ParameterResolver`).
    public var parameters: [String: JSONValue]
    /// Outputs of the steps that have produced them: step name, then output name.
    public var stepOutputs: [String: [String: JSONValue]]
    /// The execution's variables as they are now, typed.
    public var variables: [String: JSONValue]
    public var executionId: String
    public var accountId: String
    /// nil when no region is configured; `{{global:REGION}}` then fails rather than guess.
    public var region: String?
    public var partition: String
    /// The clock `{{global:DATE}}` and `{{global:DATE_TIME}}` read (UTC).
    public var now: Date

    public init(
        parameters: [String: JSONValue] = [:], stepOutputs: [String: [String: JSONValue]] = [:], executionId: String,
        accountId: String, region: String?, partition: String = "aws", now: Date = Date(),
        variables: [String: JSONValue] = [:]
    ) {
        self.variables = variables
        self.parameters = parameters
        self.stepOutputs = stepOutputs
        self.executionId = executionId
        self.accountId = accountId
        self.region = region
        self.partition = partition
        self.now = now
    }
}
