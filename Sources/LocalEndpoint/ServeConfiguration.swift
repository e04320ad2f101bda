import Foundation
import LocalEngine

/// An access key the endpoint accepts, and the principal requests signed with it run as.
public struct ServeAccessKey: Sendable, Hashable {
    public var accessKeyId: String
    public var secretAccessKey: String
    /// ExecutedBy of what this key starts, and the caller aws:approve Approvers are matched against.
    public var principalArn: String
    /// The principal's IAM group names, which aws:approve Approvers naming a group match.
    public var groups: [String]

    public init(accessKeyId: String, secretAccessKey: String, principalArn: String, groups: [String] = []) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.principalArn = principalArn
        self.groups = groups
    }

    /// `arn:aws:iam::123456789012:user/NAME`: a local IAM user in the engine's account.
    public static func defaultPrincipal(userName: String) -> String {
        "arn:aws:iam::\(EngineConfiguration.localAccountId):user/\(userName)"
    }
}

/// Request-rate limits: none, or the per-operation rates AWS applies to Automation calls.
public enum ServeQuotas: String, Sendable, CaseIterable {
    case none
    case aws
}

/// How `ssm-console serve` is set up.
public struct ServeConfiguration: Sendable {
    public var host: String
    /// 0 binds any free port; `RunningEndpoint.port` tells which.
    public var port: Int
    public var dataDirectory: URL
    /// Empty: load the pair kept in the data directory, creating it on first start.
    public var accessKeys: [ServeAccessKey]
    /// IAM group names by access key ID (`--key-groups`), added to the groups each key already has.
    public var keyGroups: [String: [String]]
    public var instances: [ManagedInstance]
    public var quotas: ServeQuotas
    /// Stop gracefully on SIGINT and SIGTERM (for the command line; in-process users call `stop()`).
    public var stopsOnSignals: Bool
    /// Timeouts, the connection cap and the body limit.
    public var limits: ConnectionLimits

    public init(
        host: String = "127.0.0.1", port: Int = 4583, dataDirectory: URL, accessKeys: [ServeAccessKey] = [],
        keyGroups: [String: [String]] = [:], instances: [ManagedInstance] = [ManagedInstanceRegistry.localhost], quotas: ServeQuotas = .none,
        stopsOnSignals: Bool = false, limits: ConnectionLimits = .standard
    ) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.accessKeys = accessKeys
        self.keyGroups = keyGroups
        self.instances = instances
        self.quotas = quotas
        self.stopsOnSignals = stopsOnSignals
        self.limits = limits
    }

    public static let defaultPort = 4583
}
