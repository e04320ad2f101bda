import AutomationModel
import Foundation
import Testing

@testable import AWSWire

/// role_arn + source_profile / credential_source against a stand-in STS on 127.0.0.1.
@Suite struct AssumeRoleTests {
    static func stsAnswer(_ keyId: String, token: String = "session-token", expiration: String = "2099-01-01T00:00:00Z") -> StandInServer.Response {
        StandInServer.Response(
            status: 200, headers: ["Content-Type": "text/xml"],
            body: """
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleResult>
                    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/Admin/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>
                    <Credentials>
                      <AccessKeyId>\(keyId)</AccessKeyId>
                      <SecretAccessKey>\(keyId)-secret</SecretAccessKey>
                      <SessionToken>\(token)</SessionToken>
                      <Expiration>\(expiration)</Expiration>
                    </Credentials>
                  </AssumeRoleResult>
                  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
                </AssumeRoleResponse>
                """)
    }

    static let config = """
        [profile base]
        aws_access_key_id = AKIDBASE
        aws_secret_access_key = base-secret
        [profile admin]
        role_arn = arn:aws:iam::123456789012:role/Admin
        source_profile = base
        role_session_name = my-session
        external_id = ext-123
        duration_seconds = 1800
        [profile chained]
        role_arn = arn:aws:iam::210987654321:role/Deploy
        source_profile = admin
        [profile self]
        role_arn = arn:aws:iam::123456789012:role/Self
        source_profile = self
        aws_access_key_id = AKIDSELF
        aws_secret_access_key = self-secret
        [profile from-env]
        role_arn = arn:aws:iam::123456789012:role/FromEnv
        credential_source = Environment
        """

    func resolve(profile: String, server: StandInServer, home: TemporaryHome, env: [String: String] = [:]) throws -> AWSConfiguration {
        try AWSConfiguration.resolve(
            options: .init(profile: profile),
            environment: isolatedEnvironment(["AWS_REGION": "us-west-2", "AWS_ENDPOINT_URL_STS": server.baseURL].merging(env) { $1 }),
            homeDirectory: home.path)
    }

    /// Checks the STS request is a signed AssumeRole for `roleArn`, signed with `secret`, and returns its form.
    func checkAssumeRole(_ request: StandInServer.RecordedRequest, roleArn: String, keyId: String, secret: String) throws -> [String: String] {
        #expect(request.method == "POST")
        #expect(request.header("Content-Type")?.hasPrefix("application/x-www-form-urlencoded") == true)
        let form = Dictionary(SigV4Request.decodeQuery(request.body).map { ($0.name, $0.value) }) { $1 }
        #expect(form["Action"] == "AssumeRole")
        #expect(form["Version"] == "2011-06-15")
        #expect(form["RoleArn"] == roleArn)
        let authorization = try SigV4Verifier.verify(
            method: request.method, path: "/", rawQuery: "", headers: request.headers.map { .init($0[0], $0[1]) },
            body: Data(request.body.utf8), secretForAccessKey: { $0 == keyId ? secret : nil })
        #expect(authorization.scope.service == "sts")
        #expect(authorization.scope.region == "us-west-2")
        return form
    }

