import AutomationModel
import Foundation
import Testing

@testable import AWSWire

/// Each AutomationService operation through `SSMClient` against a stand-in endpoint: the target header, the
/// JSON the client sent, and the typed answer it decoded.
@Suite struct SSMClientRoundTripTests {
    struct RoundTrip: Sendable, CustomTestStringConvertible {
        var operation: String
        var sent: String
        var answer: String
        var call: @Sendable (SSMClient) async throws -> Void
        var testDescription: String { operation }
    }

    static let id = SSMClientFixture.executionId

    static let roundTrips: [RoundTrip] = [
        RoundTrip(
            operation: "DescribeAutomationExecutions",
            sent: #"{"Filters":[{"Key":"ExecutionStatus","Values":["Waiting","InProgress"]}],"MaxResults":10,"NextToken":"page-1"}"#,
            answer: #"{"AutomationExecutionMetadataList":[{"AutomationExecutionId":"\#(id)","DocumentName":"Restart","AutomationExecutionStatus":"Waiting","ExecutionStartTime":1700000000.5,"Mode":"Interactive","AutomationType":"Local"}],"NextToken":"page-2"}"#,
            call: { client in
                let answer = try await client.describeAutomationExecutions(.init(
                    filters: [.init(key: .executionStatus, values: ["Waiting", "InProgress"])], maxResults: 10,
                    nextToken: "page-1"))
                let row = try #require(answer.automationExecutionMetadataList?.first)
                #expect(answer.automationExecutionMetadataList?.count == 1)
                #expect(answer.nextToken == "page-2")
                #expect(row.automationExecutionId == id)
                #expect(row.documentName == "Restart")
                #expect(row.automationExecutionStatus == .waiting)
                #expect(row.executionStartTime == Date(timeIntervalSince1970: 1_700_000_000.5))
                #expect(row.mode == .interactive)
                #expect(row.automationType == .local)
            }),
        RoundTrip(
            operation: "GetAutomationExecution",
            sent: #"{"AutomationExecutionId":"\#(id)"}"#,
            answer: #"{"AutomationExecution":{"AutomationExecutionId":"\#(id)","DocumentName":"Restart","DocumentVersion":"1","AutomationExecutionStatus":"FutureStatus","Parameters":{"Service":["web"]},"Outputs":{"approve.ApprovalStatus":["Approved"]},"CurrentStepName":"restart","StepExecutions":[{"StepName":"approve","Action":"aws:approve","StepExecutionId":"s-1","StepStatus":"Success","ExecutionStartTime":1700000001,"Inputs":{"Approvers":"[\"arn:aws:iam::111122223333:role/Ops\"]"}}],"ProgressCounters":{"TotalSteps":2,"SuccessSteps":1}}}"#,
            call: { client in
                let answer = try await client.getAutomationExecution(.init(automationExecutionId: id))
                let execution = try #require(answer.automationExecution)
                #expect(execution.automationExecutionId == id)
                #expect(execution.documentVersion == "1")
                // An unknown status is kept, not refused.
                #expect(execution.automationExecutionStatus?.rawValue == "FutureStatus")
                #expect(execution.parameters == ["Service": ["web"]])
                #expect(execution.outputs == ["approve.ApprovalStatus": ["Approved"]])
                #expect(execution.currentStepName == "restart")
                #expect(execution.progressCounters?.totalSteps == 2)
                let step = try #require(execution.stepExecutions?.first)
                #expect(step.stepName == "approve")
                #expect(step.stepStatus == .success)
                #expect(step.executionStartTime == Date(timeIntervalSince1970: 1_700_000_001))
                #expect(step.inputs?["Approvers"] == #"["arn:aws:iam::111122223333:role/Ops"]"#)
            }),
        RoundTrip(
            operation: "DescribeAutomationStepExecutions",
            sent: #"{"AutomationExecutionId":"\#(id)","Filters":[{"Key":"StepName","Values":["restart"]}],"MaxResults":5,"ReverseOrder":true}"#,
            answer: #"{"StepExecutions":[{"StepName":"restart","Action":"aws:executeScript","StepExecutionId":"s-2","StepStatus":"Failed","FailureMessage":"exit 1","FailureDetails":{"FailureStage":"Invocation","FailureType":"Action","Details":{}},"Outputs":{"Payload":["{}"]},"ValidNextSteps":["notify"]}]}"#,
            call: { client in
                let answer = try await client.describeAutomationStepExecutions(.init(
                    automationExecutionId: id, filters: [.init(key: .stepName, values: ["restart"])], maxResults: 5,
                    reverseOrder: true))
                let step = try #require(answer.stepExecutions?.first)
                #expect(answer.nextToken == nil)
                #expect(step.stepExecutionId == "s-2")
                #expect(step.stepStatus == .failed)
                #expect(step.failureMessage == "exit 1")
                #expect(step.failureDetails?.failureStage == "Invocation")
                #expect(step.outputs == ["Payload": ["{}"]])
                #expect(step.validNextSteps == ["notify"])
            }),
        RoundTrip(
            operation: "SendAutomationSignal",
            sent: #"{"AutomationExecutionId":"\#(id)","SignalType":"StartStep","Payload":{"StepName":["restart"]}}"#,
            answer: "{}",
            call: { client in
                let answer = try await client.sendAutomationSignal(.init(
                    automationExecutionId: id, signalType: .startStep, payload: ["StepName": ["restart"]]))
                #expect(answer == EmptyResponse())
            }),
        RoundTrip(
            operation: "StartAutomationExecution",
            sent: #"{"DocumentName":"Restart","DocumentVersion":"$DEFAULT","Parameters":{"Service":["web"],"Hosts":["a","b"]},"ClientToken":"5f0c7b9e-2a61-4d8e-9b1e-6f7a0c2d3e4f","Mode":"Interactive","Tags":[{"Key":"team","Value":"ops"}]}"#,
            answer: #"{"AutomationExecutionId":"\#(id)"}"#,
            call: { client in
                let answer = try await client.startAutomationExecution(.init(
                    documentName: "Restart", documentVersion: "$DEFAULT", parameters: ["Service": ["web"], "Hosts": ["a", "b"]],
                    clientToken: "5f0c7b9e-2a61-4d8e-9b1e-6f7a0c2d3e4f", mode: .interactive,
                    tags: [Tag(key: "team", value: "ops")]))
                #expect(answer.automationExecutionId == id)
            }),
        RoundTrip(
            operation: "StopAutomationExecution",
            sent: #"{"AutomationExecutionId":"\#(id)","Type":"Complete"}"#,
            answer: "",
            call: { client in
                let answer = try await client.stopAutomationExecution(.init(automationExecutionId: id, type: .complete))
                #expect(answer == EmptyResponse())
            }),
        RoundTrip(
            operation: "GetDocument",
            sent: #"{"Name":"Restart","DocumentVersion":"2","DocumentFormat":"YAML"}"#,
            answer: #"{"Name":"Restart","DocumentVersion":"2","Status":"Active","Content":"schemaVersion: '0.3'\nmainSteps: []\n","DocumentType":"Automation","DocumentFormat":"YAML","CreatedDate":1690000000}"#,
            call: { client in
                let answer = try await client.getDocument(.init(name: "Restart", documentVersion: "2", documentFormat: .yaml))
                #expect(answer.name == "Restart")
                #expect(answer.documentVersion == "2")
                #expect(answer.content == "schemaVersion: '0.3'\nmainSteps: []\n")
                #expect(answer.documentFormat == .yaml)
                #expect(answer.createdDate == Date(timeIntervalSince1970: 1_690_000_000))
            }),
        RoundTrip(
            operation: "DescribeDocument",
            sent: #"{"Name":"Restart"}"#,
            answer: #"{"Document":{"Name":"Restart","DocumentType":"Automation","SchemaVersion":"0.3","LatestVersion":"2","DefaultVersion":"1","Parameters":[{"Name":"Service","Type":"String","Description":"what to restart","DefaultValue":"web"}]}}"#,
            call: { client in
                let answer = try await client.describeDocument(.init(name: "Restart"))
                let document = try #require(answer.document)
                #expect(document.schemaVersion == "0.3")
                #expect(document.latestVersion == "2")
                #expect(document.parameters == [DocumentParameter(name: "Service", type: "String", description: "what to restart", defaultValue: "web")])
            }),
        RoundTrip(
            operation: "ListDocuments",
            sent: #"{"Filters":[{"Key":"DocumentType","Values":["Automation"]},{"Key":"Owner","Values":["Self"]}],"MaxResults":2}"#,
            answer: #"{"DocumentIdentifiers":[{"Name":"Restart","DocumentType":"Automation","DocumentVersion":"2"},{"Name":"Drain","DocumentType":"Automation"}],"NextToken":"more"}"#,
            call: { client in
                let answer = try await client.listDocuments(.init(
                    filters: [.init(key: "DocumentType", values: ["Automation"]), .init(key: "Owner", values: ["Self"])],
                    maxResults: 2))
                #expect(answer.documentIdentifiers?.map(\.name) == ["Restart", "Drain"])
                #expect(answer.nextToken == "more")
            }),
        RoundTrip(
            operation: "CreateDocument",
            sent: #"{"Content":"{\"schemaVersion\":\"0.3\",\"mainSteps\":[]}","Name":"Empty","DocumentType":"Automation","DocumentFormat":"JSON"}"#,
            answer: #"{"DocumentDescription":{"Name":"Empty","Status":"Creating","DocumentVersion":"1","DocumentType":"Automation","DocumentFormat":"JSON","Hash":"abc","HashType":"Sha256"}}"#,
            call: { client in
                let answer = try await client.createDocument(.init(
                    content: #"{"schemaVersion":"0.3","mainSteps":[]}"#, name: "Empty", documentFormat: .json))
                let description = try #require(answer.documentDescription)
                #expect(description.name == "Empty")
                #expect(description.status == "Creating")
                #expect(description.documentVersion == "1")
                #expect(description.hashType == "Sha256")
            }),
    ]

    @Test(arguments: roundTrips)
    func sendsTheTypedRequestAndDecodesTheTypedAnswer(_ roundTrip: RoundTrip) async throws {
        let server = try await StandInServer(routes: ["POST /": [.json(200, roundTrip.answer)]])
        defer { server.stop() }
        let recorder = SSMClientEventRecorder()
        try await roundTrip.call(SSMClientFixture.client(server, observer: recorder.observer))

        let requests = try server.requests()
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.header("X-Amz-Target") == "AmazonSSM.\(roundTrip.operation)")
        #expect(request.header("Content-Type") == "application/x-amz-json-1.1")
        #expect(request.header("Authorization")?.contains("/us-east-1/ssm/aws4_request") == true)
        #expect(try SSMClientFixture.json(request.body) == SSMClientFixture.json(roundTrip.sent))
        #expect(recorder.events.isEmpty)
    }

    @Test func everyProtocolOperationHasARoundTrip() {
        let covered = Set(Self.roundTrips.map(\.operation))
        #expect(covered.count == 10)
        #expect(covered.isSuperset(of: [
            OperationCatalog.describeAutomationExecutions.name, OperationCatalog.getAutomationExecution.name,
            OperationCatalog.describeAutomationStepExecutions.name, OperationCatalog.sendAutomationSignal.name,
            OperationCatalog.startAutomationExecution.name, OperationCatalog.stopAutomationExecution.name,
            OperationCatalog.getDocument.name, OperationCatalog.describeDocument.name,
            OperationCatalog.listDocuments.name, OperationCatalog.createDocument.name,
        ]))
    }
}
