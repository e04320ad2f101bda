import AutomationModel
import Foundation
import Testing

@testable import AWSWire

/// The server side: requests signed by botocore are recomputed and verified, and every way a signature can
/// be wrong gets the code AWS answers with.
@Suite struct SigV4VerifierTests {
    static let access = "AKIDLOCALENDPOINT"
    static let secret = "local/secret+key"
    static let time = "20240315T101112Z"

    /// A botocore-signed request as a server receives it: raw path, raw query, headers, body.
    struct Received {
        var method: String
        var path: String
        var rawQuery: String
        var headers: [SigV4Request.Header]
        var body: Data
    }

    static func botocoreSigned(
        method: String = "POST", url: String = "http://127.0.0.1:8080/", params: [[String]] = [],
        headers: [[String]] = [["Content-Type", "application/x-amz-json-1.1"], ["X-Amz-Target", "AmazonSSM.ListDocuments"]],
        body: String = "{}", token: String? = nil
    ) async throws -> Received {
        let result = try #require(
            try await BotocoreSigner.sign([
                .init(
                    method: method, url: url, headers: headers, body: body, params: params, service: "ssm",
                    region: "us-east-1", access: access, secret: secret, token: token, time: time)
            ]).first)
        let components = try #require(URLComponents(string: result.url))
        var received = result.headers.map { SigV4Request.Header($0[0], $0[1]) }
        // The HTTP client adds Host on the way out.
        let target = try #require(URL(string: url))
        received.insert(.init("Host", try #require(SigV4Request.hostHeader(for: target))), at: 0)
        return Received(
            method: method, path: components.percentEncodedPath, rawQuery: components.percentEncodedQuery ?? "",
            headers: received, body: Data(body.utf8))
    }

    static let now = SigV4Timestamp.parse(time)!

    func verify(_ request: Received, now: Date = SigV4VerifierTests.now, secret: String = SigV4VerifierTests.secret) throws(ServiceError)
        -> SigV4Authorization
    {
        try SigV4Verifier.verify(
            method: request.method, path: request.path, rawQuery: request.rawQuery, headers: request.headers,
            body: request.body, now: now, secretForAccessKey: { $0 == Self.access ? secret : nil })
    }

    @Test func acceptsBotocoreSignedRequests() async throws {
        let plain = try await Self.botocoreSigned()
        #expect(try verify(plain).accessKeyId == Self.access)

        let withToken = try await Self.botocoreSigned(token: "session-token")
        let authorization = try verify(withToken)
        #expect(authorization.signedHeaders.contains("x-amz-security-token"))
        #expect(authorization.scope == SigV4Scope(date: "20240315", region: "us-east-1", service: "ssm"))

        let withQuery = try await Self.botocoreSigned(
            method: "GET", url: "http://127.0.0.1:8080/a%20b", params: [["q", "x y/z"], ["a", "é"]], body: "")
        #expect(withQuery.rawQuery.contains("+"))  // botocore sends spaces as '+'
        _ = try verify(withQuery)
    }

    @Test func recomputationMatchesBotocoreField() async throws {
        let request = try await Self.botocoreSigned(headers: [["Content-Type", "application/x-amz-json-1.1"], ["X-Odd", "  a   b "]])
        let result = try SigV4Verifier.recompute(
            method: request.method, path: request.path, rawQuery: request.rawQuery, headers: request.headers,
            body: request.body, secretAccessKey: Self.secret)
        #expect(result.signatureMatches)
        #expect(result.canonicalRequest.contains("x-odd:a b\n"))
        let wrongSecret = try SigV4Verifier.recompute(
            method: request.method, path: request.path, rawQuery: request.rawQuery, headers: request.headers,
            body: request.body, secretAccessKey: "other")
        #expect(!wrongSecret.signatureMatches)
    }

    @Test func tamperedBodyOrHeaderFailsWithInvalidSignature() async throws {
        var request = try await Self.botocoreSigned()
        request.body = Data(#"{"x":1}"#.utf8)
        #expect(throws: ServiceError.self) { try verify(request) }
        do {
            _ = try verify(request)
        } catch {
            #expect(error.code == SigV4ErrorCode.invalidSignature)
            #expect(error.message.contains("does not match"))
        }

        var header = try await Self.botocoreSigned()
        header.headers = header.headers.map { $0.name == "X-Amz-Target" ? .init($0.name, "AmazonSSM.DeleteDocument") : $0 }
        #expect(code(of: { try verify(header) }) == SigV4ErrorCode.invalidSignature)
    }

    @Test func missingOrMalformedAuthorization() async throws {
        var missing = try await Self.botocoreSigned()
        missing.headers.removeAll { $0.name.lowercased() == "authorization" }
        #expect(code(of: { try verify(missing) }) == SigV4ErrorCode.missingAuthenticationToken)

        var malformed = try await Self.botocoreSigned()
        malformed.headers = malformed.headers.map {
            $0.name.lowercased() == "authorization" ? .init($0.name, "AWS4-HMAC-SHA256 Credential=AKID/20240315/us-east-1/ssm/aws4_request") : $0
        }
        #expect(code(of: { try verify(malformed) }) == SigV4ErrorCode.incompleteSignature)

        #expect(throws: ServiceError.self) { try SigV4Authorization.parse("Basic dXNlcjpwYXNz") }
        #expect(throws: ServiceError.self) {
            try SigV4Authorization.parse("AWS4-HMAC-SHA256 Credential=AKID/2024/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=\(String(repeating: "a", count: 64))")
        }
    }

    @Test func unknownKeyIsUnrecognizedClient() async throws {
        let request = try await Self.botocoreSigned()
        #expect(
            code(of: {
                try SigV4Verifier.verify(
                    method: request.method, path: request.path, rawQuery: request.rawQuery, headers: request.headers,
                    body: request.body, now: Self.now, secretForAccessKey: { _ in nil })
            }) == SigV4ErrorCode.unrecognizedClient)
    }

