/// Any `AutomationService` with every call held back to its operation's quota: the one place the console and
/// the CLI are paced, local or AWS, applied where the connection is made. Retries inside the wrapped client are
/// spaced by its own backoff, not by another token. It keeps no pre-encoded answers (the protocol's default), so
/// a dispatch through it always takes the paced path.
public struct PacedAutomationService: OperationSending {
    public let base: any AutomationService
    public let limiter: OperationRateLimiter
    /// Told of every call that had to wait, and for how long; called on the caller's task, so keep it quick.
    private let waited: (@Sendable (SSMOperation, Duration) -> Void)?

    public init(
        _ base: any AutomationService, limiter: OperationRateLimiter,
        waited: (@Sendable (SSMOperation, Duration) -> Void)? = nil
    ) {
        self.base = base
        self.limiter = limiter
        self.waited = waited
    }

    public func send<Request, Response>(_ operation: ServiceOperation<Request, Response>, _ request: Request)
        async throws -> Response
    {
        let wait = try await limiter.acquire(operation.operation)
        if wait > .zero { waited?(operation.operation, wait) }
        return try await operation.call(base, request)
    }
}
