import AWSWire
import AutomationModel
import Foundation
import LocalEngine
import Testing

/// Seed 004 end to end: a Step Functions task waits on a task token; the SfnRunCommand runbook runs the
/// commands on the local managed instance and calls back with SendTaskSuccess or SendTaskFailure.
/// moto's server plays Step Functions (and SQS, through which the state machine hands out its token).
@Suite(.serialized) struct SeedCallbackTests {
    static let region = "us-east-1"
    static let credentials = StaticCredentialsProvider(
        AWSCredentials(accessKeyId: "testing", secretAccessKey: "testing"))

    struct Harness {
        let moto: MotoServer
        let sqs: AWSJSONClient
        let stepFunctions: AWSJSONClient
        let engine: AutomationEngine
        let directory: URL

        static func start() async throws -> Harness {
            let moto = try MotoServer()
            try await moto.ready()
            let sqsService = AWSJSONService(
                signingName: "sqs", targetPrefix: "AmazonSQS", jsonVersion: "1.0",
                endpoint: AWSServiceEndpoint(endpointPrefix: "sqs", environmentKey: "SQS", configKey: "sqs"))
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seed-\(UUID().uuidString)")
            let environment = [
                "AWS_ENDPOINT_URL_SFN": moto.endpoint.absoluteString, "AWS_ACCESS_KEY_ID": "testing",
                "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": region,
            ]
            let engine = try await AutomationEngine.open(
                EngineConfiguration(
                    dataDirectory: directory.appendingPathComponent("engine"), region: region,
                    stepFunctions: StepFunctionsClient(environment: environment, homeDirectory: directory.path)))
            return Harness(
                moto: moto,
                sqs: AWSJSONClient(
                    service: sqsService, endpoint: moto.endpoint, region: region, credentials: credentials),
                stepFunctions: AWSJSONClient(
                    service: .stepFunctions, endpoint: moto.endpoint, region: region, credentials: credentials),
                engine: engine, directory: directory)
        }

        /// Starts moto and an engine, runs `body`, and stops both whatever happens.
        static func run(_ body: (Harness) async throws -> Void) async throws {
            let harness = try await start()
            do {
                try await body(harness)
            } catch {
                await harness.stop()
                throw error
            }
            await harness.stop()
        }

        func stop() async {
            await engine.shutdown()
            moto.stop()
            try? FileManager.default.removeItem(at: directory)
        }

        func call(_ client: AWSJSONClient, _ operation: String, _ input: JSONValue) async throws -> JSONValue {
            let data = try await client.call(operation, body: try JSONEncoder().encode(input))
            return try JSONDecoder().decode(JSONValue.self, from: data)
        }

