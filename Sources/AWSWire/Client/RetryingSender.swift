import Foundation
import Logging

/// Sends a request under the standard retry mode. The request is rebuilt (and so re-signed with a fresh
/// timestamp) for every attempt. Returns the last response, successful or not; throws only when the last
/// attempt failed to get a response at all.
struct RetryingSender: Sendable {
    let transport: any AWSHTTPTransport
    let policy: AWSRetryPolicy
    let logger: Logger

    func send(
        _ operation: String,
        errorCode: (AWSHTTPResponse) -> String?,
        makeRequest: () async throws -> AWSHTTPRequest
    ) async throws -> AWSHTTPResponse {
        var attempt = 1
        var acquired: Int?
        while true {
            let request = try await makeRequest()
            let reason: String
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
                reason = "HTTP \(response.status) \(code ?? "")"
            } catch {
                guard AWSRetryClassifier.isRetryable(error), attempt < policy.maxAttempts,
                    let cost = await policy.quota.acquire(afterTimeout: (error as? AWSWireError)?.isTimeout ?? false)
                else { throw error }
                acquired = cost
                reason = "\(error)"
            }
            let delay = policy.backoff(afterAttempt: attempt)
            logger.debug(
                "Retrying \(operation) after attempt \(attempt) failed (\(reason)); waiting \(delay).")
            try await policy.sleep(delay)
            attempt += 1
        }
    }
}
