import AutomationModel
import Foundation
import Testing

@testable import AWSWire

/// How `SSMClient` handles throttling, retries, errors, unreadable answers and inputs it must refuse.
@Suite struct SSMClientBehaviourTests {
    static let id = SSMClientFixture.executionId
    static let throttled = StandInServer.Response.json(400, #"{"__type":"ThrottlingException","message":"Rate exceeded"}"#)
    static let internalError = StandInServer.Response.json(500, #"{"__type":"InternalServerError","message":"try again"}"#)
    static let execution = StandInServer.Response.json(
        200, #"{"AutomationExecution":{"AutomationExecutionId":"\#(id)","AutomationExecutionStatus":"Success"}}"#)
    static let get = GetAutomationExecutionRequest(automationExecutionId: id)

    @Test func throttlingIsRetriedWithBackoffAndReported() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.throttled, Self.throttled, Self.execution]])
        defer { server.stop() }
        let sleeper = RecordingSleeper()
        let recorder = SSMClientEventRecorder()
        let client = SSMClientFixture.client(server, sleeper: sleeper, observer: recorder.observer)
        let answer = try await client.getAutomationExecution(Self.get)
        #expect(answer.automationExecution?.automationExecutionStatus == .success)
        #expect(try server.requests().count == 3)
        #expect(try server.requests().allSatisfy { $0.header("X-Amz-Target") == "AmazonSSM.GetAutomationExecution" })
        #expect(sleeper.delays == [.seconds(1), .seconds(2)])
        #expect(recorder.events == [
            .throttled(operation: .getAutomationExecution, retryIn: .seconds(1)),
            .throttled(operation: .getAutomationExecution, retryIn: .seconds(2)),
        ])
    }

    @Test func eventsAlsoArriveOnTheStream() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.throttled, Self.execution]])
        defer { server.stop() }
        let client = SSMClientFixture.client(server)
        _ = try await client.getAutomationExecution(Self.get)
        var iterator = client.events.makeAsyncIterator()
        #expect(await iterator.next() == .throttled(operation: .getAutomationExecution, retryIn: .seconds(1)))
    }

    @Test func aPacedClientTakesOneTokenPerCallAndItsRetriesWaitForTheBackoff() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.throttled, Self.throttled, .json(200, "{}")]])
        defer { server.stop() }
        let sleeper = RecordingSleeper()
        let recorder = SSMClientEventRecorder()
        let waits = LockedValue<[Duration]>([])
        let client = PacedAutomationService(
            SSMClientFixture.client(server, sleeper: sleeper, observer: recorder.observer),
            limiter: OperationRateLimiter()) { _, waited in waits.withLock { $0.append(waited) } }
        _ = try await client.stopAutomationExecution(.init(automationExecutionId: Self.id, type: .cancel))
        #expect(recorder.events == [
            .throttled(operation: .stopAutomationExecution, retryIn: .seconds(1)),
            .throttled(operation: .stopAutomationExecution, retryIn: .seconds(2)),
        ])
        #expect(try server.requests().count == 3)
        #expect(waits.withLock { $0 }.isEmpty)
    }

    @Test func serverErrorsAreRetriedThenSurfaceWithTheAWSCode() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.internalError]])
        defer { server.stop() }
        let recorder = SSMClientEventRecorder()
        let client = SSMClientFixture.client(server, observer: recorder.observer)
        await #expect(throws: ServiceError(.internalServerError, "try again")) {
            try await client.startAutomationExecution(.init(documentName: "Restart"))
        }
        #expect(try server.requests().count == 3)
        #expect(recorder.events == [
            .retrying(operation: .startAutomationExecution, attempt: 2, error: "HTTP 500 InternalServerError", retryIn: .seconds(1)),
            .retrying(operation: .startAutomationExecution, attempt: 3, error: "HTTP 500 InternalServerError", retryIn: .seconds(2)),
        ])
    }

    @Test func serviceErrorsCarryTheAWSCodeAndMessage() async throws {
        let notFound = StandInServer.Response.json(
            400, #"{"__type":"com.amazonaws.ssm#AutomationExecutionNotFoundException","message":"Execution \#(Self.id) not found"}"#)
        let server = try await StandInServer(routes: ["POST /": [notFound]])
        defer { server.stop() }
        let recorder = SSMClientEventRecorder()
        let client = SSMClientFixture.client(server, observer: recorder.observer)
        await #expect(throws: ServiceError(.automationExecutionNotFoundException, "Execution \(Self.id) not found")) {
            try await client.sendAutomationSignal(.init(automationExecutionId: Self.id, signalType: .approve))
        }
        #expect(try server.requests().count == 1)
        #expect(recorder.events.isEmpty)
    }

    @Test(arguments: [
        #"{"AutomationExecution":{"AutomationExecutionId":42}}"#, "{not json", #"{"AutomationExecution":"#,
    ])
    func malformedAnswersAreReportedNotDecoded(_ body: String) async throws {
        let server = try await StandInServer(routes: ["POST /": [.json(200, body)]])
        defer { server.stop() }
        do {
            let answer = try await SSMClientFixture.client(server).getAutomationExecution(Self.get)
            Issue.record("a malformed answer was decoded as \(answer)")
        } catch let error as AWSWireError {
            #expect(error.kind == .malformedResponse)
            #expect(error.message.contains("GetAutomationExecution"))
            #expect(error.message.contains("GetAutomationExecutionResponse"))
        }
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var messageFragment: String
        var call: @Sendable (SSMClient) async throws -> Void
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "short execution ID on Get", messageFragment: "exactly 36 characters") {
            _ = try await $0.getAutomationExecution(.init(automationExecutionId: "abc"))
        },
        Refusal(name: "short execution ID on step executions", messageFragment: "exactly 36 characters") {
            _ = try await $0.describeAutomationStepExecutions(.init(automationExecutionId: "abc"))
        },
        Refusal(name: "short execution ID on Stop", messageFragment: "exactly 36 characters") {
            _ = try await $0.stopAutomationExecution(.init(automationExecutionId: id + "0"))
        },
        Refusal(name: "StartStep without StepName", messageFragment: "needs exactly one StepName") {
            _ = try await $0.sendAutomationSignal(.init(automationExecutionId: id, signalType: .startStep))
        },
        Refusal(name: "StopStep without StepExecutionId", messageFragment: "needs exactly one StepExecutionId") {
            _ = try await $0.sendAutomationSignal(.init(automationExecutionId: id, signalType: .stopStep, payload: ["StepName": ["x"]]))
        },
        Refusal(name: "unknown signal", messageFragment: "Unknown signal type 'Pause'") {
            _ = try await $0.sendAutomationSignal(.init(automationExecutionId: id, signalType: "Pause"))
        },
        Refusal(name: "payload value too long", messageFragment: "must be 1 to 512 characters") {
            _ = try await $0.sendAutomationSignal(.init(
                automationExecutionId: id, signalType: .approve, payload: ["Comment": [String(repeating: "x", count: 513)]]))
        },
        Refusal(name: "too many parameter values", messageFragment: "has 51 values") {
            _ = try await $0.startAutomationExecution(.init(
                documentName: "Restart", parameters: ["Hosts": (0..<51).map { "host-\($0)" }]))
        },
        Refusal(name: "empty parameters map", messageFragment: "between 1 and 200 keys") {
            _ = try await $0.startAutomationExecution(.init(documentName: "Restart", parameters: [:]))
        },
    ]

    @Test(arguments: refusals)
    func inputsOutsideTheAPILimitsAreRefusedBeforeSending(_ refusal: Refusal) async throws {
        let server = try await StandInServer(routes: ["POST /": [.json(200, "{}")]])
        defer { server.stop() }
        do {
            try await refusal.call(SSMClientFixture.client(server))
            Issue.record("\(refusal.name) was sent")
        } catch let error as ServiceError {
            #expect(error.code == .validationException)
            #expect(error.message.contains(refusal.messageFragment), "\(error.message)")
        }
        #expect(try server.requests().isEmpty)
    }

    @Test func clientFromAResolvedConfiguration() async throws {
        let server = try await StandInServer(routes: ["POST /": [.json(200, #"{"AutomationExecutionId":"\#(Self.id)"}"#)]])
        defer { server.stop() }
        let home = try TemporaryHome(config: "[default]\nregion = eu-west-1\n")
        let configuration = try AWSConfiguration.resolve(
            environment: isolatedEnvironment([
                "AWS_ACCESS_KEY_ID": "AKIDSSMCONFIG", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_ENDPOINT_URL_SSM": server.baseURL,
            ]),
            homeDirectory: home.path)
        let client = try SSMClient(configuration: configuration)
        #expect(client.wire.endpoint == server.url)
        #expect(client.wire.region == "eu-west-1")
        let answer = try await client.startAutomationExecution(.init(documentName: "Restart", mode: .auto))
        #expect(answer.automationExecutionId == Self.id)
        let authorization = try SigV4Authorization.parse(try #require(try server.requests().first?.header("Authorization")))
        #expect(authorization.accessKeyId == "AKIDSSMCONFIG")
        #expect(authorization.scope.region == "eu-west-1")
        #expect(authorization.scope.service == "ssm")
    }
}
