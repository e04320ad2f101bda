import Foundation
import Testing

@testable import AWSWire

@Suite struct CachedCredentialsProviderTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        var failing = false
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
        var count: Int {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }

    struct FetchFailed: Error {}

    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    func provider(_ counter: Counter, clock: TestClock, lifetime: TimeInterval = 3600) -> CachedCredentialsProvider {
        CachedCredentialsProvider(now: clock.now) {
            let n = counter.next()
            if counter.failing { throw FetchFailed() }
            try await Task.sleep(for: .milliseconds(20))
            return AWSCredentials(
                accessKeyId: "AKID\(n)", secretAccessKey: "s", sessionToken: "t",
                expiration: clock.now().addingTimeInterval(lifetime))
        }
    }

    @Test func fetchesOnceUntilNearExpiry() async throws {
        let counter = Counter(), clock = TestClock(Self.start)
        let cache = provider(counter, clock: clock)
        #expect(try await cache.credentials().accessKeyId == "AKID1")
        clock.set(Self.start.addingTimeInterval(3600 - 16 * 60))
        #expect(try await cache.credentials().accessKeyId == "AKID1")
        clock.set(Self.start.addingTimeInterval(3600 - 9 * 60))
        #expect(try await cache.credentials().accessKeyId == "AKID2")
        #expect(counter.count == 2)
    }

    @Test func concurrentCallersShareOneFetch() async throws {
        let counter = Counter(), clock = TestClock(Self.start)
        let cache = provider(counter, clock: clock)
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<10 { group.addTask { try await cache.credentials().accessKeyId } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(keys == ["AKID1"])
        #expect(counter.count == 1)
    }

    @Test func advisoryRefreshFailureKeepsTheOldCredentialsButMandatoryDoesNot() async throws {
        let counter = Counter(), clock = TestClock(Self.start)
        let cache = provider(counter, clock: clock)
        _ = try await cache.credentials()
        counter.failing = true
        clock.set(Self.start.addingTimeInterval(3600 - 12 * 60))
        #expect(try await cache.credentials().accessKeyId == "AKID1")
        clock.set(Self.start.addingTimeInterval(3600 - 5 * 60))
        await #expect(throws: FetchFailed.self) { try await cache.credentials() }
    }

    @Test func credentialsWithoutExpiryAreKeptForever() async throws {
        let counter = Counter()
        let cache = CachedCredentialsProvider {
            _ = counter.next()
            return AWSCredentials(accessKeyId: "AKID", secretAccessKey: "very-secret-value")
        }
        for _ in 0..<3 { _ = try await cache.credentials() }
        #expect(counter.count == 1)
        let printed = "\(try await cache.credentials())"
        #expect(printed.contains("AKID") && printed.contains("<hidden>") && !printed.contains("very-secret-value"))
    }
}