    @Test func requestsMoreThanFiveMinutesOffAreExpired() async throws {
        let request = try await Self.botocoreSigned()
        _ = try verify(request, now: Self.now.addingTimeInterval(299))
        _ = try verify(request, now: Self.now.addingTimeInterval(-299))
        do {
            _ = try verify(request, now: Self.now.addingTimeInterval(301))
            Issue.record("an old request was accepted")
        } catch {
            #expect(error.code == SigV4ErrorCode.invalidSignature)
            #expect(error.message.hasPrefix("Signature expired"))
        }
        #expect(code(of: { try verify(request, now: Self.now.addingTimeInterval(-400)) }) == SigV4ErrorCode.invalidSignature)
    }

    @Test func signedHeaderMissingFromTheRequestIsRejected() async throws {
        var request = try await Self.botocoreSigned()
        request.headers.removeAll { $0.name == "X-Amz-Target" }
        #expect(code(of: { try verify(request) }) == SigV4ErrorCode.invalidSignature)
    }

    @Test func ourSignerAndVerifierAgree() throws {
        let credentials = AWSCredentials(accessKeyId: Self.access, secretAccessKey: Self.secret, sessionToken: "t")
        let request = try SigV4Request(
            method: "POST", url: URL(string: "http://localhost:9999/?x=a%2Fb")!,
            headers: [.init("Content-Type", "application/x-amz-json-1.1")], body: Data("{}".utf8))
        let signed = SigV4Signer(credentials: credentials, region: "eu-west-1", service: "ssm").sign(request, at: Self.now)
        let authorization = try SigV4Verifier.verify(
            method: "POST", path: "/", rawQuery: "x=a%2Fb", headers: signed.request.headers, body: Data("{}".utf8),
            now: Self.now, secretForAccessKey: { _ in Self.secret })
        #expect(authorization.scope.region == "eu-west-1")
    }

    @Test func unsignedPayloadDoesNotExemptTheBody() throws {
        let credentials = AWSCredentials(accessKeyId: Self.access, secretAccessKey: Self.secret)
        let request = try SigV4Request(
            method: "POST", url: URL(string: "http://127.0.0.1:8080/")!,
            headers: [.init("X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD")], body: Data(#"{"a":1}"#.utf8))
        let signed = SigV4Signer(credentials: credentials, region: "us-east-1", service: "ssm").sign(request, at: Self.now)
        #expect(signed.canonicalRequest.hasSuffix("\nUNSIGNED-PAYLOAD"))
        #expect(
            code(of: {
                try SigV4Verifier.verify(
                    method: "POST", path: "/", rawQuery: "", headers: signed.request.headers, body: request.body,
                    now: Self.now, secretForAccessKey: { _ in Self.secret })
            }) == SigV4ErrorCode.invalidSignature)
    }

    private func code(of body: () throws -> Any) -> ServiceError.Code? {
        do {
            _ = try body()
            return nil
        } catch {
            return (error as? ServiceError)?.code
        }
    }
}
