@testable import AutomationModel
import Testing

@Suite struct TokenBucketTests {
    @Test("slots are 1/rate apart and count from when each call goes, so a late caller gains nothing")
    func spacing() {
        var bucket = TokenBucket(OperationQuotas.Limit(callsPerSecond: 1))
        // The third caller comes at 0.4 s and waits for the slot at 2 s; one coming late (3.3 s) goes at once,
        // and the next slot counts from there.
        let times: [Duration] = [.zero, .zero, .milliseconds(400), .milliseconds(3300), .milliseconds(3500)]
        let waits = times.map { bucket.reserve(at: $0) }
        #expect(waits == [.zero, .seconds(1), .milliseconds(1600), .zero, .milliseconds(800)])
    }

    @Test("take admits only a free token and leaves the bucket as it was when it refuses")
    func take() {
        var bucket = TokenBucket(OperationQuotas.Limit(callsPerSecond: 3, burst: 3))
        let times: [Duration] = [.zero, .zero, .zero, .zero, .milliseconds(300), .milliseconds(334), .milliseconds(334)]
        let admitted = times.map { bucket.take(at: $0) }
        #expect(admitted == [true, true, true, false, false, true, false])
    }
}
