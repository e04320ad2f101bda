import ArgumentParser
import AutomationModel
import CommandLineOutput
import Foundation
import LocalEngine

@main
struct SSMConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssm-console",
        abstract: "Watch and answer AWS Systems Manager Automation executions.",
        discussion: """
            With --local, ssm-console runs its own Automation engine on this machine: real schema-0.3 runbooks,
            stored under the data directory, with a demo seeded on first start. Until the interactive console
            lands, it prints the executions as a table.
            """,
        subcommands: [ServeCommand.self])

    @Flag(name: .long, help: "Use the embedded local Automation engine instead of AWS.")
    var local = false

    @OptionGroup var dataDirectory: DataDirectoryOption

    func run() async throws {
        guard local else {
            throw ValidationError(
                "This build drives the local engine only: run 'ssm-console --local'. Connecting to AWS (--profile, --region, --endpoint-url) comes with the AWS client.")
        }
        let directory = dataDirectory.url
        let configuration = EngineConfiguration(dataDirectory: directory, region: ProcessInfo.processInfo.environment["AWS_REGION"])
        let engine = try await AutomationEngine.open(configuration)
        let principal = configuration.localPrincipal()
        let seeded = try await DemoSeeder.seedIfEmpty(engine, operator: principal)
        await DemoSeeder.waitUntilSettled(engine, seeded)
        let page = try await engine.session(principal: principal).describeAutomationExecutions(
            DescribeAutomationExecutionsRequest(maxResults: 50))
        print("Local engine: \(directory.path)   principal: \(principal)")
        print(ExecutionTable.render(page.automationExecutionMetadataList ?? [], now: Date()), terminator: "")
        await engine.shutdown()
    }
}
