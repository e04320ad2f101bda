import Foundation
import Testing

@testable import AWSWire

/// ca_bundle / AWS_CA_BUNDLE and --no-verify-ssl against an HTTPS stand-in with a self-signed certificate.
@Suite struct TLSTests {
    /// A self-signed certificate for 127.0.0.1, made with openssl.
    static func makeCertificate(in home: TemporaryHome) async throws -> (certificate: String, key: String) {
        let certificate = home.path + "/cert.pem", key = home.path + "/key.pem"
        let result = try await ChildProcess.run([
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ])
        try #require(result.status == 0, "openssl failed: \(String(decoding: result.errors, as: UTF8.self))")
        return (certificate, key)
    }

    func call(_ server: StandInServer, settings: AWSTransportSettings) async throws -> Data {
        try await testClient(server: server, policy: RecordingSleeper().policy(maxAttempts: 1), settings: settings)
            .call("ListDocuments", body: Data("{}".utf8))
    }

    @Test func selfSignedCertificatesNeedTheBundleOrNoVerify() async throws {
        let home = try TemporaryHome()
        let tls = try await Self.makeCertificate(in: home)
        let server = try await StandInServer(routes: ["POST /": [.json(200, #"{"Documents":[]}"#)]], tls: tls)
        defer { server.stop() }
        #expect(server.baseURL.hasPrefix("https://"))

        do {
            _ = try await call(server, settings: .init(connectTimeout: .seconds(3), readTimeout: .seconds(3)))
            Issue.record("an untrusted certificate was accepted")
        } catch let error as AWSWireError {
            #expect(error.kind == .tlsFailure)
            #expect(error.message.contains("--ca-bundle"))
        }
        let trusted = try await call(server, settings: .init(connectTimeout: .seconds(3), readTimeout: .seconds(3), caBundlePath: tls.certificate))
        #expect(String(decoding: trusted, as: UTF8.self) == #"{"Documents":[]}"#)
        let unverified = try await call(server, settings: .init(connectTimeout: .seconds(3), readTimeout: .seconds(3), verifySSL: false))
        #expect(!unverified.isEmpty)
    }

    @Test func unreadableBundleIsAClearError() async throws {
        let server = try await StandInServer(routes: ["POST /": [.json(200, "{}")]])
        defer { server.stop() }
        do {
            _ = try await call(server, settings: .init(caBundlePath: "/nonexistent/ca.pem"))
            Issue.record("a missing CA bundle was accepted")
        } catch let error as AWSWireError {
            #expect(error.message.contains("/nonexistent/ca.pem"))
        }
    }
}
