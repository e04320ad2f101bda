import Foundation
import Testing

@testable import AutomationCLI

/// Which output format a command prints, as the AWS CLI chooses it: --output, then AWS_DEFAULT_OUTPUT, then the
/// selected profile's `output`, then json; and --color's values.
@Suite struct TableFormatChoiceTests {
    static func format(_ words: [String], environment: [String: String], config: String? = nil) throws -> OutputFormat {
        try settings(words, environment: environment, config: config).format
    }

    static func settings(_ words: [String], environment: [String: String], config: String? = nil) throws -> OutputSettings {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("table-format-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configPath = directory.appendingPathComponent("config").path
        if let config { try config.write(toFile: configPath, atomically: true, encoding: .utf8) }
        var environment = environment
        environment["AWS_CONFIG_FILE"] = configPath
        environment["AWS_SHARED_CREDENTIALS_FILE"] = directory.appendingPathComponent("credentials").path
        environment["HOME"] = directory.path
        let command = OperationCommand(operation: .describeAutomationExecutions, environment: environment)
        return try command.outputSettings(ArgumentScanner.scan(words, operation: .describeAutomationExecutions))
    }

    static let profiles = """
        [default]
        output = text
        [profile tables]
        output = table
        [profile plain]
        region = us-east-1
        """

    @Test func theFlagWinsOverEverything() throws {
        #expect(try Self.format(["--output", "json"], environment: ["AWS_DEFAULT_OUTPUT": "text"], config: Self.profiles) == .json)
        #expect(try Self.format(["--output=table"], environment: [:], config: Self.profiles) == .table)
    }

    @Test func theEnvironmentWinsOverTheProfile() throws {
        #expect(try Self.format([], environment: ["AWS_DEFAULT_OUTPUT": "table"], config: Self.profiles) == .table)
    }

    @Test func theSelectedProfileSetsTheDefault() throws {
        #expect(try Self.format([], environment: [:], config: Self.profiles) == .text)
        #expect(try Self.format(["--profile", "tables"], environment: [:], config: Self.profiles) == .table)
        #expect(try Self.format([], environment: ["AWS_PROFILE": "tables"], config: Self.profiles) == .table)
        #expect(try Self.format(["--profile", "plain"], environment: [:], config: Self.profiles) == .json)
    }

    @Test func withNothingSetItIsJSON() throws {
        #expect(try Self.format([], environment: [:]) == .json)
        // An unknown profile is the connection's error to report, not this one's.
        #expect(try Self.format(["--profile", "missing"], environment: [:], config: Self.profiles) == .json)
    }

    @Test func aBadConfiguredFormatIsAConfigurationError() {
        for (environment, config, origin) in [
            (["AWS_DEFAULT_OUTPUT": "xml"], nil, "AWS_DEFAULT_OUTPUT"),
            ([:], "[default]\noutput = xml\n", "profile 'default'"),
        ] as [([String: String], String?, String)] {
            do {
                _ = try Self.format([], environment: environment, config: config)
                Issue.record("accepted \(environment) \(config ?? "")")
            } catch let failure as CLIFailure {
                #expect(failure.exitCode == 253)
                #expect(failure.description.contains("Unknown output type"), "\(failure)")
                #expect(failure.description.contains(origin), "\(failure)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func yamlFormatsAreChoicesToo() throws {
        #expect(try Self.format(["--output", "yaml-stream"], environment: [:]) == .yamlStream)
        #expect(try Self.format([], environment: ["AWS_DEFAULT_OUTPUT": "yaml"]) == .yaml)
    }

    @Test func timestampFormatComesFromTheSelectedProfile() throws {
        let config = "[default]\ncli_timestamp_format = iso8601\n[profile wire]\ncli_timestamp_format = wire\n[profile old]\ncli_timestamp_format = none\n"
        #expect(try Self.settings([], environment: [:], config: config).timestamps == .iso8601)
        #expect(try Self.settings(["--profile", "wire"], environment: [:], config: config).timestamps == .wire)
        #expect(try Self.settings([], environment: ["AWS_PROFILE": "old"], config: config).timestamps == .wire)
        #expect(try Self.settings([], environment: [:]).timestamps == .wire)
        do {
            _ = try Self.settings([], environment: [:], config: "[default]\ncli_timestamp_format = epoch\n")
            Issue.record("an unknown timestamp format was accepted")
        } catch let failure as CLIFailure {
            #expect(failure.exitCode == 253)
            #expect(failure.description.contains("cli_timestamp_format setting of profile 'default'"))
        }
    }

    @Test func colorTakesTheAWSCLIValues() throws {
        let operation = OperationShape.describeAutomationExecutions
        #expect(try ArgumentScanner.scan([], operation: operation).global.color == .auto)
        #expect(try ArgumentScanner.scan(["--color", "on"], operation: operation).global.color == .on)
        #expect(try ArgumentScanner.scan(["--color=off"], operation: operation).global.color == .off)
        #expect(throws: CLIFailure.self) { try ArgumentScanner.scan(["--color", "blue"], operation: operation) }
    }

    @Test func colorOnAndOffDecideColorWhateverTheTerminal() throws {
        // The test runner's stdout may be a terminal, so only what holds either way is checked here; widths
        // through a pipe and a pseudo-terminal are the interoperability tests' (test_cli_table.py).
        #expect(TableTerminal.standardOutput(color: .on).colorized)
        #expect(!TableTerminal.standardOutput(color: .off).colorized)
    }
}
