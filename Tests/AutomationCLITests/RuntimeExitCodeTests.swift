import AWSWire
import AutomationModel
import Testing

@testable import AutomationCLI

@Suite struct RuntimeExitCodeTests {
    @Test func errorsMapToTheAWSCLIv2Codes() {
        #expect(CLIFailure.from(CommandLineInputError("bad"), operation: "X").exitCode == 252)
        #expect(CLIFailure.from(AWSConfigurationError(.missingRegion, "no region"), operation: "X").exitCode == 253)
        #expect(CLIFailure.from(ServiceError(.invalidAutomationSignalException, "m"), operation: "X").exitCode == 254)
        #expect(CLIFailure.from(AWSWireError(.connectionFailed, "refused"), operation: "X").exitCode == 255)
        #expect(CLIFailure.from(CancellationError(), operation: "X").exitCode == 130)
    }

    @Test func serviceErrorsReadAsTheAWSCLIWritesThem() {
        let failure = CLIFailure.from(
            ServiceError(.invalidAutomationSignalException, "The signal is not valid."), operation: "SendAutomationSignal")
        #expect(
            failure.description
                == "\nAn error occurred (InvalidAutomationSignalException) when calling the SendAutomationSignal operation: The signal is not valid.")
    }

    @Test func clientSideLimitsAreBadInputBeforeSending() throws {
        let body = RequestValidation.encode([
            "AutomationExecutionId": .string("short"), "SignalType": .string("Approve"),
        ])
        #expect(throws: CLIFailure.self) { try RequestValidation.check(.sendAutomationSignal, request: body) }
        do {
            try RequestValidation.check(.sendAutomationSignal, request: RequestValidation.encode([
                "AutomationExecutionId": .string(String(repeating: "a", count: 36)), "SignalType": .string("StartStep"),
            ]))
            Issue.record("StartStep without StepName was accepted")
        } catch {
            #expect(error.exitCode == 252)
            #expect(error.description.contains("StepName"))
        }
        do {
            try RequestValidation.check(.sendAutomationSignal, request: RequestValidation.encode([
                "AutomationExecutionId": .string(String(repeating: "a", count: 36)), "SignalType": .string("Wave"),
            ]))
            Issue.record("An unknown signal type was accepted")
        } catch {
            #expect(error.description.contains("Unknown signal type 'Wave'"))
        }
        try RequestValidation.check(.sendAutomationSignal, request: RequestValidation.encode([
            "AutomationExecutionId": .string(String(repeating: "a", count: 36)), "SignalType": .string("Revoke"),
        ]))
    }
}
