import AWSWire
import AutomationModel
import Foundation
import LocalEndpoint
import Testing

@Suite struct WireProtocolTests {
    @Test func answersCarryTheJSONContentTypeAndARequestId() async throws {
        try await EndpointHarness.with { harness in
            let response = try await harness.raw("ListDocuments", body: "{}")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/x-amz-json-1.1")
            #expect(response.header("x-amzn-RequestId")?.count == 36)
            let error = try await harness.raw("Nope", body: "{}")
            #expect(error.header("x-amzn-RequestId")?.count == 36)
            #expect(error.header("x-amzn-RequestId") != response.header("x-amzn-RequestId"))
        }
    }

    @Test func anEmptyBodyReadsAsAnEmptyObject() async throws {
        try await EndpointHarness.with { harness in
            let response = try await harness.raw("DescribeAutomationExecutions", body: "")
            #expect(response.status == 200)
            let page = try AWSJSON.decode(DescribeAutomationExecutionsResponse.self, from: response.body)
            #expect(page.automationExecutionMetadataList != nil)
        }
    }

    @Test func anUnsupportedOperationIsA400NamingTheSupportedOnes() async throws {
        try await EndpointHarness.with { harness in
            let response = try await harness.raw("DescribeMaintenanceWindows", body: "{}")
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == "application/x-amz-json-1.1")
            #expect(response.header("X-Amzn-ErrorType") == "UnknownOperationException")
            let error = try ErrorBody(response)
            #expect(error.type == "UnknownOperationException")
            #expect(error.message.contains("AmazonSSM.DescribeMaintenanceWindows"))
            #expect(error.message.contains("StartAutomationExecution"))
            #expect(error.message.contains("DescribeInstanceInformation"))

            let noTarget = try await harness.raw(nil, body: "{}")
            #expect(noTarget.status == 400)
            #expect(try ErrorBody(noTarget).type == "UnknownOperationException")

            let otherService = try await harness.raw(nil, body: "{}") { headers in
                headers.append(.init("X-Amz-Target", "AWSStepFunctions.StartExecution"))
            }
            #expect(otherService.status >= 400 && otherService.status < 500)
        }
    }

    @Test func malformedJSONIsASerializationException() async throws {
        try await EndpointHarness.with { harness in
            let response = try await harness.raw("ListDocuments", body: "{not json")
            #expect(response.status == 400)
            let error = try ErrorBody(response)
            #expect(error.type == "SerializationException")
            #expect(error.message.contains("not valid JSON"))

            let array = try await harness.raw("ListDocuments", body: "[1, 2]")
            #expect(try ErrorBody(array).type == "SerializationException")
            #expect(try ErrorBody(array).message.contains("JSON object"))
        }
    }

    @Test func aMemberOfTheWrongTypeIsASerializationExceptionNamingIt() async throws {
        try await EndpointHarness.with { harness in
            let response = try await harness.raw("ListDocuments", body: #"{"MaxResults": "ten"}"#)
            #expect(response.status == 400)
            let error = try ErrorBody(response)
            #expect(error.type == "SerializationException")
            #expect(error.message.contains("MaxResults"))
        }
    }

    @Test func aMissingRequiredMemberIsAValidationExceptionNamingIt() async throws {
        try await EndpointHarness.with { harness in
            let response = try await harness.raw("StartAutomationExecution", body: #"{"Parameters": {}}"#)
            #expect(response.status == 400)
            let error = try ErrorBody(response)
            #expect(error.type == "ValidationException")
            #expect(error.message.contains("DocumentName"))

            let nested = try await harness.raw(
                "DescribeAutomationExecutions", body: #"{"Filters": [{"Key": "ExecutionStatus"}]}"#)
            #expect(try ErrorBody(nested).type == "ValidationException")
            #expect(try ErrorBody(nested).message.contains("Filters[0].Values"))
        }
    }
}

@Suite struct RequestBodyTests {
    @Test func aRepeatedKeyTakesItsLastValueAsBotocoreAndJacksonRead() async throws {
        try await EndpointHarness.with { harness in
            let client = harness.client()
            for name in ["Repeat-A", "Repeat-B", "Repeat-C"] {
                let _: CreateDocumentResponse = try await client.call(
                    OperationCatalog.createDocument.name,
                    CreateDocumentRequest(content: TestDocuments.sleepLong, name: name, documentFormat: .yaml))
            }
            let once = try await harness.raw(OperationCatalog.listDocuments.name, body: #"{"MaxResults":1}"#)
            let repeated = try await harness.raw(OperationCatalog.listDocuments.name, body: #"{"MaxResults":1,"MaxResults":3}"#)
            let one = try JSONSerialization.jsonObject(with: once.body) as? [String: Any]
            let three = try JSONSerialization.jsonObject(with: repeated.body) as? [String: Any]
            #expect((one?["DocumentIdentifiers"] as? [Any])?.count == 1)
            #expect((three?["DocumentIdentifiers"] as? [Any])?.count == 3)
        }
    }

    @Test func typeErrorsNameTheMemberAndTheAPIsTypeWithoutSwiftNames() async throws {
        try await EndpointHarness.with { harness in
            let cases: [(body: String, fragments: [String])] = [
                (#"{"Filters": "ExecutionStatus"}"#, ["member 'Filters' must be a list", "got a string (\"ExecutionStatus\")"]),
                (#"{"Filters": [{"Key": "ExecutionStatus", "Values": "Waiting"}]}"#, ["member 'Filters[0].Values' must be a list"]),
                (#"{"MaxResults": true}"#, ["member 'MaxResults' must be an integer", "got a boolean"]),
                (#"{"Filters": [7]}"#, ["member 'Filters[0]' must be a structure or map", "got a number"]),
            ]
            for (body, fragments) in cases {
                let error = try ErrorBody(try await harness.raw(OperationCatalog.describeAutomationExecutions.name, body: body))
                #expect(error.type == "SerializationException")
                for fragment in fragments { #expect(error.message.contains(fragment), "\(error.message)") }
                for leak in ["Array<", "Dictionary<", "Swift.", "Expected to decode", "member ''"] {
                    #expect(!error.message.contains(leak), "\(error.message)")
                }
            }
        }
    }
}
