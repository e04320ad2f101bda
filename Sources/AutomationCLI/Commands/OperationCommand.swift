import AWSWire
import AutomationModel
import Connection
import Foundation

/// Runs one parity subcommand from its words to its output, as `aws ssm <operation>` would: parse, build the
/// request from flags over --cli-input-json/--cli-input-yaml, validate, send (following pages for the
/// describe operations), print. Returns the exit code; stdout and stderr are whatever the closures do.
public struct OperationCommand: Sendable {
    public let operation: OperationShape
    public var environment: [String: String]
    public var standardOutput: @Sendable (String) -> Void
    public var standardError: @Sendable (String) -> Void

    public init(
        operation: OperationShape, environment: [String: String] = ProcessInfo.processInfo.environment,
        standardOutput: @escaping @Sendable (String) -> Void = StandardStreams.writeOutput,
        standardError: @escaping @Sendable (String) -> Void = StandardStreams.writeError
    ) {
        self.operation = operation
        self.environment = environment
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// Runs the command and returns its exit code; errors are printed on stderr.
    public func run(_ words: [String]) async -> Int32 {
        do {
            try await execute(words)
            return CLIExitCode.success
        } catch {
            let failure = CLIFailure.from(error, operation: operation.apiName)
            if failure != .interrupted { standardError(failure.description + "\n") }
            return failure.exitCode
        }
    }

    func execute(_ words: [String]) async throws {
        let arguments = try ArgumentScanner.scan(words, operation: operation)
        if arguments.version {
            standardOutput(SSMConsoleVersion.line + "\n")
            return
        }
        if arguments.help {
            standardOutput(OperationHelp.text(operation))
            return
        }
        if let kind = arguments.skeleton {
            standardOutput(try Skeleton.render(operation, kind: kind))
            return
        }
        let request = try requestDocument(arguments)
        let paginated = try paginationApplies(arguments)
        let body = RequestValidation.encode(request)
        var checked = request
        // --page-size is sent as MaxResults on every page, so it gets MaxResults' limits before the first.
        if paginated, let pageSize = arguments.paging.pageSize { checked["MaxResults"] = .number(Double(pageSize)) }
        try RequestValidation.check(operation, request: RequestValidation.encode(checked))
        var settings = try outputSettings(arguments)
        if arguments.global.debug, let query = arguments.query {
            settings.queryTimeReport = { [standardError] elapsed in
                let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
                standardError("ssm-console --debug: --query '\(query.expression.text)' took \(String(format: "%.3f", milliseconds)) ms\n")
            }
        }

        let options = arguments.global.connectionOptions(wireLog: { [standardError] in standardError($0 + "\n") })
        try await ServiceConnection.during(options, environment: environment) { connection in
            let caller = OperationCaller(connection: connection)
            if paginated, let resultKey = operation.output.first(where: { $0.name != "NextToken" })?.name {
                let paginator = Paginator(resultKey: resultKey, options: arguments.paging)
                let result = try await paginator.pages(request: request.mapValues(WireJSON.init)) { page in
                    try WireJSON.parse(try await caller.call(operation, request: RequestValidation.encodeWire(page)))
                }
                ExecutionIDCache(environment: environment).record(result.pages)
                try OutputRenderer.render(
                    result, resultKey: resultKey, operation: operation, settings: settings, write: standardOutput)
            } else {
                let answer = try WireJSON.parse(try await caller.call(operation, request: body))
                ExecutionIDCache(environment: environment).record([answer])
                standardOutput(try OutputRenderer.render(answer, operation: operation, settings: settings))
                if connection.client == nil, let id = LocalSettling.executionId(operation, request: request, answer: answer) {
                    try await LocalSettling.wait(for: id, service: connection.service, notice: standardError)
                }
                if arguments.global.debug,
                    let count = await SignalApprovalCount.line(operation, request: request, service: connection.service)
                {
                    standardError(count + "\n")
                }
            }
        }
    }

    /// Flags converted by their model shapes, laid over the input document; required members checked.
    func requestDocument(_ arguments: ParsedArguments) throws -> [String: JSONValue] {
        var flags: [String: JSONValue] = [:]
        for member in operation.input {
            guard let words = arguments.parameters[member.name] else { continue }
            let flag = OperationShape.flagName(for: member.name)
            if member.shape == .boolean {
                flags[member.name] = .bool(words == ["true"])
            } else {
                flags[member.name] = try ParameterInput.value(
                    words, shape: member.shape, parameter: flag, member: member.name)
            }
        }
        let document = try CLIInput.load(json: arguments.cliInputJSON, yaml: arguments.cliInputYAML, operation: operation)
        let request = CLIInput.merge(document: document, flags: flags)
        let missing = operation.input.filter { $0.required && request[$0.name] == nil }
        guard missing.isEmpty else {
            let names = missing.map { OperationShape.flagName(for: $0.name) }.joined(separator: ", ")
            throw CLIFailure.input(
                "\(ArgumentScanner.usage(operation))\naws: error: the following arguments are required: \(names)")
        }
        return request
    }

    /// The describe operations page through NextToken unless --no-paginate, or a NextToken given by hand,
    /// turns that off (as in the AWS CLI); the paging flags then make no sense.
    func paginationApplies(_ arguments: ParsedArguments) throws(CLIFailure) -> Bool {
        let pageable = operation.output.contains { $0.name == "NextToken" }
        let paging = arguments.paging
        let usesPagingFlags = paging.maxItems != nil || paging.startingToken != nil || paging.pageSize != nil
        guard pageable else {
            if usesPagingFlags {
                throw CLIFailure.input("\(operation.cliName) returns one answer, not pages: leave out --max-items, --starting-token and --page-size.")
            }
            return false
        }
        let manual = arguments.parameters["NextToken"] != nil
        if (!paging.paginate || manual) && usesPagingFlags {
            throw CLIFailure.input(
                "Cannot specify --no-paginate (or --next-token) along with pagination arguments: --max-items, --starting-token, --page-size. Use --starting-token to resume from a token --max-items printed.")
        }
        return paging.paginate && !manual
    }

    /// How to print: --output, then AWS_DEFAULT_OUTPUT, then the profile's `output`, then json; the profile's
    /// `cli_timestamp_format`; --query; --color and the terminal. Decided before anything is sent, so a bad
    /// setting fails before a call that changes something rather than after it.
    func outputSettings(_ arguments: ParsedArguments) throws(CLIFailure) -> OutputSettings {
        // An unknown profile or a malformed file is the connection's error to report; here it means no setting.
        let profile = try? AWSProfile.selected(
            options: arguments.global.connectionOptions(wireLog: nil).aws, environment: environment,
            homeDirectory: environment["HOME"] ?? NSHomeDirectory())
        let origin = { (key: String) in "the \(key) setting of profile '\(profile?.name ?? "default")'" }
        let format = try OutputFormatChoice.resolve(arguments.global, environment: environment)
        return OutputSettings(
            format: format, query: arguments.query,
            timestamps: try TimestampFormat.named(profile?["cli_timestamp_format"], origin: origin("cli_timestamp_format")),
            terminal: TableTerminal.standardOutput(color: arguments.global.color))
    }
}