        /// A state machine whose one task hands its token out through SQS and waits for the callback.
        func startStateMachine(input: JSONValue) async throws -> (executionArn: String, message: JSONValue) {
            let queueUrl = try await call(sqs, "CreateQueue", ["QueueName": .string("tokens-\(UUID().uuidString.prefix(8))")])["QueueUrl"]?
                .stringValue ?? ""
            let definition: JSONValue = [
                "StartAt": "StartAutomationWaitForCallBack",
                "States": [
                    "StartAutomationWaitForCallBack": [
                        "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                        "Parameters": [
                            "QueueUrl": .string(queueUrl),
                            "MessageBody": ["taskToken.$": "$$.Task.Token", "Commands.$": "$.Commands"],
                        ],
                        "End": true,
                    ]
                ],
            ]
            let machine = try await call(
                stepFunctions, "CreateStateMachine",
                [
                    "name": .string("seed-\(UUID().uuidString.prefix(8))"), "definition": .string(definition.jsonText),
                    "roleArn": "arn:aws:iam::123456789012:role/sfn",
                ])
            let execution = try await call(
                stepFunctions, "StartExecution",
                ["stateMachineArn": machine["stateMachineArn"] ?? .null, "input": .string(input.jsonText)])
            for _ in 0..<100 {
                let received = try await call(sqs, "ReceiveMessage", ["QueueUrl": .string(queueUrl)])
                if let body = received["Messages"]?.arrayValue?.first?["Body"]?.stringValue {
                    return (execution["executionArn"]?.stringValue ?? "", try JSONValue.parse(body))
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            let history = try await call(
                stepFunctions, "GetExecutionHistory", ["executionArn": execution["executionArn"] ?? .null])
            throw ServiceError(
                .internalServerError,
                "The state machine never handed out a task token. Its last event: \(history["events"]?.arrayValue?.last?.jsonText ?? "none")")
        }

        func stateMachineResult(_ executionArn: String) async throws -> JSONValue {
            for _ in 0..<150 {
                let description = try await call(stepFunctions, "DescribeExecution", ["executionArn": .string(executionArn)])
                if description["status"]?.stringValue != "RUNNING" { return description }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw ServiceError(.internalServerError, "The state machine execution did not end.")
        }

        func runbookResult(_ id: String) async throws -> AutomationExecution {
            for _ in 0..<300 {
                let execution = try await engine.session(principal: "arn:aws:iam::123456789012:role/sfn")
                    .getAutomationExecution(GetAutomationExecutionRequest(automationExecutionId: id)).automationExecution
                if let execution, execution.automationExecutionStatus?.isTerminal == true { return execution }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw ServiceError(.internalServerError, "The runbook did not end.")
        }

        func startRunbook(_ document: String, _ parameters: AutomationParameterMap) async throws -> String {
            try await engine.session(principal: "arn:aws:iam::123456789012:role/sfn").startAutomationExecution(
                StartAutomationExecutionRequest(documentName: document, parameters: parameters)
            ).automationExecutionId ?? ""
        }
    }

    @Test func commandThatSucceedsCompletesTheStateMachine() async throws {
        try await Harness.run { harness in
            let workingDirectory = harness.directory.appendingPathComponent("work")
            try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
            let commands: JSONValue = [
                #"echo "This is a test running automation waitForTaskToken" >> automation.log"#, "cat automation.log",
            ]
            let (executionArn, message) = try await harness.startStateMachine(input: ["Commands": commands])
            let token = try #require(message["taskToken"]?.stringValue)
            let id = try await harness.startRunbook(
                "SfnRunCommandByInstanceIds",
                [
                    "InstanceIds": ["mi-00000000000000001"], "taskToken": [token],
                    "Commands": message["Commands"]?.arrayValue?.map(\.displayText) ?? [],
                    "workingDirectory": [workingDirectory.path],
                ])

            let runbook = try await harness.runbookResult(id)
            #expect(runbook.automationExecutionStatus == .success)
            let steps = Dictionary(uniqueKeysWithValues: (runbook.stepExecutions ?? []).map { ($0.stepName ?? "", $0) })
            #expect(steps["RunCommand"]?.stepStatus == .success)
            #expect(steps["SendTaskSuccess"]?.stepStatus == .success)
            #expect(steps["SendTaskFailure"]?.stepStatus == .pending)
            #expect(steps["SendTaskFailure"]?.executionStartTime == nil)
            let log = try String(contentsOf: workingDirectory.appendingPathComponent("automation.log"), encoding: .utf8)
            #expect(log == "This is a test running automation waitForTaskToken\n")

            let result = try await harness.stateMachineResult(executionArn)
            #expect(result["status"]?.stringValue == "SUCCEEDED")
            let output = result["output"]?.stringValue ?? ""
            #expect(output.contains("This is a test running automation waitForTaskToken"))
        }
    }

    @Test func commandThatFailsFailsTheStateMachine() async throws {
        try await Harness.run { harness in
            let (executionArn, message) = try await harness.startStateMachine(
                input: ["Commands": ["echo going down", "exit 3"]])
            let token = try #require(message["taskToken"]?.stringValue)
            let id = try await harness.startRunbook(
                "SfnRunCommandByTargets",
                [
                    "Targets": [#"{"Key":"tag:Name","Values":["localhost"]}"#], "taskToken": [token],
                    "Commands": message["Commands"]?.arrayValue?.map(\.displayText) ?? [],
                ])

            let runbook = try await harness.runbookResult(id)
            // RunCommand is critical and failed, so the execution fails even though the callback went out.
            #expect(runbook.automationExecutionStatus == .failed)
            let steps = Dictionary(uniqueKeysWithValues: (runbook.stepExecutions ?? []).map { ($0.stepName ?? "", $0) })
            #expect(steps["RunCommand"]?.stepStatus == .failed)
            #expect(steps["SendTaskFailure"]?.stepStatus == .success, "\(steps["SendTaskFailure"]?.failureMessage ?? "")")
            #expect(steps["SendTaskSuccess"]?.stepStatus == .pending)
            // The failed command's outputs are the execution's outputs too.
            #expect(runbook.outputs?["RunCommand.Status"] == ["Failed"])
            #expect(runbook.outputs?["RunCommand.Output"]?.first?.contains("going down") == true)

            let result = try await harness.stateMachineResult(executionArn)
            #expect(result["status"]?.stringValue == "FAILED")
        }
    }

    @Test func longTaskTokenPassesThroughIntact() async throws {
        // Real Step Functions tokens run past the 512-character limit of a parameter value; moto's are short,
        // so this one is padded out and must still reach Step Functions unchanged (moto then refuses it as an
        // unknown token, which the runbook reports).
        try await Harness.run { harness in
            let token = String(repeating: "AQB8AAAAKgAAAAMAAAAA", count: 60)
            let id = try await harness.startRunbook(
                "SfnRunCommandByInstanceIds",
                ["InstanceIds": ["mi-00000000000000001"], "taskToken": [token], "Commands": ["true"]])
            let runbook = try await harness.runbookResult(id)
            let callback = try #require(runbook.stepExecutions?.first { $0.stepName == "SendTaskSuccess" })
            #expect(callback.inputs?["taskToken"] == JSONValue.string(token).jsonText)
            #expect(callback.stepStatus == .failed)
            #expect(callback.failureMessage?.contains("SendTaskSuccess") == true)
        }
    }
}
