import AWSWire
import AutomationModel
import Foundation
import LocalEndpoint
import LocalEngine
import Testing

/// STS GetCallerIdentity on the endpoint: routed by protocol and signed scope, answered in STS's XML, with
/// STS's error codes.
@Suite struct CallerIdentityEndpointTests {
    static let session = ServeAccessKey(
        accessKeyId: "AKIASESSION000000TST", secretAccessKey: "session-secret-000000000000000000000000",
        principalArn: "arn:aws:sts::123456789012:assumed-role/Operators/night-shift")

    /// A form-encoded STS request signed as `key` for `service`.
    func sts(
        _ harness: EndpointHarness, body: String = "Action=GetCallerIdentity&Version=2011-06-15",
        key: ServeAccessKey = EndpointHarness.alice, service: String = "sts", secret: String? = nil
    ) async throws -> AWSHTTPResponse {
        let url = URL(string: harness.url.absoluteString + "/")!
        let request = try SigV4Request(
            method: "POST", url: url, headers: [.init("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
            body: Data(body.utf8))
        let signed = SigV4Signer(
            credentials: AWSCredentials(accessKeyId: key.accessKeyId, secretAccessKey: secret ?? key.secretAccessKey),
            region: "us-east-1", service: service
        ).sign(request, at: Date()).request
        return try await AsyncHTTPTransport().send(
            AWSHTTPRequest(method: "POST", url: url, headers: signed.headers, body: signed.body))
    }

    func text(_ response: AWSHTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    func element(_ name: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex)
        else { return nil }
        return String(xml[open.upperBound..<close.lowerBound])
    }

    @Test func answersEachKeyWithItsArnAccountAndAStableUserId() async throws {
        try await EndpointHarness.with(keys: [EndpointHarness.alice, EndpointHarness.bob, Self.session]) { harness in
            var userIds: [String] = []
            for key in [EndpointHarness.alice, EndpointHarness.bob, Self.session] {
                let answer = try await sts(harness, key: key)
                let xml = text(answer)
                #expect(answer.status == 200, "\(xml)")
                #expect(answer.header("Content-Type") == "text/xml")
                #expect(xml.hasPrefix(#"<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">"#))
                #expect(element("Arn", in: xml) == key.principalArn)
                #expect(element("Account", in: xml) == "123456789012")
                #expect(element("RequestId", in: xml)?.count == 36)
                let userId = try #require(element("UserId", in: xml))
                #expect(text(try await sts(harness, key: key)).contains("<UserId>\(userId)</UserId>"), "the UserId changed")
                userIds.append(userId)
            }
            #expect(userIds[0].hasPrefix("AIDA") && userIds[0].count == 21)
            #expect(userIds[1].hasPrefix("AROA") && userIds[1].count == 21)
            #expect(userIds[2].hasPrefix("AROA") && userIds[2].hasSuffix(":night-shift"))
            #expect(Set(userIds).count == 3)
        }
    }

    @Test func ssmConsolesOwnLookupReadsTheAnswer() async throws {
        try await EndpointHarness.with { harness in
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("sts-home-\(UUID().uuidString)")
            let configuration = try AWSConfiguration.resolve(
                options: .init(region: "us-east-1"),
                environment: [
                    "AWS_EC2_METADATA_DISABLED": "true", "AWS_ENDPOINT_URL_STS": harness.url.absoluteString,
                    "AWS_ACCESS_KEY_ID": EndpointHarness.bob.accessKeyId,
                    "AWS_SECRET_ACCESS_KEY": EndpointHarness.bob.secretAccessKey,
                ], homeDirectory: home.path)
            let identity = try await CallerIdentityLookup(configuration: configuration).callerIdentity()
            #expect(identity == LocalCallerIdentity.identity(of: EndpointHarness.bob.principalArn))
        }
    }

    @Test func refusesWithSTSErrors() async throws {
        try await EndpointHarness.with { harness in
            let unknown = ServeAccessKey(accessKeyId: "AKIAUNKNOWN000000000", secretAccessKey: "x", principalArn: "arn:aws:iam::1:user/x")
            let cases: [(AWSHTTPResponse, Int, String)] = [
                (try await sts(harness, key: unknown), 403, "InvalidClientTokenId"),
                (try await sts(harness, secret: "wrong"), 403, "SignatureDoesNotMatch"),
                (try await sts(harness, service: "ssm"), 403, "SignatureDoesNotMatch"),
                (try await sts(harness, body: "Action=AssumeRole&Version=2011-06-15"), 400, "InvalidAction"),
                (try await sts(harness, body: "Version=2011-06-15"), 400, "MissingAction"),
                (try await sts(harness, body: "Action=GetCallerIdentity&Version=2010-01-01"), 400, "InvalidParameterValue"),
            ]
            for (answer, status, code) in cases {
                let xml = text(answer)
                #expect(answer.status == status, "\(code): \(xml)")
                #expect(answer.header("Content-Type") == "text/xml")
                #expect(xml.hasPrefix(#"<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">"#))
                #expect(element("Code", in: xml) == code, "\(xml)")
                #expect(element("Type", in: xml) == "Sender")
            }
            #expect(text(try await sts(harness, service: "ssm")).contains("scoped to correct service: 'sts'"))
        }
    }

    @Test func ssmRequestsSignedForSTSAreStillRefusedInJSON() async throws {
        try await EndpointHarness.with { harness in
            let answer = try await harness.raw("ListDocuments", body: "{}", service: "sts")
            #expect(answer.status == 403)
            let error = try ErrorBody(answer)
            #expect(error.type == "InvalidSignatureException")
            #expect(error.message.contains("'ssm'"))
        }
    }
}
