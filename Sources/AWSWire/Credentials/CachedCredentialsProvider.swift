import Foundation

/// Holds temporary credentials and fetches new ones shortly before they expire. Concurrent callers share one
/// fetch. Like botocore: from 15 minutes before expiry a refresh is tried but a failure keeps the old
/// credentials; from 10 minutes before, a refresh must succeed.
public actor CachedCredentialsProvider: AWSCredentialsProvider {
    public nonisolated let advisoryRefresh: TimeInterval
    public nonisolated let mandatoryRefresh: TimeInterval
    private let fetch: @Sendable () async throws -> AWSCredentials
    private let now: @Sendable () -> Date
    private var cached: AWSCredentials?
    private var inFlight: Task<AWSCredentials, Error>?

    public init(
        advisoryRefresh: TimeInterval = 15 * 60, mandatoryRefresh: TimeInterval = 10 * 60,
        now: @escaping @Sendable () -> Date = { Date() },
        fetch: @escaping @Sendable () async throws -> AWSCredentials
    ) {
        self.advisoryRefresh = advisoryRefresh
        self.mandatoryRefresh = mandatoryRefresh
        self.now = now
        self.fetch = fetch
    }

    public func credentials() async throws -> AWSCredentials {
        if let cached {
            guard let expiration = cached.expiration else { return cached }
            let remaining = expiration.timeIntervalSince(now())
            if remaining > advisoryRefresh { return cached }
            if remaining > mandatoryRefresh {
                return (try? await refresh()) ?? cached
            }
        }
        return try await refresh()
    }

    private func refresh() async throws -> AWSCredentials {
        if let inFlight { return try await inFlight.value }
        let task = Task { try await fetch() }
        inFlight = task
        defer { inFlight = nil }
        let fresh = try await task.value
        cached = fresh
        return fresh
    }
}
