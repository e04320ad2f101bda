import AutomationDocuments
import AutomationModel
import Testing

@testable import LocalEngine

@Suite("Local engine capability check")
struct ActionsLocalCapabilitiesTests {
    private func document(_ steps: [StepDefinition]) -> AutomationDocument {
        AutomationDocument(mainSteps: steps)
    }

    private func refusal(_ step: StepDefinition) -> ServiceError? {
        do {
            try LocalCapabilities.check(document([StepDefinition(name: "first", action: "aws:pause"), step]))
            return nil
        } catch {
            return error
        }
    }

    @Test func everythingTheEngineRunsPasses() throws {
        try LocalCapabilities.check(document([
            StepDefinition(name: "approve", action: "aws:approve", inputs: ["Approvers": ["arn:aws:iam::123456789012:user/a"]]),
            StepDefinition(name: "pause", action: "aws:pause"),
            StepDefinition(name: "nap", action: "aws:sleep", inputs: ["Duration": "PT1S"]),
            StepDefinition(
                name: "choose", action: "aws:branch",
                inputs: ["Choices": [["NextStep": "pause", "Variable": "a", "StringEquals": "a"]]]),
            StepDefinition(
                name: "run", action: "aws:runCommand",
                inputs: ["DocumentName": "arn:aws:ssm:us-east-1::document/AWS-RunShellScript", "InstanceIds": ["mi-1"]]),
            StepDefinition(name: "script", action: "aws:executeScript", inputs: ["Runtime": "python3.11"]),
            StepDefinition(
                name: "callback", action: "aws:executeAwsApi", inputs: ["Service": "states", "Api": "send_task_success"]),
            StepDefinition(
                name: "templated", action: "aws:runCommand", inputs: ["DocumentName": "{{ DocumentToRun }}"]),
        ]))
    }

    @Test func unsupportedActionsAreNamed() throws {
        let error = try #require(refusal(StepDefinition(name: "launch", action: "aws:runInstances")))
        #expect(error.code == .invalidDocumentContent)
        #expect(error.message.contains("Step launch (aws:runInstances)"))
        #expect(error.message.contains("aws:runInstances is not supported"))
        #expect(error.message.contains("The local engine runs aws:approve, aws:pause"))
    }

    @Test func runCommandNeedsRunShellScript() throws {
        let error = try #require(refusal(StepDefinition(
            name: "ps", action: "aws:runCommand", inputs: ["DocumentName": "AWS-RunPowerShellScript"])))
        #expect(error.message.contains("Step ps (aws:runCommand)"))
        #expect(error.message.contains("DocumentName AWS-RunPowerShellScript is not supported"))
    }

    @Test func executeScriptNeedsInlinePython3() throws {
        let powershell = try #require(refusal(StepDefinition(
            name: "pwsh", action: "aws:executeScript", inputs: ["Runtime": "PowerShell 7.4"])))
        #expect(powershell.message.contains("Runtime PowerShell 7.4 is not supported"))
        let attachment = try #require(refusal(StepDefinition(
            name: "zip", action: "aws:executeScript", inputs: ["Runtime": "python3.8", "Attachment": "code.zip"])))
        #expect(attachment.message.contains("Attachment is not supported"))
    }

    @Test func executeAwsApiOnlyForStepFunctionsCallbacks() throws {
        let ec2 = try #require(refusal(StepDefinition(
            name: "describe", action: "aws:executeAwsApi", inputs: ["Service": "ec2", "Api": "DescribeInstances"])))
        #expect(ec2.message.contains("Service ec2 is not supported"))
        let start = try #require(refusal(StepDefinition(
            name: "start", action: "aws:executeAwsApi", inputs: ["Service": "stepfunctions", "Api": "StartExecution"])))
        #expect(start.message.contains("Api StartExecution is not supported"))
        #expect(start.message.contains("SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat"))
    }
}
