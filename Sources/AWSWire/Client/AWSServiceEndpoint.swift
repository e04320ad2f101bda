import Foundation

/// How a service's endpoint is named: the host prefix of its default endpoint, the suffix of its
/// AWS_ENDPOINT_URL_<KEY> variable, and its key in a config file `[services …]` section.
public struct AWSServiceEndpoint: Sendable, Hashable {
    public var endpointPrefix: String
    public var environmentKey: String
    public var configKey: String

    public init(endpointPrefix: String, environmentKey: String, configKey: String) {
        self.endpointPrefix = endpointPrefix
        self.environmentKey = environmentKey
        self.configKey = configKey
    }

    public static let ssm = AWSServiceEndpoint(endpointPrefix: "ssm", environmentKey: "SSM", configKey: "ssm")
    public static let stepFunctions = AWSServiceEndpoint(
        endpointPrefix: "states", environmentKey: "SFN", configKey: "sfn")
    public static let sts = AWSServiceEndpoint(endpointPrefix: "sts", environmentKey: "STS", configKey: "sts")

    /// `https://<prefix>.<region>.amazonaws.com` (`.amazonaws.com.cn` in the China regions).
    public func defaultURL(region: String) -> URL {
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return URL(string: "https://\(endpointPrefix).\(region).\(suffix)")!
    }
}
