import Foundation
import AutomationModel

/// What the console is connected to, for the header, the audit log and the generated CLI command lines.
public struct ConsoleTarget: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The embedded engine in this process, with its data directory.
        case local(dataDirectory: String)
        /// AWS or an SSM-compatible endpoint such as `ssm-console serve`.
        case aws(profile: String, region: String, endpoint: String)
    }

    public var kind: Kind
    /// Who signals are sent as: the local principal ARN, or the profile's identity as far as it is known.
    public var principal: String
    /// Who the caller is, as STS GetCallerIdentity answers; nil while it is not known. Approvals are matched
    /// against it, and the header shows it.
    public var identity: CallerIdentity?
    /// Where the credentials came from, in the header's words ("profile ops (SSO)", "environment credentials",
    /// "instance role"); nil says only the profile.
    public var credentialSource: String?

    public init(kind: Kind, principal: String, identity: CallerIdentity? = nil, credentialSource: String? = nil) {
        self.kind = kind
        self.principal = principal
        self.identity = identity
        self.credentialSource = credentialSource
    }

    /// One line for the header: `local engine ~/.local/state/…`, `AWS profile default · eu-west-1 · https://…`,
    /// or with the credentials' source in place of the profile (`AWS environment credentials · …`).
    public var label: String {
        switch kind {
        case .local(let directory): return "local engine \(directory)"
        case .aws(let profile, let region, let endpoint):
            return "AWS \(credentialSource ?? "profile \(profile)") · \(region) · \(endpoint)"
        }
    }

    /// The engine on this machine, in process or behind `serve` on the loopback address: its managed instances
    /// are the ones a tag target resolves to, so the start form can count them.
    public var isThisMachine: Bool {
        switch kind {
        case .local: return true
        case .aws(_, _, let endpoint):
            let host = URL(string: endpoint)?.host ?? ""
            return host == "127.0.0.1" || host == "localhost" || host == "::1"
        }
    }

    /// The global options an equivalent `aws` command line needs to reach the same place
    /// (`--profile p --region r --endpoint-url u`); empty for the local engine's defaults.
    public var awsCommandLineOptions: [String] {
        switch kind {
        case .local: return []
        case .aws(let profile, let region, let endpoint):
            var options: [String] = []
            if profile != "default" { options += ["--profile", profile] }
            options += ["--region", region]
            if !endpoint.hasSuffix(".amazonaws.com") && !endpoint.hasSuffix(".amazonaws.com/") {
                options += ["--endpoint-url", endpoint]
            }
            return options
        }
    }
}
