import AWSWire
import AutomationModel
import Foundation
import LocalEndpoint
import Testing

/// Every refused request is a StartAutomationExecution that would otherwise start something.
@Suite struct AuthenticationTests {
    static let start = #"{"DocumentName": "Demo-SleepThenFinish"}"#

    /// Sends a refused start and checks its status, code and that no execution was started.
    func expectRefused(
        _ harness: EndpointHarness, status: Int, code: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ send: () async throws -> AWSHTTPResponse
    ) async throws {
        let before = try await harness.executionCount()
        let response = try await send()
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(try ErrorBody(response).type == code, sourceLocation: sourceLocation)
        #expect(response.header("X-Amzn-ErrorType") == code, sourceLocation: sourceLocation)
        #expect(try await harness.executionCount() == before, sourceLocation: sourceLocation)
    }

    @Test func anUnsignedRequestIsRefused() async throws {
        try await EndpointHarness.with { harness in
            try await expectRefused(harness, status: 403, code: "MissingAuthenticationTokenException") {
                try await harness.raw("StartAutomationExecution", body: Self.start, key: nil)
            }
        }
    }

    @Test func aMalformedAuthorizationIsRefused() async throws {
        try await EndpointHarness.with { harness in
            try await expectRefused(harness, status: 400, code: "IncompleteSignatureException") {
                try await harness.raw("StartAutomationExecution", body: Self.start) { headers in
                    headers.removeAll { $0.name == "Authorization" }
                    headers.append(.init("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAALICE0000000TEST"))
                }
            }
        }
    }

    @Test func anUnknownAccessKeyIsRefused() async throws {
        try await EndpointHarness.with { harness in
            let stranger = ServeAccessKey(
                accessKeyId: "AKIASTRANGER00000000", secretAccessKey: EndpointHarness.alice.secretAccessKey, principalArn: "")
            try await expectRefused(harness, status: 403, code: "UnrecognizedClientException") {
                try await harness.raw("StartAutomationExecution", body: Self.start, key: stranger)
            }
        }
    }

    @Test func aWrongSignatureIsRefused() async throws {
        try await EndpointHarness.with { harness in
            let wrongSecret = ServeAccessKey(
                accessKeyId: EndpointHarness.alice.accessKeyId, secretAccessKey: "not-the-secret", principalArn: "")
            try await expectRefused(harness, status: 403, code: "InvalidSignatureException") {
                try await harness.raw("StartAutomationExecution", body: Self.start, key: wrongSecret)
            }
            // A body changed after signing.
            try await expectRefused(harness, status: 403, code: "InvalidSignatureException") {
                try await harness.raw("StartAutomationExecution", body: #"{"DocumentName": "Other"}"#, sentBody: Self.start)
            }
        }
    }

    @Test func aRequestMoreThanFiveMinutesOffIsRefused() async throws {
        try await EndpointHarness.with { harness in
            try await expectRefused(harness, status: 403, code: "InvalidSignatureException") {
                try await harness.raw("StartAutomationExecution", body: Self.start, date: Date().addingTimeInterval(-6 * 60))
            }
            try await expectRefused(harness, status: 403, code: "InvalidSignatureException") {
                try await harness.raw("StartAutomationExecution", body: Self.start, date: Date().addingTimeInterval(6 * 60))
            }
            let slightlyOff = try await harness.raw("ListDocuments", body: "{}", date: Date().addingTimeInterval(-4 * 60))
            #expect(slightlyOff.status == 200)
        }
    }

    @Test func aSignatureForAnotherServiceIsRefused() async throws {
        try await EndpointHarness.with { harness in
            try await expectRefused(harness, status: 403, code: "InvalidSignatureException") {
                try await harness.raw("StartAutomationExecution", body: Self.start, service: "states")
            }
        }
    }

    @Test func anyRegionIsAccepted() async throws {
        try await EndpointHarness.with { harness in
            for region in ["us-east-1", "eu-central-1", "ap-southeast-2"] {
                let answer = try await harness.raw("ListDocuments", body: "{}", region: region)
                #expect(answer.status == 200)
            }
        }
    }
}
