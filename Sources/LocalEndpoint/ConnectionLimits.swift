/// What `serve` allows a connection, so idle or slow clients cannot take the endpoint from signed ones: about
/// 20,000 idle connections once exhausted its file descriptors and made a signed call wait 19 s.
public struct ConnectionLimits: Sendable, Hashable {
    /// From a request's first byte to the end of its headers (`--header-timeout`); a slower sender is closed.
    public var headerReadTimeout: Duration
    /// Between requests on a kept-alive connection, and before the first (`--idle-timeout`).
    public var idleTimeout: Duration
    /// Open connections (`--max-connections`). Beyond it the longest-waiting connection with no request in
    /// progress is closed to make room; only when every connection is in the middle of a request is the new
    /// one refused.
    public var maximumConnections: Int
    /// The largest request body (`--max-body-size`), refused by its Content-Length before any of it is read.
    public var maximumBodyBytes: Int

    public init(
        headerReadTimeout: Duration = ConnectionLimits.standard.headerReadTimeout,
        idleTimeout: Duration = ConnectionLimits.standard.idleTimeout,
        maximumConnections: Int = ConnectionLimits.standard.maximumConnections,
        maximumBodyBytes: Int = ConnectionLimits.standard.maximumBodyBytes
    ) {
        self.headerReadTimeout = headerReadTimeout
        self.idleTimeout = idleTimeout
        self.maximumConnections = maximumConnections
        self.maximumBodyBytes = maximumBodyBytes
    }

    private init(standardHeaderReadTimeout: Duration, idle: Duration, connections: Int, body: Int) {
        headerReadTimeout = standardHeaderReadTimeout
        idleTimeout = idle
        maximumConnections = connections
        maximumBodyBytes = body
    }

    /// 10 s for headers (a client sends them at once), 60 s idle (longer than the AWS CLI and boto3 keep a
    /// pooled connection unused), 1,000 connections (far more than the clients of one machine, far below
    /// the descriptors a process has), 1 MiB bodies (a 64 KB document, JSON-escaped, is at most 384 KB).
    public static let standard = ConnectionLimits(
        standardHeaderReadTimeout: .seconds(10), idle: .seconds(60), connections: 1_000, body: 1024 * 1024)
}
