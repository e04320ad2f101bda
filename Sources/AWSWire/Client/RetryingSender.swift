import Foundation
import Logging

/// Sends a request under the standard retry mode. The request is rebuilt (and so re-signed with a fresh
/// timestamp) for every attempt. Returns the last response, successful or not; throws only when the last
/// attempt failed to get a response at all.
struct RetryingSender: Sendable {
    let transport: any AWSHTTPTransport
    let policy: AWSRetryPolicy
    let logger: Logger
    /// Told about each retry just before its backoff.
    var observer: (@Sendable (AWSRetryNotice) -> Void)? = nil

    func send(
        _ operation: String,
        errorCode: (AWSHTTPResponse) -> String?,
        makeRequest: () async throws -> AWSHTTPRequest
    ) async throws -> AWSHTTPResponse {
        var attempt = 1
        var acquired: Int?
        while true {
            let request = try await makeRequest()
            let failure: AWSRetryNotice.Failure
            do {
                let response = try await transport.send(request)
                if response.isSuccess {
                    await policy.quota.release(acquired ?? AWSRetryQuota.noRetryIncrement)
                    return response
                }
                let code = errorCode(response)
                guard AWSRetryClassifier.isRetryable(status: response.status, errorCode: code),
                    attempt < policy.maxAttempts,
                    let cost = await policy.quota.acquire(afterTimeout: false)
                else { return response }
                acquired = cost
                failure = .response(status: response.status, errorCode: code)
            } catch {
                guard AWSRetryClassifier.isRetryable(error), attempt < policy.maxAttempts,
                    let cost = await policy.quota.acquire(afterTimeout: (error as? AWSWireError)?.isTimeout ?? false)
                else { throw error }
                acquired = cost
                failure = .transport(error as? AWSWireError ?? AWSWireError(.connectionFailed, "\(error)"))
            }
            let delay = policy.backoff(afterAttempt: attempt)
            let notice = AWSRetryNotice(operation: operation, failedAttempt: attempt, failure: failure, delay: delay)
            logger.debug(
                "Retrying \(operation) after attempt \(attempt) failed (\(notice.failureDescription)); waiting \(delay).")
            observer?(notice)
            try await policy.sleep(delay)
            attempt += 1
        }
    }
}
