import Foundation

@testable import AWSWire

/// Records the delays a retry policy asks for instead of sleeping, so retry tests run instantly.
final class RecordingSleeper: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []

    var delays: [Duration] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    private func record(_ delay: Duration) {
        lock.lock()
        recorded.append(delay)
        lock.unlock()
    }

    func policy(maxAttempts: Int = 3, quota: AWSRetryQuota = AWSRetryQuota(), random: Double = 1) -> AWSRetryPolicy {
        AWSRetryPolicy(
            maxAttempts: maxAttempts, quota: quota,
            sleep: { [self] delay in record(delay) },
            random: { random })
    }
}

let testCredentials = AWSCredentials(accessKeyId: "AKIDCLIENTTEST", secretAccessKey: "client/test+secret")

func testClient(
    _ service: AWSJSONService = .ssm, server: StandInServer, policy: AWSRetryPolicy,
    credentials: AWSCredentials = testCredentials,
    settings: AWSTransportSettings = AWSTransportSettings(connectTimeout: .seconds(2), readTimeout: .seconds(5))
) -> AWSJSONClient {
    AWSJSONClient(
        service: service, endpoint: server.url, region: "us-east-1",
        credentials: StaticCredentialsProvider(credentials), transportSettings: settings, retryPolicy: policy)
}
