import Foundation
import Testing

@testable import AWSWire

/// Profile and region selection, shared files, max attempts and TLS settings.
@Suite struct ConfigurationTests {
    static let keys = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret"]

    func resolve(
        _ options: AWSConfigurationOptions = .init(), env: [String: String] = [:], home: TemporaryHome
    ) throws -> AWSConfiguration {
        try AWSConfiguration.resolve(
            options: options, environment: isolatedEnvironment(Self.keys.merging(env) { $1 }), homeDirectory: home.path)
    }

    @Test func profileOrderIsOptionThenDefaultProfileThenProfileThenDefault() throws {
        let home = try TemporaryHome(
            config: """
                [default]
                region = eu-west-1
                [profile a]
                region = eu-west-2
                [profile b]
                region = eu-west-3
                [profile c]
                region = eu-north-1
                """,
            credentials: "[a]\naws_access_key_id = AKIDA\naws_secret_access_key = a-secret\n")
        #expect(try resolve(home: home).profileName == "default")
        #expect(try resolve(env: ["AWS_PROFILE": "b"], home: home).profileName == "b")
        // botocore reads AWS_DEFAULT_PROFILE before AWS_PROFILE.
        #expect(try resolve(env: ["AWS_PROFILE": "b", "AWS_DEFAULT_PROFILE": "c"], home: home).profileName == "c")
        let chosen = try resolve(.init(profile: "a"), env: ["AWS_PROFILE": "b", "AWS_DEFAULT_PROFILE": "c"], home: home)
        #expect(chosen.profileName == "a")
        #expect(chosen.region == "eu-west-2")
        // An explicit --profile also means its keys win over the environment's, as in the AWS CLI.
        #expect(chosen.credentialSource == "static keys of profile 'a'")
    }

    @Test func unknownProfileListsTheKnownOnes() throws {
        let home = try TemporaryHome(config: "[profile a]\nregion = eu-west-1\n", credentials: "[b]\naws_access_key_id = x\naws_secret_access_key = y\n")
        do {
            _ = try resolve(.init(profile: "nope"), home: home)
            Issue.record("an unknown profile was accepted")
        } catch let error as AWSConfigurationError {
            #expect(error.kind == .profileNotFound)
            #expect(error.message.contains("(nope)"))
            #expect(error.message.contains("a, b"))
            #expect(error.message.contains("aws configure --profile nope"))
        }
    }

    @Test func regionOrder() throws {
        let home = try TemporaryHome(config: "[default]\nregion = from-profile-1\n")
        #expect(try resolve(home: home).region == "from-profile-1")
        #expect(try resolve(env: ["AWS_DEFAULT_REGION": "default-region-1"], home: home).region == "default-region-1")
        let fromEnv = try resolve(env: ["AWS_DEFAULT_REGION": "default-region-1", "AWS_REGION": "region-1"], home: home)
        #expect(fromEnv.region == "region-1")
        #expect(fromEnv.regionSource == "AWS_REGION")
        let fromOption = try resolve(.init(region: "option-1"), env: ["AWS_REGION": "region-1"], home: home)
        #expect(fromOption.region == "option-1")
        #expect(fromOption.regionSource == "--region")
    }

    @Test func missingRegionSaysWhereItLookedAndHowToFix() throws {
        let home = try TemporaryHome()
        do {
            _ = try resolve(home: home)
            Issue.record("resolution without a region succeeded")
        } catch let error as AWSConfigurationError {
            #expect(error.kind == .missingRegion)
            for place in ["--region", "AWS_REGION", "AWS_DEFAULT_REGION", "profile 'default'", home.path + "/.aws/config", "aws configure"] {
                #expect(error.message.contains(place), "message should mention \(place)")
            }
        }
        #expect(throws: AWSConfigurationError.self) { try resolve(.init(region: "not a region!"), home: home) }
    }

    /// The pattern `^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$`, written out; the expectations are what
    /// Python's `re.fullmatch` gives for it.
    @Test(arguments: [
        ("us-east-1", true), ("a", true), ("1", true), ("eu-west-2", true), ("a--b", true),
        (String(repeating: "a", count: 63), true), (String(repeating: "a", count: 64), false), ("-a", false),
        ("a-", false), ("", false), ("us east 1", false), ("us_east_1", false), ("ü-1", false), ("x.y", false),
        ("us-east-1\n", false),
    ])
    func regionNamesAreHostLabels(region: String, valid: Bool) {
        #expect(AWSConfiguration.isValidRegionName(region) == valid, "\(region)")
    }

    @Test func credentialsFileWinsAndFilePathsComeFromTheEnvironment() async throws {
        let home = try TemporaryHome()
        let config = try home.write(
            "elsewhere/config",
            """
            [profile work]
            region = ap-south-1
            aws_access_key_id = FROMCONFIG
            aws_secret_access_key = config-secret
            [work]
            region = ignored-not-a-profile-section
            """)
        let credentials = try home.write(
            "elsewhere/credentials",
            """
            [work]
            aws_access_key_id = FROMCREDENTIALS
            aws_secret_access_key = credentials-secret
            [profile work]
            aws_access_key_id = NOT-THIS-ONE
            aws_secret_access_key = no
            """)
        let resolved = try AWSConfiguration.resolve(
            options: .init(profile: "work"),
            environment: isolatedEnvironment(["AWS_CONFIG_FILE": config, "AWS_SHARED_CREDENTIALS_FILE": credentials]),
            homeDirectory: home.path)
        #expect(resolved.region == "ap-south-1")
        let keys = try await resolved.credentialsProvider.credentials()
        #expect(keys.accessKeyId == "FROMCREDENTIALS")
        #expect(keys.secretAccessKey == "credentials-secret")
        #expect(resolved.credentialSource == "static keys of profile 'work'")
    }

    @Test func maxAttemptsAndTransportSettings() throws {
        let home = try TemporaryHome(config: "[default]\nregion = us-east-1\nmax_attempts = 5\nca_bundle = ~/ca.pem\n")
        let fromProfile = try resolve(home: home)
        #expect(fromProfile.maxAttempts == 5)
        #expect(fromProfile.transportSettings.caBundlePath == home.path + "/ca.pem")
        #expect(fromProfile.transportSettings.connectTimeout == .seconds(60))

        let fromEnv = try resolve(
            .init(caBundle: "/opt/ca.pem", verifySSL: false, connectTimeout: .seconds(2), readTimeout: .seconds(3)),
            env: ["AWS_MAX_ATTEMPTS": "1", "AWS_CA_BUNDLE": "/env/ca.pem"], home: home)
        #expect(fromEnv.maxAttempts == 1)
        #expect(fromEnv.transportSettings == AWSTransportSettings(connectTimeout: .seconds(2), readTimeout: .seconds(3), caBundlePath: "/opt/ca.pem", verifySSL: false))
        #expect(try resolve(env: ["AWS_CA_BUNDLE": "/env/ca.pem"], home: home).transportSettings.caBundlePath == "/env/ca.pem")

        #expect(throws: AWSConfigurationError.self) { try resolve(env: ["AWS_MAX_ATTEMPTS": "zero"], home: home) }
        #expect(throws: AWSConfigurationError.self) { try resolve(env: ["AWS_MAX_ATTEMPTS": "0"], home: home) }
    }
}