    @Test func assumesTheRoleWithTheSourceProfileAndCaches() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.stsAnswer("ASIAADMIN")]])
        defer { server.stop() }
        let home = try TemporaryHome(config: Self.config)
        let resolved = try resolve(profile: "admin", server: server, home: home)
        let keys = try await resolved.credentialsProvider.credentials()
        #expect(keys.accessKeyId == "ASIAADMIN")
        #expect(keys.secretAccessKey == "ASIAADMIN-secret")
        #expect(keys.sessionToken == "session-token")
        #expect(keys.expiration == ISO8601Timestamp.parse("2099-01-01T00:00:00Z"))
        #expect(resolved.credentialSource.contains("arn:aws:iam::123456789012:role/Admin"))
        #expect(resolved.credentialSourceKind == .assumedRole)

        _ = try await resolved.credentialsProvider.credentials()
        let requests = try server.requests()
        #expect(requests.count == 1, "cached credentials are not fetched again")
        let form = try checkAssumeRole(requests[0], roleArn: "arn:aws:iam::123456789012:role/Admin", keyId: "AKIDBASE", secret: "base-secret")
        #expect(form["RoleSessionName"] == "my-session")
        #expect(form["ExternalId"] == "ext-123")
        #expect(form["DurationSeconds"] == "1800")
    }

    @Test func chainsRolesUsingTheFirstRolesTemporaryCredentials() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.stsAnswer("ASIAADMIN", token: "admin-token"), Self.stsAnswer("ASIADEPLOY")]])
        defer { server.stop() }
        let home = try TemporaryHome(config: Self.config)
        let keys = try await resolve(profile: "chained", server: server, home: home).credentialsProvider.credentials()
        #expect(keys.accessKeyId == "ASIADEPLOY")
        let requests = try server.requests()
        #expect(requests.count == 2)
        _ = try checkAssumeRole(requests[0], roleArn: "arn:aws:iam::123456789012:role/Admin", keyId: "AKIDBASE", secret: "base-secret")
        let form = try checkAssumeRole(requests[1], roleArn: "arn:aws:iam::210987654321:role/Deploy", keyId: "ASIAADMIN", secret: "ASIAADMIN-secret")
        #expect(requests[1].header("X-Amz-Security-Token") == "admin-token")
        #expect(form["RoleSessionName"]?.hasPrefix("ssm-console-session-") == true)
    }

    @Test func aProfileMayBeItsOwnSource() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.stsAnswer("ASIASELF")]])
        defer { server.stop() }
        let home = try TemporaryHome(config: Self.config)
        #expect(try await resolve(profile: "self", server: server, home: home).credentialsProvider.credentials().accessKeyId == "ASIASELF")
        _ = try checkAssumeRole(try server.requests()[0], roleArn: "arn:aws:iam::123456789012:role/Self", keyId: "AKIDSELF", secret: "self-secret")
    }

    @Test func credentialSourceEnvironment() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.stsAnswer("ASIAFROMENV")]])
        defer { server.stop() }
        let home = try TemporaryHome(config: Self.config)
        let resolved = try resolve(
            profile: "from-env", server: server, home: home,
            env: ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret"])
        #expect(try await resolved.credentialsProvider.credentials().accessKeyId == "ASIAFROMENV")
        _ = try checkAssumeRole(try server.requests()[0], roleArn: "arn:aws:iam::123456789012:role/FromEnv", keyId: "AKIDENV", secret: "env-secret")
    }

    @Test func stsErrorsNameTheRoleAndTheCode() async throws {
        let denied = StandInServer.Response(
            status: 403, headers: ["Content-Type": "text/xml"],
            body: """
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: sts:AssumeRole</Message></Error>
                  <RequestId>1</RequestId>
                </ErrorResponse>
                """)
        let server = try await StandInServer(routes: ["POST /": [denied]])
        defer { server.stop() }
        let home = try TemporaryHome(config: Self.config)
        do {
            _ = try await resolve(profile: "admin", server: server, home: home).credentialsProvider.credentials()
            Issue.record("a denied AssumeRole produced credentials")
        } catch let error as AWSConfigurationError {
            #expect(error.kind == .credentialSourceFailed)
            #expect(error.message.contains("arn:aws:iam::123456789012:role/Admin"))
            #expect(error.message.contains("AccessDenied"))
            #expect(error.message.contains("not authorized"))
        }
        #expect(try server.requests().count == 1, "AccessDenied is not retried")
    }

    @Test func expiringCredentialsAreRefreshed() async throws {
        let server = try await StandInServer(routes: [
            "POST /": [Self.stsAnswer("ASIAFIRST", expiration: "2030-01-01T00:00:00Z"), Self.stsAnswer("ASIASECOND", expiration: "2030-01-01T02:00:00Z")]
        ])
        defer { server.stop() }
        let home = try TemporaryHome(config: Self.config)
        let clock = TestClock(ISO8601Timestamp.parse("2029-12-31T23:00:00Z")!)
        let resolved = try AWSConfiguration.resolve(
            options: .init(profile: "admin"),
            environment: isolatedEnvironment(["AWS_REGION": "us-west-2", "AWS_ENDPOINT_URL_STS": server.baseURL]),
            homeDirectory: home.path, now: clock.now)
        #expect(try await resolved.credentialsProvider.credentials().accessKeyId == "ASIAFIRST")
        clock.set(ISO8601Timestamp.parse("2029-12-31T23:40:00Z")!)  // 20 minutes left: still good
        #expect(try await resolved.credentialsProvider.credentials().accessKeyId == "ASIAFIRST")
        clock.set(ISO8601Timestamp.parse("2029-12-31T23:55:00Z")!)  // 5 minutes left: refresh
        #expect(try await resolved.credentialsProvider.credentials().accessKeyId == "ASIASECOND")
        #expect(try server.requests().count == 2)
    }
}
