import ArgumentParser
import AutomationCLI
import Connection

/// A parity subcommand: every word after its name goes to AutomationCLI, which reads them as the AWS CLI
/// does (parameters from the model, global options anywhere, `help`).
protocol OperationSubcommand: AsyncParsableCommand {
    static var operation: OperationShape { get }
    var words: [String] { get }
}

extension OperationSubcommand {
    static func parityConfiguration() -> CommandConfiguration {
        CommandConfiguration(
            commandName: operation.cliName,
            abstract: "Like 'aws ssm \(operation.cliName)': the same flags and output. Run '\(operation.cliName) help' for them.",
            aliases: CommandLineCatalog.aliases[operation.cliName].map { [$0] } ?? [])
    }

    /// Main routes the parity subcommands to CLIEntry before ArgumentParser sees them; this is the same entry
    /// when it does not.
    func run() async throws {
        let code = await CLIEntry.run(.operation(Self.operation, words: words))
        if code != CLIExitCode.success { throw ExitCode(code) }
    }
}

struct SendAutomationSignalCommand: OperationSubcommand {
    static let operation = OperationShape.sendAutomationSignal
    static let configuration: CommandConfiguration = parityConfiguration()
    @Argument(parsing: .allUnrecognized, help: "Parameters and options, as for aws ssm.") var words: [String] = []
}

struct StartAutomationExecutionCommand: OperationSubcommand {
    static let operation = OperationShape.startAutomationExecution
    static let configuration: CommandConfiguration = parityConfiguration()
    @Argument(parsing: .allUnrecognized, help: "Parameters and options, as for aws ssm.") var words: [String] = []
}

struct StopAutomationExecutionCommand: OperationSubcommand {
    static let operation = OperationShape.stopAutomationExecution
    static let configuration: CommandConfiguration = parityConfiguration()
    @Argument(parsing: .allUnrecognized, help: "Parameters and options, as for aws ssm.") var words: [String] = []
}

struct GetAutomationExecutionCommand: OperationSubcommand {
    static let operation = OperationShape.getAutomationExecution
    static let configuration: CommandConfiguration = parityConfiguration()
    @Argument(parsing: .allUnrecognized, help: "Parameters and options, as for aws ssm.") var words: [String] = []
}

struct DescribeAutomationExecutionsCommand: OperationSubcommand {
    static let operation = OperationShape.describeAutomationExecutions
    static let configuration: CommandConfiguration = parityConfiguration()
    @Argument(parsing: .allUnrecognized, help: "Parameters and options, as for aws ssm.") var words: [String] = []
}

struct DescribeAutomationStepExecutionsCommand: OperationSubcommand {
    static let operation = OperationShape.describeAutomationStepExecutions
    static let configuration: CommandConfiguration = parityConfiguration()
    @Argument(parsing: .allUnrecognized, help: "Parameters and options, as for aws ssm.") var words: [String] = []
}

struct ListCommandsCommand: OperationSubcommand {
    static let operation = OperationShape.listCommands
    static let configuration: CommandConfiguration = parityConfiguration()
    @Argument(parsing: .allUnrecognized, help: "Parameters and options, as for aws ssm.") var words: [String] = []
}

struct ListCommandInvocationsCommand: OperationSubcommand {
    static let operation = OperationShape.listCommandInvocations
    static let configuration: CommandConfiguration = parityConfiguration()
    @Argument(parsing: .allUnrecognized, help: "Parameters and options, as for aws ssm.") var words: [String] = []
}

struct GetCommandInvocationCommand: OperationSubcommand {
    static let operation = OperationShape.getCommandInvocation
    static let configuration: CommandConfiguration = parityConfiguration()
    @Argument(parsing: .allUnrecognized, help: "Parameters and options, as for aws ssm.") var words: [String] = []
}
