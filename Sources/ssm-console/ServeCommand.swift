import ArgumentParser
import Foundation
import LocalEndpoint
import LocalEngine

/// `ssm-console serve`: the local engine behind an SSM-compatible endpoint the AWS CLI and SDKs can call.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the local Automation engine as an SSM-compatible HTTP endpoint.",
        discussion: """
            Requests must be signed (SigV4, service ssm, any region) with one of the access keys. Without \
            --access-key, a key pair is created in the data directory on first start and reused afterwards \
            (serve-access-key.json; its optional "Groups": ["G1"] lists the principal's IAM groups).

            A key's principal is who starts, signals and approves; aws:approve Approvers match it by user or \
            role name or ARN, an assumed-role session by its role, and by the IAM groups --key-groups (or the \
            key file) gives it. STS GetCallerIdentity (a form body signed for sts) answers each key's Arn, \
            UserId and Account, so `aws sts get-caller-identity --endpoint-url URL` works.

            Ctrl-C or SIGTERM stops the endpoint after the requests in flight.
            """)

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = ServeConfiguration.defaultPort

    @OptionGroup var dataDirectory: DataDirectoryOption

    @Option(
        name: .customLong("access-key"),
        help: ArgumentHelp("An accepted access key (repeatable); the principal defaults to arn:aws:iam::123456789012:user/ID.", valueName: "ID:SECRET[:PRINCIPAL_ARN]"),
        transform: { text in try ServeCommand.parsed { () throws(ServeSetupError) in try ServeArguments.accessKey(text) } })
    var accessKeys: [ServeAccessKey] = []

    @Option(
        name: .customLong("key-groups"),
        help: ArgumentHelp("The IAM group names of an access key's principal (repeatable), for aws:approve Approvers that name groups.", valueName: "ID=GROUP[,GROUP...]"),
        transform: { text in try ServeCommand.parsed { () throws(ServeSetupError) in try ServeArguments.keyGroups(text) } })
    var keyGroups: [ServeKeyGroups] = []

    @Option(
        name: .customLong("instance"),
        help: ArgumentHelp("A managed instance with its tags (repeatable; default: the demo fleet, mi-00000000000000001 and 12 instances tagged Env and Role).", valueName: "ID[,KEY=VALUE...]"),
        transform: { text in try ServeCommand.parsed { () throws(ServeSetupError) in try ServeArguments.instance(text) } })
    var instances: [ManagedInstance] = []

    @Option(
        help: ArgumentHelp("Request-rate limits: none, or aws for AWS's per-operation rates.", valueName: "none|aws"),
        transform: { text in try ServeCommand.parsed { () throws(ServeSetupError) in try ServeArguments.quotas(text) } })
    var quotas: ServeQuotas = .none

    @Option(help: ArgumentHelp("Seconds a client has from a request's first byte to the end of its headers; a slower one is closed.", valueName: "SECONDS"))
    var headerTimeout = Double(ConnectionLimits.standard.headerReadTimeout.components.seconds)

    @Option(help: ArgumentHelp("Seconds a connection may wait for its next request (or its first) before it is closed.", valueName: "SECONDS"))
    var idleTimeout = Double(ConnectionLimits.standard.idleTimeout.components.seconds)

    @Option(help: ArgumentHelp("Open connections; beyond it the longest-idle connection is closed to make room (a new one is refused only when every connection is mid-request).", valueName: "COUNT"))
    var maxConnections = ConnectionLimits.standard.maximumConnections

    @Option(help: ArgumentHelp("The largest request body, in bytes; a larger one is refused (413) by its Content-Length, before it is read.", valueName: "BYTES"))
    var maxBodySize = ConnectionLimits.standard.maximumBodyBytes

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535 (0 picks a free port); got \(port).")
        }
        for (flag, seconds) in [("--header-timeout", headerTimeout), ("--idle-timeout", idleTimeout)]
        where !(seconds > 0 && seconds <= 86_400) {
            throw ValidationError("\(flag) must be more than 0 and at most 86400 seconds; got \(seconds).")
        }
        guard maxConnections >= 1 else {
            throw ValidationError("--max-connections must be at least 1; got \(maxConnections).")
        }
        guard maxBodySize >= 1024 else {
            throw ValidationError("--max-body-size must be at least 1024 bytes; got \(maxBodySize).")
        }
    }

    func run() async throws {
        let directory = dataDirectory.url
        let endpoint = try await SSMEndpoint.start(
            ServeConfiguration(
                host: host, port: port, dataDirectory: directory, accessKeys: accessKeys,
                keyGroups: Dictionary(keyGroups.map { ($0.accessKeyId, $0.groups) }, uniquingKeysWith: +),
                instances: instances.isEmpty ? DemoFleet.instances : instances, quotas: quotas,
                stopsOnSignals: true,
                limits: ConnectionLimits(
                    headerReadTimeout: .milliseconds(Int64(headerTimeout * 1000)),
                    idleTimeout: .milliseconds(Int64(idleTimeout * 1000)), maximumConnections: maxConnections,
                    maximumBodyBytes: maxBodySize)))
        let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(endpoint.port)"
        // Written straight to the file descriptor (unbuffered) so a script reading the first line sees it at once.
        write("ssm-console serve: listening on \(url)\n")
        write(ServeUsage.text(url: url, key: endpoint.accessKeys[0], dataDirectory: directory))
        try await endpoint.waitUntilStopped()
        write("ssm-console serve: stopped; the engine's data is in \(directory.path)\n")
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Turns a value-form error into the ValidationError ArgumentParser reports with the usage.
    private static func parsed<Value>(_ parse: () throws(ServeSetupError) -> Value) throws -> Value {
        do {
            return try parse()
        } catch {
            throw ValidationError(error.message)
        }
    }
}

/// How to point the AWS CLI and SDKs at the endpoint.
enum ServeUsage {
    static func text(url: String, key: ServeAccessKey, dataDirectory: URL) -> String {
        let region = ProcessInfo.processInfo.environment["AWS_REGION"] ?? "us-east-1"
        return """

            Engine data: \(dataDirectory.path)
            Requests run as: \(key.principalArn)\(key.groups.isEmpty ? "" : " (groups: \(key.groups.joined(separator: ", ")))")

            AWS CLI profile (~/.aws/config and ~/.aws/credentials):
              [profile ssm-local]
              region = \(region)
              endpoint_url = \(url)

              [ssm-local]
              aws_access_key_id = \(key.accessKeyId)
              aws_secret_access_key = \(key.secretAccessKey)

            Environment variables:
              export AWS_ACCESS_KEY_ID=\(key.accessKeyId)
              export AWS_SECRET_ACCESS_KEY=\(key.secretAccessKey)
              export AWS_DEFAULT_REGION=\(region)
              export AWS_ENDPOINT_URL_SSM=\(url)
              export AWS_ENDPOINT_URL_STS=\(url)

            Then, for example: aws ssm describe-automation-executions
            Press Ctrl-C to stop.

            """
    }
}
