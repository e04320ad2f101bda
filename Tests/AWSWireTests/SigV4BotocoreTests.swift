import Foundation
import Testing

@testable import AWSWire

/// Signs a table of requests with SigV4Signer and with botocore's SigV4Auth at the same fixed time and
/// compares canonical request, string to sign and Authorization field by field.
@Suite struct SigV4BotocoreTests {
    struct Example: CustomTestStringConvertible {
        var name: String
        var method = "POST"
        var url: String
        var headers: [[String]] = []
        var body = ""
        var params: [[String]] = []
        var service = "ssm"
        var region = "us-east-1"
        var token: String?
        var testDescription: String { name }
    }

    static let time = "20240315T101112Z"
    static let ssmHeaders = [
        ["Content-Type", "application/x-amz-json-1.1"], ["X-Amz-Target", "AmazonSSM.GetAutomationExecution"],
    ]

    static let examples: [Example] = [
        Example(
            name: "SSM JSON 1.1 post", url: "https://ssm.us-east-1.amazonaws.com/", headers: ssmHeaders,
            body: #"{"AutomationExecutionId":"73c8eef8-f4ee-4a05-820c-e354f0000000"}"#),
        Example(
            name: "SSM JSON 1.1 post with a session token", url: "https://ssm.eu-west-1.amazonaws.com/",
            headers: ssmHeaders, body: #"{"Filters":[{"Key":"ExecutionStatus","Values":["Failed"]}]}"#,
            region: "eu-west-1", token: "IQoJb3JpZ2luX2VjEXAMPLE//token+with/slashes="),
        Example(
            name: "a non-default port in Host", url: "http://127.0.0.1:4566/", headers: ssmHeaders, body: "{}"),
        Example(
            name: "header values with runs of spaces and a repeated header",
            url: "https://ssm.us-east-1.amazonaws.com/",
            headers: ssmHeaders + [
                ["X-Custom-Header", "  a    b   c  "], ["x-custom-header", "second   value"],
                ["User-Agent", "not   signed/1.0"],
            ],
            body: "{}"),
        Example(
            name: "a query string needing percent-encoding", method: "GET",
            url: "https://ssm.us-east-1.amazonaws.com/some%20path/./x",
            params: [["Name", "a b/c"], ["Filter", "x=y&z"], ["Unicode", "é~*"], ["Name", "0"], ["empty", ""]]),
        Example(
            name: "a Step Functions JSON 1.0 post", url: "https://states.eu-central-1.amazonaws.com/",
            headers: [
                ["Content-Type", "application/x-amz-json-1.0"], ["X-Amz-Target", "AWSStepFunctions.SendTaskSuccess"],
            ],
            body: #"{"taskToken":"AAAAKgAAAAIAAAAA","output":"{\"ok\":true}"}"#, service: "states",
            region: "eu-central-1", token: "FwoGZXIvYXdzEXAMPLE"),
    ]

    static let credentials = (access: "AKIAIOSFODNN7EXAMPLE", secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")

    @Test(arguments: examples)
    func matchesBotocore(_ example: Example) async throws {
        let expected = try #require(
            try await BotocoreSigner.sign([
                .init(
                    method: example.method, url: example.url, headers: example.headers, body: example.body,
                    params: example.params, service: example.service, region: example.region,
                    access: Self.credentials.access, secret: Self.credentials.secret, token: example.token,
                    time: Self.time)
            ]).first)

        // Sign the request as botocore sends it: its URL carries the encoded query.
        let request = try SigV4Request(
            method: example.method, url: try #require(URL(string: expected.url)),
            headers: example.headers.map { .init($0[0], $0[1]) }, body: Data(example.body.utf8))
        let credentials = AWSCredentials(
            accessKeyId: Self.credentials.access, secretAccessKey: Self.credentials.secret, sessionToken: example.token)
        let signed = SigV4Signer(credentials: credentials, region: example.region, service: example.service)
            .sign(request, at: try #require(SigV4Timestamp.parse(Self.time)))

        #expect(signed.canonicalRequest == expected.canonical_request)
        #expect(signed.stringToSign == expected.string_to_sign)
        #expect(signed.authorization == expected.authorization)
        for name in ["x-amz-date", "x-amz-security-token", "authorization"] {
            let theirs = expected.headers.filter { $0[0].lowercased() == name }.map { $0[1] }
            #expect(signed.request.values(of: name) == theirs, "header \(name)")
        }
    }
}
