import Foundation
import Testing

@testable import AWSWire

@Suite struct EndpointResolutionTests {
    static let config = """
        [default]
        region = eu-west-1
        services = local
        endpoint_url = http://profile-global:1000

        [services local]
        ssm =
          endpoint_url = http://services-ssm:2000

        [profile bare]
        region = eu-west-1
        aws_access_key_id = AKIDBARE
        aws_secret_access_key = bare-secret

        [profile broken]
        region = eu-west-1
        aws_access_key_id = AKIDBROKEN
        aws_secret_access_key = broken-secret
        services = missing
        """

    func endpoint(
        _ service: AWSServiceEndpoint, options: AWSConfigurationOptions = .init(), env: [String: String] = [:]
    ) throws -> ResolvedEndpoint {
        let home = try TemporaryHome(config: Self.config)
        let environment = isolatedEnvironment(
            ["AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b"].merging(env) { $1 })
        return try AWSConfiguration.resolve(options: options, environment: environment, homeDirectory: home.path)
            .endpoint(for: service)
    }

    @Test func orderForSSM() throws {
        let all = ["AWS_ENDPOINT_URL_SSM": "http://env-ssm:3000", "AWS_ENDPOINT_URL": "http://env-global:4000"]
        #expect(try endpoint(.ssm, options: .init(endpointURL: "http://option:5000"), env: all).url.absoluteString == "http://option:5000")
        let specific = try endpoint(.ssm, env: all)
        #expect(specific.url.absoluteString == "http://env-ssm:3000")
        #expect(specific.source == "AWS_ENDPOINT_URL_SSM")
        #expect(try endpoint(.ssm, env: ["AWS_ENDPOINT_URL": "http://env-global:4000"]).url.absoluteString == "http://env-global:4000")
        let services = try endpoint(.ssm)
        #expect(services.url.absoluteString == "http://services-ssm:2000")
        #expect(services.source.contains("[services local]"))
    }

    @Test func orderForStepFunctions() throws {
        // The services section has no sfn entry, so the profile's endpoint_url applies.
        #expect(try endpoint(.stepFunctions).url.absoluteString == "http://profile-global:1000")
        #expect(try endpoint(.stepFunctions, env: ["AWS_ENDPOINT_URL_SSM": "http://env-ssm:3000"]).url.absoluteString == "http://profile-global:1000")
        #expect(try endpoint(.stepFunctions, env: ["AWS_ENDPOINT_URL_SFN": "http://env-sfn:3001"]).url.absoluteString == "http://env-sfn:3001")
    }

    @Test func ignoreConfiguredEndpointsLeavesOnlyTheOptionAndTheDefault() throws {
        let env = ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_ENDPOINT_URL_SSM": "http://env-ssm:3000", "AWS_ENDPOINT_URL": "http://g:1"]
        #expect(try endpoint(.ssm, env: env).url.absoluteString == "https://ssm.eu-west-1.amazonaws.com")
        #expect(try endpoint(.stepFunctions, env: env).url.absoluteString == "https://states.eu-west-1.amazonaws.com")
        #expect(try endpoint(.ssm, options: .init(endpointURL: "http://option:5000"), env: env).url.absoluteString == "http://option:5000")
    }

    @Test func defaultEndpoints() throws {
        #expect(try endpoint(.ssm, options: .init(profile: "bare")).url.absoluteString == "https://ssm.eu-west-1.amazonaws.com")
        #expect(try endpoint(.stepFunctions, options: .init(profile: "bare", region: "cn-north-1")).url.absoluteString == "https://states.cn-north-1.amazonaws.com.cn")
    }

    @Test func badSettingsAreClearErrors() throws {
        #expect(throws: AWSConfigurationError.self) { try endpoint(.ssm, options: .init(profile: "broken")) }
        do {
            _ = try endpoint(.ssm, env: ["AWS_ENDPOINT_URL_SSM": "not a url"])
            Issue.record("a malformed endpoint was accepted")
        } catch let error as AWSConfigurationError {
            #expect(error.message.contains("AWS_ENDPOINT_URL_SSM"))
        }
    }
}
