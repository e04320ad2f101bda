import Foundation
import Testing

@testable import AWSWire

/// IMDSv2 against a stand-in metadata service on 127.0.0.1 (AWS_EC2_METADATA_SERVICE_ENDPOINT).
@Suite struct InstanceMetadataTests {
    static let credentialsJSON = StandInServer.Response(
        status: 200,
        body: #"{"Code":"Success","LastUpdated":"2024-01-01T00:00:00Z","Type":"AWS-HMAC","AccessKeyId":"ASIAIMDS","SecretAccessKey":"imds-secret","Token":"imds-token","Expiration":"2099-01-01T00:00:00Z"}"#)

    static func routes(token: StandInServer.Response = .init(status: 200, body: "TOKEN-123")) -> [String: [StandInServer.Response]] {
        [
            "PUT /latest/api/token": [token],
            "GET /latest/meta-data/iam/security-credentials/": [.init(status: 200, body: "my-role\n")],
            "GET /latest/meta-data/iam/security-credentials/my-role": [credentialsJSON],
        ]
    }

    func resolve(_ env: [String: String], home: TemporaryHome) throws -> AWSConfiguration {
        // Instance metadata stays on here; every test points it at 127.0.0.1.
        try AWSConfiguration.resolve(environment: ["AWS_REGION": "us-east-1"].merging(env) { $1 }, homeDirectory: home.path)
    }

    @Test func putsATokenThenGetsRoleAndCredentials() async throws {
        let server = try await StandInServer(routes: Self.routes())
        defer { server.stop() }
        let home = try TemporaryHome()
        let resolved = try resolve(["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL + "/"], home: home)
        let keys = try await resolved.credentialsProvider.credentials()
        #expect(keys == AWSCredentials(accessKeyId: "ASIAIMDS", secretAccessKey: "imds-secret", sessionToken: "imds-token", expiration: ISO8601Timestamp.parse("2099-01-01T00:00:00Z")))

        let requests = try server.requests()
        #expect(requests.map { "\($0.method) \($0.path)" } == [
            "PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
            "GET /latest/meta-data/iam/security-credentials/my-role",
        ])
        #expect(requests[0].header("x-aws-ec2-metadata-token-ttl-seconds") == "21600")
        #expect(requests[1].header("x-aws-ec2-metadata-token") == "TOKEN-123")
        #expect(requests[2].header("x-aws-ec2-metadata-token") == "TOKEN-123")
    }

    @Test func fallsBackToIMDSv1WhenTokensAreRefused() async throws {
        let server = try await StandInServer(routes: Self.routes(token: .init(status: 403, body: "Forbidden")))
        defer { server.stop() }
        let home = try TemporaryHome()
        let keys = try await resolve(["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL], home: home).credentialsProvider.credentials()
        #expect(keys.accessKeyId == "ASIAIMDS")
        #expect(try server.requests()[1].header("x-aws-ec2-metadata-token") == nil)

        let strict = try resolve(["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL, "AWS_EC2_METADATA_V1_DISABLED": "true"], home: home)
        await #expect(throws: AWSConfigurationError.self) { try await strict.credentialsProvider.credentials() }
    }

    @Test func unreachableMetadataMeansNoCredentialsWithTheFullList() async throws {
        let closed = try await StandInServer(routes: [:])
        let deadEndpoint = closed.baseURL
        closed.stop()
        let home = try TemporaryHome()
        let resolved = try resolve(["AWS_EC2_METADATA_SERVICE_ENDPOINT": deadEndpoint], home: home)
        do {
            _ = try await resolved.credentialsProvider.credentials()
            Issue.record("an unreachable metadata service produced credentials")
        } catch let error as AWSConfigurationError {
            #expect(error.kind == .noCredentials)
            #expect(error.message.contains("AWS_ACCESS_KEY_ID"))
            #expect(error.message.contains("EC2 instance metadata at \(deadEndpoint)"))
            #expect(error.message.contains("aws configure"))
        }
    }

    @Test func slowMetadataTimesOutQuickly() async throws {
        var routes = Self.routes()
        routes["PUT /latest/api/token"] = [.init(status: 200, body: "late", delay: 4)]
        let server = try await StandInServer(routes: routes)
        defer { server.stop() }
        let home = try TemporaryHome()
        let resolved = try resolve(["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL, "AWS_METADATA_SERVICE_TIMEOUT": "1"], home: home)
        let start = Date()
        await #expect(throws: AWSConfigurationError.self) { try await resolved.credentialsProvider.credentials() }
        #expect(Date().timeIntervalSince(start) < 3.5)
    }

    @Test func disabledMetadataIsNotContacted() async throws {
        let server = try await StandInServer(routes: Self.routes())
        defer { server.stop() }
        let home = try TemporaryHome()
        #expect(throws: AWSConfigurationError.self) {
            try resolve(["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL, "AWS_EC2_METADATA_DISABLED": "TRUE"], home: home)
        }
        #expect(try server.requests().isEmpty)
    }
}
