import AWSWire
import AutomationModel
import Connection

/// Why a subcommand failed, with the exit code the AWS CLI v2 uses for it and the text it prints on stderr.
public enum CLIFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bad input caught before anything was sent (exit 252).
    case input(String)
    /// AWS is not configured: no region, no credentials, unknown profile (exit 253).
    case configuration(String)
    /// The service answered with an error (exit 254).
    case service(code: String, message: String, operation: String)
    /// Anything else: the endpoint unreachable, a data directory in use (exit 255).
    case other(String)
    /// Ctrl-C (exit 130).
    case interrupted

    public var exitCode: Int32 {
        switch self {
        case .input: return CLIExitCode.inputError
        case .configuration: return CLIExitCode.configurationError
        case .service: return CLIExitCode.serviceError
        case .other: return CLIExitCode.otherError
        case .interrupted: return CLIExitCode.interrupted
        }
    }

    /// What goes to stderr. Service errors read exactly as the AWS CLI writes them, after its blank line.
    public var description: String {
        switch self {
        case .input(let message): return message
        case .configuration(let message): return message
        case .service(let code, let message, let operation):
            return "\nAn error occurred (\(code)) when calling the \(operation) operation: \(message)"
        case .other(let message): return message
        case .interrupted: return ""
        }
    }

    /// Classifies an error thrown while connecting or calling `operation`.
    public static func from(_ error: any Error, operation: String) -> CLIFailure {
        switch error {
        case let failure as CLIFailure: return failure
        case let input as CommandLineInputError: return .input(input.message)
        case let service as ServiceError:
            return .service(code: service.code.rawValue, message: service.message, operation: operation)
        case is CancellationError: return .interrupted
        default:
            switch ConnectionFailure(error) {
            case .configuration(let message): return .configuration(message)
            case .unavailable(let message): return .other(message)
            case nil: return .other("\(error)")
            }
        }
    }
}
