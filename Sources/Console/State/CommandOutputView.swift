import AutomationModel
import Foundation

/// The command output view, over the execution view: the instances of an aws:runCommand step's command with
/// their invocation status, exit code and duration, and once one is opened, its stdout and stderr, followed as
/// they grow while the command runs.
public struct CommandOutputView: Sendable, Hashable {
    public var executionId: String
    public var stepName: String
    public var commandId: String
    /// Nil until ListCommandInvocations answers.
    public var invocations: [CommandInvocation]?
    public var selected = 0
    public var listScroll = ScrollState()
    /// The instance whose output is shown; nil while the instances are listed.
    public var open: InstanceOutput?
    /// Why the instances could not be read, until they can.
    public var error: String?
    public var invocationsInFlight = false
    /// When the instances were last asked for.
    public var lastInvocations: Date?

    /// One instance's output, as GetCommandInvocation last answered it.
    public struct InstanceOutput: Sendable, Hashable {
        public var instanceId: String
        /// Nil until GetCommandInvocation answers.
        public var output: GetCommandInvocationResponse?
        public var scroll = ScrollState()
        /// Keeps the last line on screen as output arrives; scrolling up stops it, End takes it up again.
        public var follow = true
        public var inFlight = false
        public var last: Date?
        public var error: String?

        public init(instanceId: String) {
            self.instanceId = instanceId
        }

        /// Nothing more will arrive: the invocation ended and its output has been read since.
        var isFinal: Bool { output?.status?.isTerminal == true }
    }

    public init(executionId: String, stepName: String, commandId: String) {
        self.executionId = executionId
        self.stepName = stepName
        self.commandId = commandId
    }

    public var selectedInvocation: CommandInvocation? {
        guard let invocations, invocations.indices.contains(selected) else { return nil }
        return invocations[selected]
    }

    /// Every invocation has ended, so the list will not change again.
    var invocationsAreFinal: Bool {
        guard let invocations else { return false }
        return invocations.allSatisfy { $0.status?.isTerminal == true }
    }
}

extension StepExecution {
    /// The command an aws:runCommand step sent, once its Outputs name it (while it runs, as soon as it is sent).
    var commandId: String? {
        guard action == AutomationActionName.runCommand.rawValue,
            let id = outputs?["CommandId"]?.first, !id.isEmpty
        else { return nil }
        return id
    }
}
