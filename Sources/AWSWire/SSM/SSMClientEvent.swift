import AutomationModel

/// What an `SSMClient` reports while it works, for a console's status line. Observing changes nothing.
public enum SSMClientEvent: Sendable, Hashable {
    /// The service answered with a throttling error; the call is retried after `retryIn`.
    case throttled(operation: SSMOperation, retryIn: Duration)
    /// Attempt `attempt - 1` failed for another retryable reason (`error` says which); attempt `attempt`
    /// follows after `retryIn`.
    case retrying(operation: SSMOperation, attempt: Int, error: String, retryIn: Duration)

    public var operation: SSMOperation {
        switch self {
        case .throttled(let operation, _), .retrying(let operation, _, _, _): return operation
        }
    }

    /// The event as a retry notice would report it.
    init(_ notice: AWSRetryNotice) {
        // SSMClient sends only catalog operations; a name from elsewhere is still reported, with no quota.
        let operation = OperationCatalog.operation(named: notice.operation)
            ?? SSMOperation(name: notice.operation, changesState: false, quota: .unpublished)
        if notice.isThrottling {
            self = .throttled(operation: operation, retryIn: notice.delay)
        } else {
            self = .retrying(
                operation: operation, attempt: notice.failedAttempt + 1, error: notice.failureDescription,
                retryIn: notice.delay)
        }
    }
}

/// Hands each event to the observer closure and to the `events` stream. Shared by every copy of a client;
/// the stream finishes when the last copy is gone.
final class SSMClientEventHub: Sendable {
    let events: AsyncStream<SSMClientEvent>
    private let continuation: AsyncStream<SSMClientEvent>.Continuation
    private let observer: (@Sendable (SSMClientEvent) -> Void)?

    /// The stream keeps only the newest `buffer` events that nobody has read, so an unread stream costs little.
    init(observer: (@Sendable (SSMClientEvent) -> Void)?, buffer: Int = 256) {
        (events, continuation) = AsyncStream.makeStream(of: SSMClientEvent.self, bufferingPolicy: .bufferingNewest(buffer))
        self.observer = observer
    }

    func emit(_ event: SSMClientEvent) {
        observer?(event)
        continuation.yield(event)
    }

    deinit { continuation.finish() }
}
