import AWSWire
import AutomationModel
import Connection
import Console

/// What the console needs from the connection: the header's target, and the wire client's reports and
/// errors in the console's terms.
enum ConsoleConnection {
    /// - Parameter identity: who calls, from STS or the local engine; nil when it could not be learnt.
    static func target(of connection: ServiceConnection, identity: CallerIdentity?) -> ConsoleTarget {
        switch connection.description {
        case .local(let directory):
            return ConsoleTarget(kind: .local(dataDirectory: directory), principal: connection.principal, identity: identity)
        case .aws(let profile, let region, let endpoint):
            return ConsoleTarget(
                kind: .aws(profile: profile, region: region, endpoint: endpoint), principal: connection.principal,
                identity: identity, credentialSource: connection.credentialSourceKind.map { credentialWords($0, profile: profile) })
        }
    }

    /// The header's words for where the credentials came from: the profile only when they came from it.
    static func credentialWords(_ kind: CredentialSourceKind, profile: String) -> String {
        switch kind {
        case .environment: return "environment credentials"
        case .webIdentity: return "web identity"
        case .profile: return "profile \(profile)"
        case .credentialProcess: return "profile \(profile) (credential_process)"
        case .assumedRole: return "profile \(profile) (assumed role)"
        case .sso: return "profile \(profile) (SSO)"
        case .container: return "container credentials"
        case .instanceMetadata: return "instance role"
        }
    }

    static func notice(for event: SSMClientEvent) -> CoreNotice {
        switch event {
        case .throttled(let operation, let retryIn):
            return .throttled(operation: operation.name, retryIn: retryIn)
        case .retrying(let operation, let attempt, let error, let retryIn):
            return .retrying(operation: operation.name, attempt: attempt, reason: error, retryIn: retryIn)
        }
    }

    /// AWS errors keep their code; transport failures get one saying what kind of failure it was.
    static let describeError: ServiceErrorDescriber = { error in
        if let configuration = error as? AWSConfigurationError {
            // Credentials that expired or vanished while the console runs.
            return ServiceError(ServiceError.Code(rawValue: "ConfigurationError"), configuration.message)
        }
        guard let wire = error as? AWSWireError else { return ServiceErrorDescription.standard(error) }
        let code: String
        switch wire.kind {
        case .connectTimeout, .readTimeout, .connectionFailed: code = "ConnectionError"
        case .tlsFailure: code = "SSLError"
        case .malformedResponse: code = "MalformedResponse"
        case .invalidRequest: code = "InvalidRequest"
        }
        return ServiceError(ServiceError.Code(rawValue: code), wire.message)
    }
}
