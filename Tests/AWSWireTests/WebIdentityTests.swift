import Foundation
import Testing

@testable import AWSWire

/// AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE against a stand-in STS.
@Suite struct WebIdentityTests {
    static let answer = StandInServer.Response(
        status: 200, headers: ["Content-Type": "text/xml"],
        body: """
            <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleWithWebIdentityResult>
                <SubjectFromWebIdentityToken>system:serviceaccount:default:app</SubjectFromWebIdentityToken>
                <Credentials>
                  <SessionToken>web-token</SessionToken>
                  <SecretAccessKey>web-secret</SecretAccessKey>
                  <Expiration>2099-01-01T00:00:00.000Z</Expiration>
                  <AccessKeyId>ASIAWEB</AccessKeyId>
                </Credentials>
              </AssumeRoleWithWebIdentityResult>
            </AssumeRoleWithWebIdentityResponse>
            """)

    @Test func environmentWebIdentityCallsSTSUnsignedWithTheToken() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.answer]])
        defer { server.stop() }
        let home = try TemporaryHome()
        let tokenFile = try home.write("token", "eyJhbGciOiJSUzI1NiJ9.payload.signature\n")
        let resolved = try AWSConfiguration.resolve(
            environment: isolatedEnvironment([
                "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL_STS": server.baseURL,
                "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/Pod", "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile,
                "AWS_ROLE_SESSION_NAME": "pod-session",
            ]),
            homeDirectory: home.path)
        let keys = try await resolved.credentialsProvider.credentials()
        #expect(keys == AWSCredentials(accessKeyId: "ASIAWEB", secretAccessKey: "web-secret", sessionToken: "web-token", expiration: ISO8601Timestamp.parse("2099-01-01T00:00:00Z")))

        let request = try #require(try server.requests().first)
        #expect(request.header("Authorization") == nil)
        let form = Dictionary(SigV4Request.decodeQuery(request.body).map { ($0.name, $0.value) }) { $1 }
        #expect(form["Action"] == "AssumeRoleWithWebIdentity")
        #expect(form["RoleArn"] == "arn:aws:iam::123456789012:role/Pod")
        #expect(form["RoleSessionName"] == "pod-session")
        #expect(form["WebIdentityToken"] == "eyJhbGciOiJSUzI1NiJ9.payload.signature")
    }

    @Test func webIdentityBeatsProfileKeys() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.answer]])
        defer { server.stop() }
        let home = try TemporaryHome(credentials: "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n")
        let tokenFile = try home.write("token", "jwt")
        let resolved = try AWSConfiguration.resolve(
            environment: isolatedEnvironment([
                "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL_STS": server.baseURL,
                "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/Pod", "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile,
            ]),
            homeDirectory: home.path)
        #expect(try await resolved.credentialsProvider.credentials().accessKeyId == "ASIAWEB")
    }

    @Test func profileWebIdentity() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.answer]])
        defer { server.stop() }
        let home = try TemporaryHome()
        try home.write("token", "jwt-from-profile")
        try home.write(
            ".aws/config",
            "[profile web]\nrole_arn = arn:aws:iam::123456789012:role/Web\nweb_identity_token_file = ~/token\n")
        let resolved = try AWSConfiguration.resolve(
            options: .init(profile: "web"),
            environment: isolatedEnvironment(["AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL_STS": server.baseURL]),
            homeDirectory: home.path)
        #expect(try await resolved.credentialsProvider.credentials().accessKeyId == "ASIAWEB")
        let request = try #require(try server.requests().first)
        #expect(request.body.contains("WebIdentityToken=jwt-from-profile"))
    }

    @Test func missingTokenFileOrRoleAreClearErrors() async throws {
        let home = try TemporaryHome()
        #expect(throws: AWSConfigurationError.self) {
            try AWSConfiguration.resolve(
                environment: isolatedEnvironment(["AWS_REGION": "us-east-1", "AWS_WEB_IDENTITY_TOKEN_FILE": "/x"]),
                homeDirectory: home.path)
        }
        let resolved = try AWSConfiguration.resolve(
            environment: isolatedEnvironment([
                "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL_STS": "http://127.0.0.1:9",
                "AWS_ROLE_ARN": "arn:aws:iam::1:role/r", "AWS_WEB_IDENTITY_TOKEN_FILE": home.path + "/absent",
            ]),
            homeDirectory: home.path)
        do {
            _ = try await resolved.credentialsProvider.credentials()
            Issue.record("a missing token file produced credentials")
        } catch let error as AWSConfigurationError {
            #expect(error.message.contains(home.path + "/absent"))
        }
    }
}
