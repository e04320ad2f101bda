import AWSWire
import AutomationCLI
import ArgumentParser
import AutomationModel
import Connection
import Console
import ConsoleSettings
import Foundation
import Logging
import TerminalBackend

struct SSMConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssm-console",
        abstract: "Watch and answer AWS Systems Manager Automation executions.",
        discussion: """
            Without --local, ssm-console finds AWS as the AWS CLI does (--profile, --region, --endpoint-url, the
            AWS_* variables and ~/.aws). With --local, it runs its own Automation engine on this machine: real
            schema-0.3 runbooks, stored under the data directory, with a demo seeded on first start.
            Every signal, start and stop sent is recorded in $XDG_STATE_HOME/ssm-console/audit.log.
            Settings (refresh, profile and region, read-only profiles, bell, title, colours, keys, clipboard, mouse)
            come from $XDG_CONFIG_HOME/ssm-console/config.yaml; flags win. See: ssm-console config --default.
            """,
        version: SSMConsoleVersion.line,
        subcommands: CLISubcommands.all + [ServeCommand.self, ConfigCommand.self, CompletionCommand.self, ManualCommand.self, CompletionValuesCommand.self])

    @Flag(name: .long, help: "Use the embedded local Automation engine instead of AWS.")
    var local = false

    @OptionGroup var dataDirectory: DataDirectoryOption

    @Option(help: "A profile from the shared config files.")
    var profile: String?

    @Option(help: "The AWS region.")
    var region: String?

    @Option(name: .customLong("endpoint-url"), help: "Send requests to this URL (e.g. an ssm-console serve endpoint).")
    var endpointURL: String?

    @Flag(name: .customLong("no-verify-ssl"), help: "Do not verify TLS certificates.")
    var noVerifySSL = false

    @Option(name: .customLong("ca-bundle"), help: "A PEM file of certificate authorities to trust.")
    var caBundle: String?

    @Option(
        help: ArgumentHelp(
            "Seconds between automatic refreshes (at least \(Int(ConsoleOptions.minimumRefresh.components.seconds)); default \(Int(ConsoleOptions.defaultRefresh.components.seconds)), or the config file's).",
            valueName: "SECONDS"))
    var refresh: Double?

    @Flag(name: .customLong("read-only"), help: "Watch only: no signals, starts or stops.")
    var readOnly = false

    @Flag(name: .customLong("no-color"), help: "No colours (NO_COLOR does the same).")
    var noColor = false

    @Flag(name: .customLong("no-bell"), help: "Do not ring the bell when an approval starts waiting on you.")
    var noBell = false

    @Flag(name: .customLong("no-title"), help: "Do not show the approvals waiting on you in the terminal title.")
    var noTitle = false

    /// A console shows an unreachable endpoint within seconds instead of after the AWS CLI's 60-second wait
    /// per attempt; the status line reports each retry meanwhile.
    static let connectTimeout: Duration = .seconds(5)

    /// The longest interval --refresh takes: a day.
    static let maximumRefresh: Double = 86_400

    func validate() throws {
        let floor = Double(ConsoleOptions.minimumRefresh.components.seconds)
        guard let refresh else { return }
        guard refresh.isFinite, refresh >= floor, refresh <= Self.maximumRefresh else {
            throw ValidationError(
                "--refresh takes seconds from \(Int(floor)) (the SSM quotas allow no faster polling) to \(Int(Self.maximumRefresh)), such as 5; got \(refresh).")
        }
    }

    func run() async throws {
        guard TerminalConsole.isInteractive else {
            FileHandle.standardError.write(Data(
                "ssm-console: the console needs a terminal on stdin and stdout. Run it in a terminal, or use a subcommand such as 'ssm-console describe-automation-executions' in scripts.\n".utf8))
            throw ExitCode(2)
        }
        if ConsoleSupervisor.shouldSupervise(
            isInteractive: true, isSupervisedChild: ConsoleSupervisor.isSupervisedChild,
            environment: ProcessInfo.processInfo.environment)
        {
            // This process stays the one the shell waits for, and restores the terminal however the console ends.
            ConsoleSupervisor.runConsoleAsChild()
        }
        // A bad config file stops the console before anything starts, rather than guessing what was meant.
        let file: SettingsFile.Loaded
        do {
            file = try SettingsFile.load(environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data(
                (error.problems.map { "ssm-console: \($0)" }.joined(separator: "\n")
                    + "\nssm-console: fix the config file (ssm-console config --default prints every setting).\n").utf8))
            throw ExitCode(2)
        }
        let settingsFile = file.settings
        for warning in file.warnings { FileHandle.standardError.write(Data("ssm-console: warning: \(warning)\n".utf8)) }
        let profile = self.profile ?? settingsFile.profile
        let region = self.region ?? settingsFile.region
        let refresh = self.refresh ?? settingsFile.refreshSeconds
        let logFile = AuditLog.standard().url.deletingLastPathComponent().appendingPathComponent("console.log")
        do {
            try ConsoleLogFile.bootstrap(url: logFile)
        } catch {
            FileHandle.standardError.write(Data(
                "ssm-console: cannot write the log \(logFile.path) (\(error.localizedDescription)); logs are dropped while the console runs.\n".utf8))
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        }
        let mailbox = try ConsoleMailbox()
        let signals = TerminationSignals(mailbox: mailbox)
        defer { signals.cancel() }
        if local { FileHandle.standardError.write(Data("ssm-console: starting the local engine…\n".utf8)) }
        let connection: ServiceConnection
        let options = ServiceConnectionOptions(
            local: local, dataDirectory: dataDirectory.path.map { URL(fileURLWithPath: $0) },
            aws: AWSConfigurationOptions(
                profile: profile, region: region, endpointURL: endpointURL, caBundle: caBundle,
                verifySSL: !noVerifySSL, connectTimeout: Self.connectTimeout),
            seedDemo: local, quotas: .aws,
            paceWaited: { operation, waited in
                guard let notice = CoreNotice.rateLimitedIfNoticeable(operation: operation.name, waited: waited)
                else { return }
                mailbox.post(.notice(notice, at: Date()))
            })
        let observer: @Sendable (SSMClientEvent) -> Void = { event in
            mailbox.post(.notice(ConsoleConnection.notice(for: event), at: Date()))
        }
        do {
            connection = try await ServiceConnection.open(options, observer: observer)
            // Credentials are otherwise looked up at the first call: find out now, while the error can still be
            // printed plainly and the exit status say what went wrong.
            _ = try await connection.client?.wire.credentialsProvider.credentials()
        } catch {
            let failure = ConnectionFailure(error) ?? .unavailable("\(error)")
            FileHandle.standardError.write(Data("ssm-console: \(failure.message)\n".utf8))
            throw ExitCode(failure.exitCode)
        }
        if let stop = mailbox.stopRequested {
            // Interrupted while connecting: no need to start the screen only to end it.
            await connection.close()
            throw ExitCode(stop.exitCode)
        }
        // Who you are decides what waits on you. Without it (STS unreachable, say) the console still works and
        // its header says the identity is unknown.
        let identity: CallerIdentity?
        do {
            identity = try await connection.callerIdentity()
        } catch {
            Logger(label: "ssm-console").warning("Could not learn who you are (STS GetCallerIdentity): \(error)")
            identity = nil
        }
        let switching = ConsoleSwitching(
            first: connection, options: options, settings: settingsFile, readOnly: readOnly, observer: observer)
        var settings = TerminalConsole.Settings(
            target: ConsoleConnection.target(of: connection, identity: identity),
            readOnly: switching.isReadOnly(connection),
            refreshInterval: .milliseconds(Int(refresh * 1000)), noColor: noColor, auditLog: .standard(),
            describeError: ConsoleConnection.describeError, bell: !noBell && settingsFile.bell,
            title: !noTitle && settingsFile.title)
        settings.skin = settingsFile.skin
        settings.keys = settingsFile.keys
        settings.clipboard = settingsFile.clipboard
        settings.mouse = settingsFile.mouse
        settings.startupWarnings = file.warnings.map(\.description)
        settings.firstScreenShown = {
            connection.seedDemoInBackground { mailbox.post(.demoSeeded(at: Date())) }
        }
        if !local {
            settings.connect = switching.connect
            settings.targetChoices = TargetChoices(
                profiles: CompletionValues.lines(.profiles, environment: ProcessInfo.processInfo.environment),
                regions: SSMRegions.all)
        }
        let exit: ConsoleExit
        do {
            exit = try await TerminalConsole.run(service: connection.service, settings: settings, mailbox: mailbox)
        } catch {
            // Curses is already ended here (the console restores the terminal before it returns).
            await switching.closeAll()
            FileHandle.standardError.write(Data("ssm-console: \(error)\n".utf8))
            throw ExitCode(1)
        }
        // Shutting the engine down also ends its running steps' processes, so a dropped SSH link leaves none.
        await switching.closeAll()
        if exit != .quit { throw ExitCode(exit.exitCode) }
    }
}
