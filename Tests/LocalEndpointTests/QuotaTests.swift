import AWSWire
import AutomationModel
import Foundation
import LocalEndpoint
import Testing

@Suite struct QuotaTests {
    static let stopUnknown = #"{"AutomationExecutionId": "00000000-0000-0000-0000-000000000000"}"#

    @Test func awsQuotasThrottleBeyondTheRatePerAccessKey() async throws {
        try await EndpointHarness.with(quotas: .aws) { harness in
            let first = try await harness.raw("StopAutomationExecution", body: Self.stopUnknown)
            #expect(try ErrorBody(first).type == "AutomationExecutionNotFoundException")
            let second = try await harness.raw("StopAutomationExecution", body: Self.stopUnknown)
            #expect(second.status == 400)
            let error = try ErrorBody(second)
            #expect(error.type == "ThrottlingException")
            #expect(error.message.contains("Rate exceeded"))
            #expect(second.header("X-Amzn-ErrorType") == "ThrottlingException")

            // Another key has its own bucket.
            let bob = try await harness.raw("StopAutomationExecution", body: Self.stopUnknown, key: EndpointHarness.bob)
            #expect(try ErrorBody(bob).type == "AutomationExecutionNotFoundException")

            // 3 TPS with a burst of 3 for the reads: the fourth call in a row is throttled.
            var codes: [Int] = []
            for _ in 0..<4 {
                codes.append(try await harness.raw("DescribeAutomationExecutions", body: "{}").status)
            }
            #expect(codes == [200, 200, 200, 400])

            // Operations without an AWS rate here are not limited.
            for _ in 0..<5 {
                #expect(try await harness.raw("ListDocuments", body: "{}").status == 200)
            }

            try await Task.sleep(for: .milliseconds(1100))
            let refilled = try await harness.raw("StopAutomationExecution", body: Self.stopUnknown)
            #expect(try ErrorBody(refilled).type == "AutomationExecutionNotFoundException")
        }
    }

    @Test func athrottledStartStartsNothing() async throws {
        try await EndpointHarness.with(quotas: .aws) { harness in
            let body = #"{"DocumentName": "Demo-SleepThenFinish", "Parameters": {"SleepDuration": ["PT0S"]}}"#
            #expect(try await harness.raw("StartAutomationExecution", body: body).status == 200)
            let before = try await harness.executionCount()
            let throttled = try await harness.raw("StartAutomationExecution", body: body)
            #expect(try ErrorBody(throttled).type == "ThrottlingException")
            #expect(try await harness.executionCount() == before)
        }
    }

    @Test func withoutQuotasNothingIsThrottled() async throws {
        try await EndpointHarness.with(quotas: .none) { harness in
            for _ in 0..<5 {
                let answer = try await harness.raw("StopAutomationExecution", body: Self.stopUnknown)
                #expect(try ErrorBody(answer).type == "AutomationExecutionNotFoundException")
            }
        }
    }
}
