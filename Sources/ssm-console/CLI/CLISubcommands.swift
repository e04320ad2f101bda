import ArgumentParser

/// The `aws ssm` parity subcommands, in the order `--help` lists them.
enum CLISubcommands {
    static let all: [ParsableCommand.Type] = [
        SendAutomationSignalCommand.self, StartAutomationExecutionCommand.self, StopAutomationExecutionCommand.self,
        GetAutomationExecutionCommand.self, DescribeAutomationExecutionsCommand.self,
        DescribeAutomationStepExecutionsCommand.self, ListCommandsCommand.self, ListCommandInvocationsCommand.self,
        GetCommandInvocationCommand.self, WatchCommand.self, ApprovalsCommand.self,
    ]
}
