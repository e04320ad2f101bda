import Foundation
import Testing

@testable import AWSWire

@Suite struct RetryPolicyTests {
    @Test func backoffIsRandomTimesTheCappedExponential() {
        let half = AWSRetryPolicy(random: { 0.5 })
        #expect(half.backoff(afterAttempt: 1) == .milliseconds(500))
        #expect(half.backoff(afterAttempt: 2) == .seconds(1))
        #expect(half.backoff(afterAttempt: 3) == .seconds(2))
        #expect(half.backoff(afterAttempt: 6) == .seconds(10))  // min(32, 20) * 0.5
        let full = AWSRetryPolicy(random: { 1 })
        #expect(full.backoff(afterAttempt: 40) == .seconds(20))
        let none = AWSRetryPolicy(random: { 0 })
        #expect(none.backoff(afterAttempt: 3) == .zero)
    }

    @Test func realRandomDelaysStayInBounds() {
        let policy = AWSRetryPolicy()
        for attempt in 1...8 {
            let ceiling = Duration.seconds(min(1 << (attempt - 1), 20))
            for _ in 0..<200 {
                let delay = policy.backoff(afterAttempt: attempt)
                #expect(delay >= .zero && delay <= ceiling)
            }
        }
    }

    @Test func quotaCostsAndCap() async {
        let quota = AWSRetryQuota()
        #expect(await quota.availableCapacity == 500)
        #expect(await quota.acquire(afterTimeout: false) == 5)
        #expect(await quota.acquire(afterTimeout: true) == 10)
        #expect(await quota.availableCapacity == 485)
        await quota.release(100)
        #expect(await quota.availableCapacity == 500)

        let small = AWSRetryQuota(capacity: 7)
        #expect(await small.acquire(afterTimeout: true) == nil)
        #expect(await small.acquire(afterTimeout: false) == 5)
        #expect(await small.acquire(afterTimeout: false) == nil)
    }

    @Test func classifierMatchesTheListedCodes() {
        for code in AWSRetryClassifier.throttlingCodes.union(AWSRetryClassifier.transientCodes) {
            #expect(AWSRetryClassifier.isRetryable(status: 400, errorCode: code))
        }
        #expect(AWSRetryClassifier.throttlingCodes.count == 12)
        for status in [429, 500, 502, 503, 504] {
            #expect(AWSRetryClassifier.isRetryable(status: status, errorCode: nil))
        }
        #expect(!AWSRetryClassifier.isRetryable(status: 501, errorCode: nil))
        #expect(!AWSRetryClassifier.isRetryable(status: 400, errorCode: "ValidationException"))
        #expect(!AWSRetryClassifier.isRetryable(status: 403, errorCode: "AccessDeniedException"))
        #expect(AWSRetryClassifier.isRetryable(AWSWireError(.connectionFailed, "x")))
        #expect(AWSRetryClassifier.isRetryable(AWSWireError(.readTimeout, "x")))
        #expect(!AWSRetryClassifier.isRetryable(AWSWireError(.tlsFailure, "x")))
        #expect(!AWSRetryClassifier.isRetryable(CancellationError()))
    }

    @Test func errorCodesAreNormalized() {
        #expect(AWSJSONErrorDecoder.normalize("com.amazonaws.ssm#InvalidDocument") == "InvalidDocument")
        #expect(AWSJSONErrorDecoder.normalize("ValidationException:http://internal.amazon.com/coral/") == "ValidationException")
        #expect(AWSJSONErrorDecoder.normalize("aws.protocoltests#Foo:http://x") == "Foo")
    }
}
