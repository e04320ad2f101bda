import ArgumentParser
import AutomationCLI
import ConsoleSettings
import Foundation

/// `ssm-console config`: says which config file the console reads and whether it is good; `--default` prints
/// the default file, made from the same definitions the console reads it with.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: CommandLineCatalog.config.summary,
        discussion: """
            The console reads $XDG_CONFIG_HOME/ssm-console/config.yaml (~/.config/ssm-console/config.yaml when \
            XDG_CONFIG_HOME is unset). Start one with: ssm-console config --default > FILE.
            """)

    @Flag(name: .customLong("default"), help: "Print the default config file: every setting, its default and what it does.")
    var printDefault = false

    func run() throws {
        if printDefault {
            FileHandle.standardOutput.write(Data(SettingsFile.defaultFile().utf8))
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let loaded: SettingsFile.Loaded
        do {
            loaded = try SettingsFile.load(environment: environment)
        } catch {
            FileHandle.standardError.write(Data((error.problems.map { "ssm-console: \($0)" }.joined(separator: "\n") + "\n").utf8))
            throw ExitCode(2)
        }
        for warning in loaded.warnings { FileHandle.standardError.write(Data("ssm-console: warning: \(warning)\n".utf8)) }
        let location = SettingsFile.path(environment: environment) ?? "(no HOME or XDG_CONFIG_HOME)"
        let line = loaded.path == nil ? "\(location): no file; the defaults apply.\n" : "\(location): good.\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}
