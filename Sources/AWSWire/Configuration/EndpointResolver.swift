import Foundation

/// A service endpoint and the setting it came from.
public struct ResolvedEndpoint: Sendable, Hashable {
    public var url: URL
    /// e.g. "--endpoint-url", "AWS_ENDPOINT_URL_SSM", "[services local] in the config file", "the default".
    public var source: String
}

/// Picks a service's endpoint: `--endpoint-url`, AWS_ENDPOINT_URL_<KEY>, AWS_ENDPOINT_URL, the profile's
/// `services` section, the profile's `endpoint_url`, then the default. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
/// (or the profile's ignore_configured_endpoint_urls) turns off the environment and profile settings.
struct EndpointResolver: Sendable {
    let explicitURL: String?
    let environment: [String: String]
    let profile: AWSProfile
    let services: [String: [String: [String: String]]]
    let ignoreConfigured: Bool
    let region: String

    func resolve(_ service: AWSServiceEndpoint, useExplicit: Bool = true) throws(AWSConfigurationError) -> ResolvedEndpoint {
        if useExplicit, let explicitURL, !explicitURL.isEmpty {
            return ResolvedEndpoint(url: try parse(explicitURL, source: "--endpoint-url"), source: "--endpoint-url")
        }
        if !ignoreConfigured {
            for name in ["AWS_ENDPOINT_URL_\(service.environmentKey)", "AWS_ENDPOINT_URL"] {
                if let value = environment[name], !value.isEmpty {
                    return ResolvedEndpoint(url: try parse(value, source: name), source: name)
                }
            }
            if let sectionName = profile["services"] {
                guard let section = services[sectionName] else {
                    throw AWSConfigurationError(
                        .invalidFile,
                        "Profile '\(profile.name)' sets services = \(sectionName), but the config file has no [services \(sectionName)] section. Add the section or remove the setting."
                    )
                }
                if let value = section[service.configKey]?["endpoint_url"], !value.isEmpty {
                    let source = "endpoint_url for \(service.configKey) in [services \(sectionName)]"
                    return ResolvedEndpoint(url: try parse(value, source: source), source: source)
                }
            }
            if let value = profile["endpoint_url"] {
                let source = "endpoint_url of profile '\(profile.name)'"
                return ResolvedEndpoint(url: try parse(value, source: source), source: source)
            }
        }
        return ResolvedEndpoint(url: service.defaultURL(region: region), source: "the default")
    }

    private func parse(_ text: String, source: String) throws(AWSConfigurationError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            throw AWSConfigurationError(
                .invalidValue,
                "The endpoint URL '\(text)' from \(source) is not a valid URL. Give a full URL with scheme and host, such as http://127.0.0.1:8080 or https://ssm.us-east-1.amazonaws.com."
            )
        }
        return url
    }
}
