import Foundation
import Testing

@testable import AWSWire

/// SSO profiles: the cached `aws sso login` token exchanged at a stand-in portal (AWS_ENDPOINT_URL_SSO).
@Suite struct SSOCredentialsTests {
    static let config = """
        [profile sso]
        sso_session = corp
        sso_account_id = 111122223333
        sso_role_name = ReadOnly
        region = eu-west-1
        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = eu-central-1
        [profile legacy]
        sso_start_url = https://legacy.awsapps.com/start
        sso_region = us-east-1
        sso_account_id = 444455556666
        sso_role_name = Admin
        region = us-east-1
        """

    /// The cache file name the AWS CLI uses: the SHA-1 of the session name or start URL (computed by Python).
    static func cacheName(_ key: String) async throws -> String {
        let digest = try await PythonRunner.run(
            script: "import hashlib, sys; sys.stdout.write(hashlib.sha1(sys.stdin.read().encode()).hexdigest())",
            input: Data(key.utf8))
        return String(decoding: digest, as: UTF8.self) + ".json"
    }

    func resolve(_ profile: String, server: StandInServer, home: TemporaryHome) throws -> AWSConfiguration {
        try AWSConfiguration.resolve(
            options: .init(profile: profile), environment: isolatedEnvironment(["AWS_ENDPOINT_URL_SSO": server.baseURL]),
            homeDirectory: home.path)
    }

    static let portalAnswer = StandInServer.Response(
        status: 200,
        body: #"{"roleCredentials":{"accessKeyId":"ASIASSO","secretAccessKey":"sso-secret","sessionToken":"sso-token","expiration":4070908800000}}"#)

    @Test func exchangesTheCachedTokenForRoleCredentials() async throws {
        let server = try await StandInServer(routes: ["GET /federation/credentials": [Self.portalAnswer]])
        defer { server.stop() }
        let home = try TemporaryHome(config: Self.config)
        try await home.write(".aws/sso/cache/" + Self.cacheName("corp"), #"{"accessToken":"bearer-123","expiresAt":"2099-01-01T00:00:00Z"}"#)
        let keys = try await resolve("sso", server: server, home: home).credentialsProvider.credentials()
        #expect(keys == AWSCredentials(accessKeyId: "ASIASSO", secretAccessKey: "sso-secret", sessionToken: "sso-token", expiration: Date(timeIntervalSince1970: 4_070_908_800)))
        let request = try #require(try server.requests().first)
        #expect(request.header("x-amz-sso_bearer_token") == "bearer-123")
        let query = Dictionary(SigV4Request.decodeQuery(String(request.path.split(separator: "?")[1])).map { ($0.name, $0.value) }) { $1 }
        #expect(query == ["role_name": "ReadOnly", "account_id": "111122223333"])
    }

    @Test func legacyProfilesUseTheStartURLAsCacheKey() async throws {
        let server = try await StandInServer(routes: ["GET /federation/credentials": [Self.portalAnswer]])
        defer { server.stop() }
        let home = try TemporaryHome(config: Self.config)
        try await home.write(".aws/sso/cache/" + Self.cacheName("https://legacy.awsapps.com/start"), #"{"accessToken":"legacy-token","expiresAt":"2099-01-01T00:00:00Z"}"#)
        _ = try await resolve("legacy", server: server, home: home).credentialsProvider.credentials()
        #expect(try server.requests().first?.header("x-amz-sso_bearer_token") == "legacy-token")
    }

    @Test func missingOrExpiredTokensSayToLogIn() async throws {
        let server = try await StandInServer(routes: ["GET /federation/credentials": [Self.portalAnswer]])
        defer { server.stop() }
        let home = try TemporaryHome(config: Self.config)
        for setup in [nil, #"{"accessToken":"old","expiresAt":"2001-01-01T00:00:00Z"}"#] {
            if let setup { try await home.write(".aws/sso/cache/" + Self.cacheName("corp"), setup) }
            do {
                _ = try await resolve("sso", server: server, home: home).credentialsProvider.credentials()
                Issue.record("SSO credentials without a valid token")
            } catch let error as AWSConfigurationError {
                #expect(error.message.contains("aws sso login --profile sso"))
            }
        }
        #expect(try server.requests().isEmpty)
    }
}
