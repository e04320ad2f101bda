import ArgumentParser
import AutomationCLI

/// The AWS CLI's global options, for subcommands that ArgumentParser reads itself (`watch`).
struct GlobalOptionGroup: ParsableArguments {
    @Flag(help: "Use the embedded local Automation engine instead of AWS.") var local = false
    @Option(name: .customLong("data-dir"), help: "The local engine's data directory.") var dataDirectory: String?
    @Option(help: "A profile from the shared config files.") var profile: String?
    @Option(help: "The AWS region.") var region: String?
    @Option(name: .customLong("endpoint-url"), help: "Send requests to this URL (e.g. ssm-console serve).") var endpointURL: String?
    @Flag(name: .customLong("no-verify-ssl"), help: "Do not verify TLS certificates.") var noVerifySSL = false
    @Option(name: .customLong("ca-bundle"), help: "A PEM file of certificate authorities to trust.") var caBundle: String?
    @Flag(help: "Log each signed request and response on stderr, secrets masked.") var debug = false
    @Option(name: .customLong("cli-read-timeout"), help: "Seconds to wait for data (0: no limit).") var readTimeout: Int?
    @Option(name: .customLong("cli-connect-timeout"), help: "Seconds to wait for a connection (0: no limit).") var connectTimeout: Int?

    /// The options as the parity subcommands read them; a negative timeout is bad input.
    func options() throws(CLIFailure) -> GlobalOptions {
        var options = GlobalOptions()
        options.local = local
        options.dataDirectory = dataDirectory
        options.profile = profile
        options.region = region
        options.endpointURL = endpointURL
        options.verifySSL = !noVerifySSL
        options.caBundle = caBundle
        options.debug = debug
        options.readTimeout = try readTimeout.map { seconds throws(CLIFailure) in
            try GlobalOptions.timeout(seconds: seconds, option: "--cli-read-timeout")
        }
        options.connectTimeout = try connectTimeout.map { seconds throws(CLIFailure) in
            try GlobalOptions.timeout(seconds: seconds, option: "--cli-connect-timeout")
        }
        return options
    }
}
