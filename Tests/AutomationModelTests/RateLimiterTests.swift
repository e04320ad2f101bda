@testable import AutomationModel
import Foundation
import Testing

/// The client-side token buckets, on virtual time.
@Suite struct RateLimiterTests {
    /// Calls `operation` `count` times one after another and returns the virtual time at which each went out.
    func sendTimes(_ count: Int, _ operation: SSMOperation, limiter: OperationRateLimiter, clock: RateLimiterTestClock)
        async throws -> [Duration]
    {
        var times: [Duration] = []
        for _ in 0..<count {
            try await limiter.acquire(operation)
            times.append(clock.now())
        }
        return times
    }

    /// The most calls that fall in any one-second window [t, t + 1 s).
    func busiestSecond(_ times: [Duration]) -> Int {
        times.map { start in times.filter { $0 >= start && $0 < start + .seconds(1) }.count }.max() ?? 0
    }

    @Test func readsGoOutAtThreePerSecond() async throws {
        let clock = RateLimiterTestClock()
        let limiter = OperationRateLimiter(now: clock.now, sleep: clock.sleep)
        let times = try await sendTimes(10, .getAutomationExecution, limiter: limiter, clock: clock)
        let third = Duration.nanoseconds(333_333_334)
        #expect(times == (0..<10).map { third * $0 })
        #expect(busiestSecond(times) == 3)
    }

    @Test func startsAndStopsGoOutAtOnePerSecond() async throws {
        for operation in [SSMOperation.startAutomationExecution, .stopAutomationExecution] {
            let clock = RateLimiterTestClock()
            let limiter = OperationRateLimiter(now: clock.now, sleep: clock.sleep)
            let times = try await sendTimes(5, operation, limiter: limiter, clock: clock)
            #expect(times == [.zero, .seconds(1), .seconds(2), .seconds(3), .seconds(4)])
            #expect(busiestSecond(times) == 1)
        }
    }

    @Test func everyQuotaOperationAndTheRestFollowTheAWSQuotas() {
        let expected: [SSMOperation: Double] = [
            .describeAutomationExecutions: 3, .getAutomationExecution: 3, .describeAutomationStepExecutions: 3,
            .sendAutomationSignal: 3, .startAutomationExecution: 1, .stopAutomationExecution: 1,
            .listDocuments: 3, .createDocument: 3, SSMOperation(name: "ListCommands", changesState: false, quota: .unpublished): 3,
        ]
        for (operation, rate) in expected {
            #expect(OperationQuotas.aws.limit(for: operation)?.callsPerSecond == rate, "\(operation)")
        }
    }

    @Test func aQuietSpellDoesNotBankExtraCalls() async throws {
        let clock = RateLimiterTestClock()
        let limiter = OperationRateLimiter(now: clock.now, sleep: clock.sleep)
        _ = try await sendTimes(3, .describeAutomationExecutions, limiter: limiter, clock: clock)
        clock.advance(by: .seconds(10))
        let start = clock.now()
        let times = try await sendTimes(4, .describeAutomationExecutions, limiter: limiter, clock: clock)
        let third = Duration.nanoseconds(333_333_334)
        #expect(times.map { $0 - start } == [.zero, third, third * 2, third * 3])
    }

    @Test func aBurstLetsThatManyGoAtOnceThenSpacesTheRest() async throws {
        let clock = RateLimiterTestClock()
        let quotas = OperationQuotas(otherOperations: .init(callsPerSecond: 2, burst: 3))
        let limiter = OperationRateLimiter(quotas: quotas, now: clock.now, sleep: clock.sleep)
        let times = try await sendTimes(6, .listDocuments, limiter: limiter, clock: clock)
        #expect(times == [.zero, .zero, .zero, .milliseconds(500), .seconds(1), .milliseconds(1500)])
    }

    @Test func concurrentCallersQueueForDistinctSlots() async throws {
        let clock = RateLimiterTestClock()
        // Sleeping does not move this clock, so every caller reserves at time zero and the waits show the queue.
        let limiter = OperationRateLimiter(now: { .zero }, sleep: clock.sleep)
        let waits = try await withThrowingTaskGroup(of: Duration.self) { group in
            for _ in 0..<6 { group.addTask { try await limiter.acquire(.sendAutomationSignal) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let third = Duration.nanoseconds(333_333_334)
        #expect(waits.sorted() == (0..<6).map { third * $0 })
        #expect(clock.sleeps.count == 5)
    }

    @Test func operationsHaveIndependentBuckets() async throws {
        let clock = RateLimiterTestClock()
        let limiter = OperationRateLimiter(now: { .zero }, sleep: clock.sleep)
        #expect(try await limiter.acquire(.startAutomationExecution) == .zero)
        #expect(try await limiter.acquire(.startAutomationExecution) == .seconds(1))
        #expect(try await limiter.acquire(.stopAutomationExecution) == .zero)
        #expect(try await limiter.acquire(.getAutomationExecution) == .zero)
        #expect(try await limiter.acquire(.describeAutomationExecutions) == .zero)
    }

    @Test func aWaitingOperationDoesNotHoldUpAnother() async throws {
        // Real sleeps: the second start really waits, and a read must get through meanwhile.
        let limiter = OperationRateLimiter(quotas: OperationQuotas(
            limits: [OperationCatalog.startAutomationExecution.name: .init(callsPerSecond: 1.0 / 3600)], otherOperations: .init(callsPerSecond: 3)))
        try await limiter.acquire(.startAutomationExecution)
        let queuedStart = Task { try await limiter.acquire(.startAutomationExecution) }
        let began = ContinuousClock.now
        #expect(try await limiter.acquire(.getAutomationExecution) == .zero)
        #expect(began.duration(to: .now) < .seconds(1))
        queuedStart.cancel()
        await #expect(throws: CancellationError.self) { try await queuedStart.value }
    }

    @Test func unlimitedNeverWaits() async throws {
        let clock = RateLimiterTestClock()
        let limiter = OperationRateLimiter(quotas: .unlimited, now: clock.now, sleep: clock.sleep)
        let times = try await sendTimes(50, .startAutomationExecution, limiter: limiter, clock: clock)
        #expect(times.allSatisfy { $0 == .zero })
        #expect(clock.sleeps.isEmpty)
    }

    @Test func anOperationCanBeExemptedWhileOthersStayLimited() async throws {
        let clock = RateLimiterTestClock()
        var quotas = OperationQuotas.aws
        quotas.limits[OperationCatalog.getAutomationExecution.name] = .some(nil)
        let limiter = OperationRateLimiter(quotas: quotas, now: clock.now, sleep: clock.sleep)
        #expect(try await sendTimes(5, .getAutomationExecution, limiter: limiter, clock: clock).allSatisfy { $0 == .zero })
        #expect(try await sendTimes(2, .startAutomationExecution, limiter: limiter, clock: clock) == [.zero, .seconds(1)])
    }
}

/// The catalog's operations by the names these tests use.
extension SSMOperation {
    static let describeAutomationExecutions = OperationCatalog.describeAutomationExecutions.operation
    static let getAutomationExecution = OperationCatalog.getAutomationExecution.operation
    static let describeAutomationStepExecutions = OperationCatalog.describeAutomationStepExecutions.operation
    static let sendAutomationSignal = OperationCatalog.sendAutomationSignal.operation
    static let startAutomationExecution = OperationCatalog.startAutomationExecution.operation
    static let stopAutomationExecution = OperationCatalog.stopAutomationExecution.operation
    static let listDocuments = OperationCatalog.listDocuments.operation
    static let createDocument = OperationCatalog.createDocument.operation
}
