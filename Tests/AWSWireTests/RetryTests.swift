import AutomationModel
import Foundation
import Testing

@testable import AWSWire

/// Standard-mode retries observed against a stand-in endpoint that throttles, fails, closes and stalls.
@Suite struct RetryTests {
    static let throttled = StandInServer.Response.json(400, #"{"__type":"ThrottlingException","message":"Rate exceeded"}"#)
    static let internalError = StandInServer.Response.json(500, #"{"__type":"InternalServerError","message":"try again"}"#)
    static let ok = StandInServer.Response.json(200, #"{"ok":true}"#)
    static let body = Data("{}".utf8)

    @Test func throttlingIsRetriedWithGrowingBackoff() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.throttled, Self.throttled, Self.ok]])
        defer { server.stop() }
        let sleeper = RecordingSleeper()
        let answer = try await testClient(server: server, policy: sleeper.policy(random: 1)).call("DescribeAutomationExecutions", body: Self.body)
        #expect(String(decoding: answer, as: UTF8.self) == #"{"ok":true}"#)
        #expect(try server.requests().count == 3)
        #expect(sleeper.delays == [.seconds(1), .seconds(2)])
    }

    @Test func everyRetryIsSignedAgain() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.throttled, Self.ok]])
        defer { server.stop() }
        let clock = TestClock(Date(timeIntervalSince1970: 1_700_000_000))
        let policy = AWSRetryPolicy(sleep: { _ in clock.set(Date(timeIntervalSince1970: 1_700_000_007)) }, random: { 1 })
        let client = AWSJSONClient(
            service: .ssm, endpoint: server.url, region: "us-east-1", credentials: StaticCredentialsProvider(testCredentials),
            transportSettings: .init(), retryPolicy: policy, now: clock.now)
        _ = try await client.call("ListDocuments", body: Self.body)
        let dates = try server.requests().map { $0.header("X-Amz-Date") }
        #expect(dates == ["20231114T221320Z", "20231114T221327Z"])
    }

    @Test func serverErrorsStopAfterThreeAttemptsWithTheAWSError() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.internalError]])
        defer { server.stop() }
        let sleeper = RecordingSleeper()
        do {
            _ = try await testClient(server: server, policy: sleeper.policy()).call("StartAutomationExecution", body: Self.body)
            Issue.record("a failing endpoint returned success")
        } catch let error as ServiceError {
            #expect(error == ServiceError(.internalServerError, "try again"))
        }
        #expect(try server.requests().count == 3)
        #expect(sleeper.delays.count == 2)
    }

    @Test(arguments: [502, 503, 504])
    func transientStatusesAreRetriedEvenWithoutJSON(_ status: Int) async throws {
        let gateway = StandInServer.Response(status: status, headers: ["Content-Type": "text/html"], body: "<html>gateway</html>")
        let server = try await StandInServer(routes: ["POST /": [gateway]])
        defer { server.stop() }
        do {
            _ = try await testClient(server: server, policy: RecordingSleeper().policy()).call("ListDocuments", body: Self.body)
            Issue.record("a gateway error returned success")
        } catch let error as AWSWireError {
            #expect(error.kind == .malformedResponse)
            #expect(error.httpStatus == status)
            #expect(error.message.contains("HTTP \(status)"))
        }
        #expect(try server.requests().count == 3)
    }

    @Test(arguments: ["RequestTimeout", "InternalError", "RequestTimeoutException", "PriorRequestNotComplete", "TooManyRequestsException"])
    func listedCodesAreRetried(_ code: String) async throws {
        let server = try await StandInServer(routes: ["POST /": [.json(400, #"{"__type":"\#(code)","message":"m"}"#), Self.ok]])
        defer { server.stop() }
        _ = try await testClient(server: server, policy: RecordingSleeper().policy()).call("ListDocuments", body: Self.body)
        #expect(try server.requests().count == 2)
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let server = try await StandInServer(routes: ["POST /": [.json(400, #"{"__type":"InvalidAutomationSignalException","message":"no"}"#)]])
        defer { server.stop() }
        let sleeper = RecordingSleeper()
        await #expect(throws: ServiceError(.invalidAutomationSignalException, "no")) {
            try await testClient(server: server, policy: sleeper.policy()).call("SendAutomationSignal", body: Self.body)
        }
        #expect(try server.requests().count == 1)
        #expect(sleeper.delays.isEmpty)
    }

    @Test func closedConnectionsAreRetried() async throws {
        let server = try await StandInServer(routes: ["POST /": [.closeConnection, .closeConnection, Self.ok]])
        defer { server.stop() }
        let answer = try await testClient(server: server, policy: RecordingSleeper().policy()).call("ListDocuments", body: Self.body)
        #expect(!answer.isEmpty)
        #expect(try server.requests().count == 3)

        let alwaysClosing = try await StandInServer(routes: ["POST /": [.closeConnection]])
        defer { alwaysClosing.stop() }
        do {
            _ = try await testClient(server: alwaysClosing, policy: RecordingSleeper().policy()).call("ListDocuments", body: Self.body)
            Issue.record("a closed connection returned success")
        } catch let error as AWSWireError {
            #expect(error.kind == .connectionFailed)
            #expect(error.message.contains(alwaysClosing.baseURL))
        }
    }

    @Test func refusedConnectionsAreRetriedThenReported() async throws {
        let closed = try await StandInServer(routes: [:])
        closed.stop()
        let client = AWSJSONClient(
            service: .ssm, endpoint: closed.url, region: "us-east-1", credentials: StaticCredentialsProvider(testCredentials),
            transportSettings: .init(connectTimeout: .seconds(1), readTimeout: .seconds(1)), retryPolicy: RecordingSleeper().policy())
        do {
            _ = try await client.call("ListDocuments", body: Self.body)
            Issue.record("a refused connection returned success")
        } catch let error as AWSWireError {
            #expect(error.isConnectionError)
            #expect(error.message.contains(closed.baseURL))
        }
    }

    @Test func slowAnswersTimeOutAndCostTheTimeoutPrice() async throws {
        let slow = StandInServer.Response(status: 200, body: "{}", delay: 2)
        let server = try await StandInServer(routes: ["POST /": [slow, Self.ok]])
        defer { server.stop() }
        let quota = AWSRetryQuota()
        let sleeper = RecordingSleeper()
        let client = testClient(
            server: server, policy: sleeper.policy(quota: quota),
            settings: .init(connectTimeout: .seconds(1), readTimeout: .milliseconds(400)))
        _ = try await client.call("ListDocuments", body: Self.body)
        #expect(try server.requests().count == 2)
        // 10 taken for the timeout retry, given back by the success that followed.
        #expect(await quota.availableCapacity == 500)

        let stalled = try await StandInServer(routes: ["POST /": [slow]])
        defer { stalled.stop() }
        let stalledClient = testClient(
            server: stalled, policy: sleeper.policy(quota: quota),
            settings: .init(connectTimeout: .seconds(1), readTimeout: .milliseconds(400)))
        do {
            _ = try await stalledClient.call("ListDocuments", body: Self.body)
            Issue.record("a stalled endpoint returned success")
        } catch let error as AWSWireError {
            #expect(error.kind == .readTimeout)
            #expect(error.message.contains("Read timeout"))
        }
        #expect(await quota.availableCapacity == 480)
    }

    @Test func theRetryBudgetStopsHammeringAFailingEndpoint() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.internalError]])
        defer { server.stop() }
        let quota = AWSRetryQuota(capacity: 12)
        let client = testClient(server: server, policy: RecordingSleeper().policy(quota: quota))
        for _ in 0..<3 {
            await #expect(throws: ServiceError.self) { try await client.call("ListDocuments", body: Self.body) }
        }
        // First call: 3 attempts (12 → 7 → 2). Then the bucket cannot pay for a retry: 1 attempt each.
        #expect(try server.requests().count == 5)
        #expect(await quota.availableCapacity == 2)
    }

    @Test func successesRefillTheBudget() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.internalError, Self.ok]])
        defer { server.stop() }
        let quota = AWSRetryQuota(capacity: 20)
        let client = testClient(server: server, policy: RecordingSleeper().policy(quota: quota))
        _ = try await client.call("ListDocuments", body: Self.body)
        #expect(await quota.availableCapacity == 20)
        await quota.release(0)
        _ = await quota.acquire(afterTimeout: false)
        _ = try await client.call("ListDocuments", body: Self.body)
        #expect(await quota.availableCapacity == 16)
    }

    @Test func maxAttemptsComesFromTheEnvironment() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.internalError]])
        defer { server.stop() }
        let home = try TemporaryHome()
        let configuration = try AWSConfiguration.resolve(
            environment: isolatedEnvironment([
                "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b",
                "AWS_ENDPOINT_URL": server.baseURL, "AWS_MAX_ATTEMPTS": "5",
            ]),
            homeDirectory: home.path)
        let defaultClient = try AWSJSONClient(service: .ssm, configuration: configuration)
        #expect(defaultClient.retryPolicy.maxAttempts == 5)
        let client = try AWSJSONClient(service: .ssm, configuration: configuration, retryPolicy: RecordingSleeper().policy(maxAttempts: configuration.maxAttempts))
        await #expect(throws: ServiceError.self) { try await client.call("ListDocuments", body: Self.body) }
        #expect(try server.requests().count == 5)
    }
}
