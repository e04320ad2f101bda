import AWSWire
import AutomationModel
import LocalEngine

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
        case let configuration as AWSConfigurationError: return .configuration(configuration.message)
        case let service as ServiceError:
            return .service(code: service.code.rawValue, message: service.message, operation: operation)
        case let wire as AWSWireError: return .other(wire.message)
        case let inUse as DataDirectoryInUse: return .other(inUse.message)
        case is CancellationError: return .interrupted
        default: return .other("\(error)")
        }
    }
}

/// The AWS CLI v2's return codes (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-returncodes.html).
public enum CLIExitCode {
    public static let success: Int32 = 0
    /// `watch`: the execution ended in a status other than Success.
    public static let executionDidNotSucceed: Int32 = 1
    public static let interrupted: Int32 = 130
    public static let inputError: Int32 = 252
    public static let configurationError: Int32 = 253
    public static let serviceError: Int32 = 254
    public static let otherError: Int32 = 255
}
