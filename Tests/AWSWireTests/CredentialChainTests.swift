import Foundation
import Testing

@testable import AWSWire

/// The parts of the credential chain that need no network: environment, profile keys, credential_process,
/// and the errors for nothing or half of something.
@Suite struct CredentialChainTests {
    func resolve(_ options: AWSConfigurationOptions = .init(), env: [String: String] = [:], home: TemporaryHome) throws
        -> AWSConfiguration
    {
        try AWSConfiguration.resolve(
            options: options, environment: isolatedEnvironment(["AWS_REGION": "us-east-1"].merging(env) { $1 }),
            homeDirectory: home.path)
    }

    static let profileKeys = """
        [default]
        aws_access_key_id = AKIDPROFILE
        aws_secret_access_key = profile-secret
        aws_session_token = profile-token
        """

    @Test func environmentKeysComeFirst() async throws {
        let home = try TemporaryHome(credentials: Self.profileKeys)
        let resolved = try resolve(
            env: ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "env-token"],
            home: home)
        #expect(try await resolved.credentialsProvider.credentials() == AWSCredentials(accessKeyId: "AKIDENV", secretAccessKey: "env-secret", sessionToken: "env-token"))
        #expect(resolved.credentialSource == "environment variables")
        #expect(resolved.credentialSourceKind == .environment)
    }

    @Test func profileStaticKeysBeatContainerAndMetadata() async throws {
        let home = try TemporaryHome(credentials: Self.profileKeys)
        let resolved = try resolve(env: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:1/creds"], home: home)
        let keys = try await resolved.credentialsProvider.credentials()
        #expect(keys == AWSCredentials(accessKeyId: "AKIDPROFILE", secretAccessKey: "profile-secret", sessionToken: "profile-token"))
    }

    @Test func partialKeysAreErrors() throws {
        let home = try TemporaryHome(credentials: "[default]\naws_access_key_id = AKID\n")
        #expect(throws: AWSConfigurationError.self) { try resolve(env: ["AWS_ACCESS_KEY_ID": "AKID"], home: home) }
        do {
            _ = try resolve(home: home)
            Issue.record("half a key pair was accepted")
        } catch let error as AWSConfigurationError {
            #expect(error.kind == .partialCredentials)
            #expect(error.message.contains("aws_secret_access_key"))
        }
    }

    @Test func credentialProcessJSONVersion1() async throws {
        let home = try TemporaryHome()
        let script = try home.write(
            "bin/creds",
            """
            #!/bin/sh
            echo '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "proc-secret", "SessionToken": "proc-token", "Expiration": "2099-01-01T00:00:00Z"}'
            """, executable: true)
        try home.write(".aws/config", "[profile proc]\ncredential_process = \(script) --ignored \"quoted arg\"\n")
        let resolved = try resolve(.init(profile: "proc"), home: home)
        let keys = try await resolved.credentialsProvider.credentials()
        #expect(keys.accessKeyId == "AKIDPROC")
        #expect(keys.sessionToken == "proc-token")
        #expect(keys.expiration == ISO8601Timestamp.parse("2099-01-01T00:00:00Z"))
        #expect(resolved.credentialSource == "credential_process of profile 'proc'")
        #expect(resolved.credentialSourceKind == .credentialProcess)
    }

    @Test func credentialProcessFailuresSayWhat() async throws {
        let home = try TemporaryHome()
        let failing = try home.write("bin/fail", "#!/bin/sh\necho 'token expired, log in again' >&2\nexit 3\n", executable: true)
        let wrongVersion = try home.write("bin/v2", "#!/bin/sh\necho '{\"Version\": 2, \"AccessKeyId\": \"a\", \"SecretAccessKey\": \"b\"}'\n", executable: true)
        let notJSON = try home.write("bin/text", "#!/bin/sh\necho hello\n", executable: true)
        try home.write(
            ".aws/config",
            "[profile fail]\ncredential_process = \(failing)\n[profile v2]\ncredential_process = \(wrongVersion)\n[profile text]\ncredential_process = \(notJSON)\n")
        for (profile, expected) in [("fail", "status 3: token expired, log in again"), ("v2", "Version 2"), ("text", "Version 1")] {
            do {
                _ = try await resolve(.init(profile: profile), home: home).credentialsProvider.credentials()
                Issue.record("profile \(profile) produced credentials")
            } catch let error as AWSConfigurationError {
                #expect(error.kind == .credentialSourceFailed)
                #expect(error.message.contains(expected), "\(error.message)")
            }
        }
    }

    @Test func noCredentialsListsEveryPlaceAndTheFix() throws {
        let home = try TemporaryHome(config: "[default]\nregion = us-east-1\n")
        do {
            _ = try resolve(home: home)
            Issue.record("resolution without credentials succeeded")
        } catch let error as AWSConfigurationError {
            #expect(error.kind == .noCredentials)
            for place in [
                "AWS_ACCESS_KEY_ID", "AWS_WEB_IDENTITY_TOKEN_FILE", "profile 'default'", home.path + "/.aws/credentials",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_EC2_METADATA_DISABLED", "aws configure",
            ] {
                #expect(error.message.contains(place), "message should mention \(place)")
            }
        }
    }

    @Test func roleProfilesNeedASource() throws {
        let home = try TemporaryHome(
            config: """
                [profile lonely]
                role_arn = arn:aws:iam::123456789012:role/x
                [profile both]
                role_arn = arn:aws:iam::123456789012:role/x
                source_profile = default
                credential_source = Environment
                [profile loop-a]
                role_arn = arn:aws:iam::123456789012:role/a
                source_profile = loop-b
                [profile loop-b]
                role_arn = arn:aws:iam::123456789012:role/b
                source_profile = loop-a
                [profile dangling]
                role_arn = arn:aws:iam::123456789012:role/x
                source_profile = nowhere
                """)
        for name in ["lonely", "both", "loop-a", "dangling"] {
            #expect(throws: AWSConfigurationError.self, "profile \(name)") { try resolve(.init(profile: name), home: home) }
        }
    }
}
