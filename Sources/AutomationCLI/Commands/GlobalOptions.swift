import AWSWire
import Connection
import Foundation

/// The AWS CLI's global options that the parity subcommands take, plus `--local` and `--data-dir`.
public struct GlobalOptions: Sendable, Equatable {
    public var profile: String?
    public var region: String?
    public var endpointURL: String?
    /// nil: AWS_DEFAULT_OUTPUT, the profile's `output`, then json.
    public var output: OutputFormat?
    /// `--color`, for tables.
    public var color = TableColor.auto
    public var verifySSL = true
    public var caBundle: String?
    public var debug = false
    public var readTimeout: Duration?
    public var connectTimeout: Duration?
    public var local = false
    public var dataDirectory: String?

    public init() {}

    /// The options before or after a subcommand's name that take a value, as the AWS CLI reads them.
    public static let valueOptionNames: Set<String> = CommandLineCatalog.valueOptionNames

    /// --cli-read-timeout and --cli-connect-timeout: whole seconds, where botocore reads 0 as "no limit" (a
    /// year here, as good as none). The error carries no program prefix: each parser adds its own.
    public static func timeout(seconds: Int, option: String) throws(CLIFailure) -> Duration {
        guard seconds >= 0 else {
            throw CLIFailure.input(
                "argument \(option): \(seconds) is negative. Give whole seconds, such as \(option) 30 (0 waits without limit).")
        }
        return seconds == 0 ? .seconds(365 * 24 * 3600) : .seconds(seconds)
    }

    /// The connection these options describe. `--debug` logs each HTTP exchange through `wireLog`.
    public func connectionOptions(wireLog: (@Sendable (String) -> Void)?) -> ServiceConnectionOptions {
        ServiceConnectionOptions(
            local: local, dataDirectory: dataDirectory.map { URL(fileURLWithPath: $0) },
            aws: AWSConfigurationOptions(
                profile: profile, region: region, endpointURL: endpointURL, caBundle: caBundle, verifySSL: verifySSL,
                connectTimeout: connectTimeout, readTimeout: readTimeout),
            seedDemo: false, quotas: .unlimited, wireLog: debug ? wireLog : nil)
    }
}

/// `--max-items`, `--starting-token`, `--page-size` and `--no-paginate`, with the AWS CLI's meanings.
public struct PagingOptions: Sendable, Equatable {
    public var maxItems: Int?
    public var startingToken: String?
    public var pageSize: Int?
    public var paginate = true

    public init(maxItems: Int? = nil, startingToken: String? = nil, pageSize: Int? = nil, paginate: Bool = true) {
        self.maxItems = maxItems
        self.startingToken = startingToken
        self.pageSize = pageSize
        self.paginate = paginate
    }

    /// --max-items counts results to print, so it must be at least one.
    static func checkedMaxItems(_ value: Int) throws(CLIFailure) -> Int {
        guard value >= 1 else {
            throw CLIFailure.input(
                "aws: error: argument --max-items must be at least 1; got \(value). Give how many results to print, such as --max-items 10, or leave it out for all of them.")
        }
        return value
    }
}
