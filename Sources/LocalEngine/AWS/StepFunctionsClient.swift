import AWSWire
import AutomationModel
import Foundation

/// Step Functions over the AWS wire, for aws:executeAwsApi. The configuration (region, credentials, endpoint:
/// AWS_ENDPOINT_URL_SFN and the rest of the SDK order) is resolved on the first call, not when the engine
/// starts, so an engine without AWS access runs everything else and only such a step fails, saying why.
public actor StepFunctionsClient: StepFunctionsCalling {
    private let options: AWSConfigurationOptions
    private let environment: [String: String]
    private let homeDirectory: String
    private var client: AWSJSONClient?

    public init(
        options: AWSConfigurationOptions = AWSConfigurationOptions(),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        homeDirectory: String = NSHomeDirectory()
    ) {
        self.options = options
        self.environment = environment
        self.homeDirectory = homeDirectory
    }

    public func callStepFunctions(operation: String, input: [String: JSONValue]) async throws -> JSONValue {
        let client = try resolvedClient()
        let body = try JSONEncoder().encode(JSONValue.object(input))
        let answer = try await client.call(operation, body: body)
        guard !answer.isEmpty else { return .object([:]) }
        return try JSONDecoder().decode(JSONValue.self, from: answer)
    }

    private func resolvedClient() throws -> AWSJSONClient {
        if let client { return client }
        let configuration = try AWSConfiguration.resolve(
            options: options, environment: environment, homeDirectory: homeDirectory)
        let made = try AWSJSONClient(service: .stepFunctions, configuration: configuration)
        client = made
        return made
    }
}
