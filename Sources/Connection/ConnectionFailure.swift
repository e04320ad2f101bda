import AWSWire
import LocalEngine

/// Why a connection could not be opened or used, in the AWS CLI's terms, for the console and the CLI alike.
public enum ConnectionFailure: Error, Sendable, Equatable {
    /// AWS is not configured: no region, no credentials, an unknown profile (exit 253).
    case configuration(String)
    /// The endpoint cannot be reached, or the local engine's data directory is held by another process (exit 255).
    case unavailable(String)

    /// The failure `error` stands for, or nil when it is not a connection failure (a service error, say).
    public init?(_ error: any Error) {
        switch error {
        case let configuration as AWSConfigurationError: self = .configuration(configuration.message)
        case let wire as AWSWireError: self = .unavailable(wire.message)
        case let inUse as DataDirectoryInUse: self = .unavailable(inUse.message)
        default: return nil
        }
    }

    public var message: String {
        switch self {
        case .configuration(let message), .unavailable(let message): return message
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .configuration: return CLIExitCode.configurationError
        case .unavailable: return CLIExitCode.otherError
        }
    }
}
