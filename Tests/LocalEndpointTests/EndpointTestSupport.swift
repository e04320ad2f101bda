import AWSWire
import AutomationModel
import Foundation
import LocalEndpoint
import LocalEngine
import Testing

/// A started endpoint on a free port in a temporary data directory, with two known callers.
struct EndpointHarness {
    static let alice = ServeAccessKey(
        accessKeyId: "AKIAALICE0000000TEST", secretAccessKey: "alice-secret-0000000000000000000000000000",
        principalArn: "arn:aws:iam::123456789012:user/alice")
    static let bob = ServeAccessKey(
        accessKeyId: "AKIABOB00000000TEST1", secretAccessKey: "bob-secret-00000000000000000000000000000",
        principalArn: "arn:aws:iam::123456789012:role/bob-role")

    let endpoint: RunningEndpoint
    let directory: URL

    var url: URL { URL(string: "http://127.0.0.1:\(endpoint.port)")! }

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("serve-test-\(UUID().uuidString)")
    }

    /// Runs `body` against a fresh endpoint and always stops it and removes its directory afterwards.
    static func with<T>(
        keys: [ServeAccessKey] = [alice, bob], keyGroups: [String: [String]] = [:], quotas: ServeQuotas = .none,
        instances: [ManagedInstance] = [ManagedInstanceRegistry.localhost], directory: URL? = nil,
        keepDirectory: Bool = false, _ body: (EndpointHarness) async throws -> T
    ) async throws -> T {
        let directory = directory ?? temporaryDirectory()
        let endpoint = try await SSMEndpoint.start(
            ServeConfiguration(
                port: 0, dataDirectory: directory, accessKeys: keys, keyGroups: keyGroups, instances: instances,
                quotas: quotas))
        let harness = EndpointHarness(endpoint: endpoint, directory: directory)
        do {
            let result = try await body(harness)
            await endpoint.stop()
            if !keepDirectory { try? FileManager.default.removeItem(at: directory) }
            return result
        } catch {
            await endpoint.stop()
            if !keepDirectory { try? FileManager.default.removeItem(at: directory) }
            throw error
        }
    }

    /// An AWS JSON client signing as `key` (by default the endpoint's first key), with one attempt so errors (throttling included) come back as they are.
    func client(_ key: ServeAccessKey? = nil) -> AWSJSONClient {
        let key = key ?? endpoint.accessKeys[0]
        return AWSJSONClient(
            service: .ssm, endpoint: url, region: "us-east-1",
            credentials: StaticCredentialsProvider(accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey),
            retryPolicy: AWSRetryPolicy(maxAttempts: 1))
    }

    /// Sends a raw request for `operation`, signed as `key` at `date` (or unsigned when `key` is nil); `sentBody`
    /// replaces the signed body on the wire.
    func raw(
        _ operation: String?, body: String, key: ServeAccessKey? = alice, region: String = "eu-west-1",
        service: String = "ssm", date: Date = Date(), method: String = "POST", sentBody: String? = nil,
        tamper: (inout [SigV4Request.Header]) -> Void = { _ in }
    ) async throws -> AWSHTTPResponse {
        var headers = [SigV4Request.Header("Content-Type", "application/x-amz-json-1.1")]
        if let operation { headers.append(.init("X-Amz-Target", "AmazonSSM.\(operation)")) }
        var request = try SigV4Request(method: method, url: URL(string: url.absoluteString + "/")!, headers: headers, body: Data(body.utf8))
        if let key {
            let signer = SigV4Signer(
                credentials: AWSCredentials(accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey),
                region: region, service: service)
            request = signer.sign(request, at: date).request
        }
        tamper(&request.headers)
        return try await AsyncHTTPTransport().send(
            AWSHTTPRequest(method: method, url: URL(string: url.absoluteString + "/")!, headers: request.headers,
                body: sentBody.map { Data($0.utf8) } ?? request.body))
    }

    func executionCount() async throws -> Int {
        let page: DescribeAutomationExecutionsResponse = try await client().call(
            "DescribeAutomationExecutions", DescribeAutomationExecutionsRequest(maxResults: 50))
        return page.automationExecutionMetadataList?.count ?? 0
    }

    func execution(_ id: String) async throws -> AutomationExecution {
        let answer: GetAutomationExecutionResponse = try await client().call(
            "GetAutomationExecution", GetAutomationExecutionRequest(automationExecutionId: id))
        return try #require(answer.automationExecution)
    }

    /// Polls until the execution is in `status` (10 s at most).
    func waitFor(_ id: String, _ status: AutomationExecutionStatus) async throws -> AutomationExecution {
        let deadline = Date().addingTimeInterval(10)
        while true {
            let execution = try await execution(id)
            if execution.automationExecutionStatus == status || Date() > deadline { return execution }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

/// The `__type` and `message` of an error answer.
struct ErrorBody: Decodable {
    var type: String
    var message: String
    enum CodingKeys: String, CodingKey {
        case type = "__type"
        case message
    }

    init(_ response: AWSHTTPResponse) throws {
        self = try JSONDecoder().decode(ErrorBody.self, from: response.body)
    }
}

/// Runs `body` and returns the ServiceError it throws (failing the test when it throws none or another error).
func serviceError(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> ServiceError? {
    do {
        try await body()
        Issue.record("Expected a ServiceError, but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as ServiceError {
        return error
    } catch {
        Issue.record("Expected a ServiceError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

enum TestDocuments {
    /// An approval by alice, then a short sleep.
    static let approval = """
        schemaVersion: '0.3'
        mainSteps:
          - name: Approve
            action: aws:approve
            inputs:
              Approvers:
                - arn:aws:iam::123456789012:user/alice
          - name: Rest
            action: aws:sleep
            inputs:
              Duration: PT0S
        """

    static let sleepLong = """
        schemaVersion: '0.3'
        mainSteps:
          - name: Wait
            action: aws:sleep
            inputs:
              Duration: PT1H
        """
}
