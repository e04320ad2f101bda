import AWSWire
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
}
