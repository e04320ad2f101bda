/// A service spoken to with the AWS JSON protocol: POST / with `X-Amz-Target: <prefix>.<Operation>`.
public struct AWSJSONService: Sendable, Hashable {
    /// The service name in the SigV4 credential scope.
    public var signingName: String
    public var targetPrefix: String
    /// "1.0" or "1.1": the suffix of the `application/x-amz-json-…` content type.
    public var jsonVersion: String
    public var endpoint: AWSServiceEndpoint

    public init(signingName: String, targetPrefix: String, jsonVersion: String, endpoint: AWSServiceEndpoint) {
        self.signingName = signingName
        self.targetPrefix = targetPrefix
        self.jsonVersion = jsonVersion
        self.endpoint = endpoint
    }

    public var endpointPrefix: String { endpoint.endpointPrefix }
    public var environmentKey: String { endpoint.environmentKey }
    public var contentType: String { "application/x-amz-json-\(jsonVersion)" }

    public static let ssm = AWSJSONService(
        signingName: "ssm", targetPrefix: "AmazonSSM", jsonVersion: "1.1", endpoint: .ssm)
    public static let stepFunctions = AWSJSONService(
        signingName: "states", targetPrefix: "AWSStepFunctions", jsonVersion: "1.0", endpoint: .stepFunctions)
}
