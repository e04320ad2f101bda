import AutomationModel
import Testing

@Suite struct ClientLimitsTests {
    let id = "73c8eef8-f4ee-4a05-820c-e354f0000001"

    func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as ServiceError {
            #expect(error.code == .validationException)
            return error.message
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func executionIdMustBe36Characters() {
        #expect(message { try ClientLimits.checkExecutionId(id) } == nil)
        let text = message { try ClientLimits.checkExecutionId("abc") }
        #expect(text?.contains("exactly 36 characters") == true)
        #expect(text?.contains("got 3") == true)
    }

    @Test func mapLimits() {
        #expect(message { try ClientLimits.checkParameterMap(["StepName": ["restart"]], field: "Payload") } == nil)
        #expect(message { try ClientLimits.checkParameterMap([:], field: "Payload") }?.contains("between 1 and 200 keys") == true)
        let tooMany = Dictionary(uniqueKeysWithValues: (0...200).map { ("k\($0)", ["v"]) })
        #expect(message { try ClientLimits.checkParameterMap(tooMany, field: "Parameters") }?.contains("201") == true)
        let longKey = String(repeating: "k", count: 51)
        #expect(message { try ClientLimits.checkParameterMap([longKey: ["v"]], field: "Payload") }?.contains("1 to 50 characters") == true)
        let fiftyOne = Array(repeating: "v", count: 51)
        #expect(message { try ClientLimits.checkParameterMap(["k": fiftyOne], field: "Payload") }?.contains("at most 50") == true)
        #expect(message { try ClientLimits.checkParameterMap(["k": [""]], field: "Payload") }?.contains("1 to 512") == true)
        let long = String(repeating: "x", count: 513)
        #expect(message { try ClientLimits.checkParameterMap(["k": [long]], field: "Payload") }?.contains("has 513") == true)
        #expect(message { try ClientLimits.checkParameterMap(["k": [long]], field: "Parameters", valueLength: 1...2048) } == nil)
    }

    @Test func signalsNeedTheirPayloadKey() throws {
        #expect(try ClientLimits.checkSignal(SendAutomationSignalRequest(automationExecutionId: id, signalType: .approve)) == .approve)
        let start = message {
            _ = try ClientLimits.checkSignal(SendAutomationSignalRequest(automationExecutionId: id, signalType: .startStep))
        }
        #expect(start?.contains("StepName=restart") == true)
        let stop = message {
            _ = try ClientLimits.checkSignal(
                SendAutomationSignalRequest(automationExecutionId: id, signalType: .stopStep, payload: ["StepName": ["x"]]))
        }
        #expect(stop?.contains("StepExecutionId") == true)
        let unknown = message {
            _ = try ClientLimits.checkSignal(SendAutomationSignalRequest(automationExecutionId: id, signalType: "Approved"))
        }
        #expect(unknown?.contains("Approve, Reject, StartStep, StopStep, Resume, Revoke") == true)
    }
}
