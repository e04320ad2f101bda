/// The name of an Automation action as documents and the API spell it (a step's `action`,
/// StepExecution's `Action`, the execution's `CurrentAction`): `aws:runCommand`.
/// Code names actions by these constants so each name is written once.
public struct AutomationActionName: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The name itself, so messages can interpolate it.
    public var description: String { rawValue }

    public static let approve = AutomationActionName(rawValue: "aws:approve")
    public static let pause = AutomationActionName(rawValue: "aws:pause")
    public static let sleep = AutomationActionName(rawValue: "aws:sleep")
    public static let branch = AutomationActionName(rawValue: "aws:branch")
    public static let runCommand = AutomationActionName(rawValue: "aws:runCommand")
    public static let executeScript = AutomationActionName(rawValue: "aws:executeScript")
    public static let executeAwsApi = AutomationActionName(rawValue: "aws:executeAwsApi")
    public static let executeAutomation = AutomationActionName(rawValue: "aws:executeAutomation")
    public static let loop = AutomationActionName(rawValue: "aws:loop")
    public static let updateVariable = AutomationActionName(rawValue: "aws:updateVariable")
}

/// The name of a plugin (a step of a Command document) as Run Command reports it in CommandPlugins and takes it
/// as GetCommandInvocation's PluginName: AWS-RunShellScript runs one, `aws:runShellScript`.
public enum CommandPluginName {
    public static let runShellScript = "aws:runShellScript"
}
