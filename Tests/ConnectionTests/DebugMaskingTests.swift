import AWSWire
import Foundation
import Testing

@testable import Connection

@Suite struct DebugMaskingTests {
    @Test func hidesSignatureTokenAndSecretsButKeepsTheRest() throws {
        let request = AWSHTTPRequest(
            method: "POST", url: URL(string: "http://127.0.0.1:4583/")!,
            headers: [
                .init("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=deadbeef"),
                .init("X-Amz-Security-Token", "session-secret"),
                .init("X-Amz-Target", "AmazonSSM.SendAutomationSignal"),
            ],
            body: Data(#"{"SecretAccessKey": "s3cr3t", "SessionToken":"tok", "AutomationExecutionId":"abc"}"#.utf8))
        let text = DebugMasking.describe(request)
        #expect(!text.contains("deadbeef"))
        #expect(!text.contains("session-secret"))
        #expect(!text.contains("s3cr3t"))
        #expect(!text.contains("\"tok\""))
        #expect(text.contains("Credential=AKID/20260101/us-east-1/ssm/aws4_request"))
        #expect(text.contains("AmazonSSM.SendAutomationSignal"))
        #expect(text.contains("\"AutomationExecutionId\":\"abc\""))
    }

    @Test func responseShowsStatusAndBody() {
        let response = AWSHTTPResponse(status: 400, headers: [.init("Set-Cookie", "x")], body: Data(#"{"__type":"X"}"#.utf8))
        let text = DebugMasking.describe(response, after: .milliseconds(3))
        #expect(text.contains("HTTP 400"))
        #expect(text.contains(#"{"__type":"X"}"#))
    }
}
