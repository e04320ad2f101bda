import AutomationModel
import Foundation
import Testing

@testable import AWSWire

/// Requests the client sends and how it reads answers, against a stand-in endpoint on 127.0.0.1.
@Suite struct AWSJSONClientTests {
    struct GetExecution: Codable, Equatable {
        var AutomationExecutionId: String
    }

    struct Execution: Codable, Equatable {
        var AutomationExecution: Inner
        struct Inner: Codable, Equatable {
            var AutomationExecutionId: String
            var ExecutionStartTime: Date
        }
    }

    @Test func sendsASignedJSON11PostAndDecodesTheAnswer() async throws {
        let server = try await StandInServer(routes: [
            "POST /": [.json(200, #"{"AutomationExecution":{"AutomationExecutionId":"abc","ExecutionStartTime":1.7E9}}"#)]
        ])
        defer { server.stop() }
        let credentials = AWSCredentials(accessKeyId: "AKIDCLIENTTEST", secretAccessKey: "client/test+secret", sessionToken: "tok/en+=")
        let client = testClient(server: server, policy: RecordingSleeper().policy(), credentials: credentials)
        let answer: Execution = try await client.call("GetAutomationExecution", GetExecution(AutomationExecutionId: "abc"))
        #expect(answer.AutomationExecution.AutomationExecutionId == "abc")
        #expect(answer.AutomationExecution.ExecutionStartTime == Date(timeIntervalSince1970: 1.7e9))

        let request = try #require(try server.requests().first)
        #expect(request.method == "POST")
        #expect(request.path == "/")
        #expect(request.header("Content-Type") == "application/x-amz-json-1.1")
        #expect(request.header("X-Amz-Target") == "AmazonSSM.GetAutomationExecution")
        #expect(request.header("X-Amz-Security-Token") == "tok/en+=")
        #expect(request.header("Host") == "127.0.0.1:\(server.port)")
        #expect(try JSONDecoder().decode(GetExecution.self, from: Data(request.body.utf8)) == GetExecution(AutomationExecutionId: "abc"))

        // botocore, signing the same request at the same time, produces the same Authorization.
        let expected = try await BotocoreSigner.expectedAuthorization(
            method: "POST", url: server.baseURL + "/", headers: request.headers, body: request.body, service: "ssm",
            region: "us-east-1", access: credentials.accessKeyId, secret: credentials.secretAccessKey)
        #expect(request.header("Authorization") == expected)
        #expect(expected.contains("x-amz-security-token"))
        #expect(expected.contains("x-amz-target"))
    }

    @Test func stepFunctionsUsesJSON10AndItsSigningName() async throws {
        let server = try await StandInServer(routes: ["POST /": [.json(200, "{}"), .json(200, "")]])
        defer { server.stop() }
        let client = testClient(.stepFunctions, server: server, policy: RecordingSleeper().policy())
        struct SendTaskSuccess: Encodable { var taskToken: String; var output: String }
        let _: AWSEmptyShape = try await client.call("SendTaskSuccess", SendTaskSuccess(taskToken: "t", output: "{}"))
        let _: AWSEmptyShape = try await client.call("SendTaskSuccess", SendTaskSuccess(taskToken: "t", output: "{}"))

        let request = try #require(try server.requests().first)
        #expect(request.header("Content-Type") == "application/x-amz-json-1.0")
        #expect(request.header("X-Amz-Target") == "AWSStepFunctions.SendTaskSuccess")
        let authorization = try SigV4Authorization.parse(try #require(request.header("Authorization")))
        #expect(authorization.scope.service == "states")
        let verified = try SigV4Verifier.verify(
            method: "POST", path: "/", rawQuery: "", headers: request.headers.map { .init($0[0], $0[1]) },
            body: Data(request.body.utf8), secretForAccessKey: { _ in testCredentials.secretAccessKey })
        #expect(verified.accessKeyId == testCredentials.accessKeyId)
    }

    struct ErrorExample: CustomTestStringConvertible, Sendable {
        var status: Int
        var headers: [String: String] = [:]
        var body: String
        var code: String
        var message: String
        var testDescription: String { "\(code) from \(body.prefix(40))" }
    }

    static let errorExamples = [
        ErrorExample(
            status: 400, body: #"{"__type":"com.amazonaws.ssm#AutomationExecutionNotFoundException","message":"Execution abc not found"}"#,
            code: "AutomationExecutionNotFoundException", message: "Execution abc not found"),
        ErrorExample(
            status: 400, body: #"{"__type":"InvalidAutomationSignalException","Message":"Signal Approve is not valid"}"#,
            code: "InvalidAutomationSignalException", message: "Signal Approve is not valid"),
        ErrorExample(
            status: 400,
            headers: ["X-Amzn-Errortype": "ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/"],
            body: #"{"message":"1 validation error detected"}"#, code: "ValidationException",
            message: "1 validation error detected"),
        ErrorExample(
            status: 400, body: #"{"__type":"TaskTimedOut:http://internal.amazon.com/","message":"late"}"#, code: "TaskTimedOut",
            message: "late"),
        ErrorExample(status: 403, headers: ["X-Amzn-Errortype": "AccessDeniedException"], body: "", code: "AccessDeniedException", message: "HTTP 403 with no message."),
    ]

    @Test(arguments: errorExamples)
    func decodesServiceErrors(_ example: ErrorExample) async throws {
        let server = try await StandInServer(routes: ["POST /": [.json(example.status, example.body, headers: example.headers)]])
        defer { server.stop() }
        let client = testClient(server: server, policy: RecordingSleeper().policy())
        do {
            _ = try await client.call("SendAutomationSignal", body: Data("{}".utf8))
            Issue.record("an error answer was returned as success")
        } catch let error as ServiceError {
            #expect(error.code.rawValue == example.code)
            #expect(error.message == example.message)
        }
        // The status stays available through send().
        #expect(try await client.send("SendAutomationSignal", body: Data("{}".utf8)).status == example.status)
    }

    @Test func malformedErrorBodiesNameTheStatus() async throws {
        let server = try await StandInServer(routes: ["POST /": [.init(status: 404, headers: ["Content-Type": "text/html"], body: "<html>Not Found</html>")]])
        defer { server.stop() }
        let client = testClient(server: server, policy: RecordingSleeper().policy())
        do {
            _ = try await client.call("ListDocuments", body: Data("{}".utf8))
            Issue.record("an HTML answer was accepted")
        } catch let error as AWSWireError {
            #expect(error.kind == .malformedResponse)
            #expect(error.httpStatus == 404)
            #expect(error.message.contains("HTTP 404"))
            #expect(error.message.contains("<html>Not Found</html>"))
        }
    }

    @Test func malformedSuccessBodiesNameTheOperationAndStatus() async throws {
        let server = try await StandInServer(routes: ["POST /": [.json(200, "{not json")]])
        defer { server.stop() }
        let client = testClient(server: server, policy: RecordingSleeper().policy())
        do {
            let _: Execution = try await client.call("GetAutomationExecution", GetExecution(AutomationExecutionId: "x"))
            Issue.record("a broken answer was decoded")
        } catch let error as AWSWireError {
            #expect(error.kind == .malformedResponse)
            #expect(error.message.contains("GetAutomationExecution"))
            #expect(error.message.contains("HTTP 200"))
        }
    }

    @Test func clientFromAResolvedConfiguration() async throws {
        let server = try await StandInServer(routes: ["POST /": [.json(500, #"{"__type":"InternalServerError","message":"down"}"#)]])
        defer { server.stop() }
        let home = try TemporaryHome(config: "[default]\nregion = eu-west-1\nmax_attempts = 4\n")
        let configuration = try AWSConfiguration.resolve(
            environment: isolatedEnvironment([
                "AWS_ACCESS_KEY_ID": "AKIDCONFIG", "AWS_SECRET_ACCESS_KEY": "config-secret", "AWS_ENDPOINT_URL_SFN": server.baseURL,
            ]),
            homeDirectory: home.path)
        let sleeper = RecordingSleeper()
        let client = try AWSJSONClient(service: .stepFunctions, configuration: configuration, retryPolicy: sleeper.policy(maxAttempts: configuration.maxAttempts))
        #expect(client.endpoint == server.url)
        #expect(client.region == "eu-west-1")
        await #expect(throws: ServiceError(.internalServerError, "down")) {
            try await client.call("SendTaskFailure", body: Data("{}".utf8))
        }
        #expect(try server.requests().count == 4)
        let authorization = try SigV4Authorization.parse(try #require(try server.requests().first?.header("Authorization")))
        #expect(authorization.accessKeyId == "AKIDCONFIG")
        #expect(authorization.scope.region == "eu-west-1")
    }
}
