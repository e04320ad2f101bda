import AutomationModel

/// Turns whatever a service call threw into the `ServiceError` the console shows. AWS errors keep their code;
/// the executable passes a describer that knows the wire client's transport errors.
public typealias ServiceErrorDescriber = @Sendable (any Error) -> ServiceError

public enum ServiceErrorDescription {
    /// ServiceErrors as they are; anything else as a `ClientError` with its description, so nothing is lost.
    public static let standard: ServiceErrorDescriber = { error in
        if let error = error as? ServiceError { return error }
        if error is CancellationError {
            return ServiceError(ServiceError.Code(rawValue: "Cancelled"), "The call was cancelled before it finished.")
        }
        return ServiceError(ServiceError.Code(rawValue: "ClientError"), String(describing: error))
    }
}
