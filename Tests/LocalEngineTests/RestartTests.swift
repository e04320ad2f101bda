import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// A separate engine process killed with SIGKILL, then a new engine opened on the same data directory.
@Suite(.serialized) struct RestartTests: DataDirectoryTests {
    static let principal = "arn:aws:iam::123456789012:user/alice"

    static let commandDocument = """
        schemaVersion: '0.3'
        parameters:
          PidFile:
            type: String
        mainSteps:
          - name: LongCommand
            action: aws:runCommand
            onFailure: step:Cleanup
            inputs:
              DocumentName: AWS-RunShellScript
              InstanceIds: [mi-00000000000000001]
              Parameters:
                commands:
                  - echo $$ > {{ PidFile }}
                  - sleep 600
          - name: Finish
            action: aws:sleep
            isEnd: true
            inputs:
              Duration: PT0S
          - name: Cleanup
            action: aws:runCommand
            isEnd: true
            inputs:
              DocumentName: AWS-RunShellScript
              InstanceIds: [mi-00000000000000001]
              Parameters:
                commands: [echo cleaned up]
        """

    static let approvalDocument = """
        schemaVersion: '0.3'
        mainSteps:
          - name: Approve
            action: aws:approve
            inputs:
              Approvers: ['\(principal)']
              Message: Restart the fleet?
          - name: Done
            action: aws:runCommand
            inputs:
              DocumentName: AWS-RunShellScript
              InstanceIds: [mi-00000000000000001]
              Parameters:
                commands: [echo approved]
        """

    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("restart-\(UUID().uuidString)")
    }


    /// Creates the test documents with an engine in this process, then closes it.
    func prepare(_ directory: URL) async throws {
        let engine = try await AutomationEngine.open(configuration(directory))
        let session = engine.session(principal: Self.principal)
        for (name, content) in [("RestartCommand", Self.commandDocument), ("RestartApproval", Self.approvalDocument)] {
            _ = try await session.createDocument(
                CreateDocumentRequest(content: content, name: name, documentType: "Automation", documentFormat: .yaml))
        }
        await engine.shutdown()
    }

    func execution(_ engine: AutomationEngine, _ id: String) throws -> AutomationExecution {
        try #require(engine.getExecution(GetAutomationExecutionRequest(automationExecutionId: id)).automationExecution)
    }


    @Test func killedWhileACommandRunsFailsThatStepAndKillsItsProcess() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await prepare(directory)
        let pidFile = directory.appendingPathComponent("command.pid")
        let host = try EngineHostProcess(
            dataDirectory: directory, start: "RestartCommand", parameters: ["PidFile=\(pidFile.path)"])
        try host.waitUntilReady()
        let id = try #require(host.startedExecutionId)
        try await waitFor("the command to write its PID") {
            ((try? String(contentsOf: pidFile, encoding: .utf8)) ?? "").hasSuffix("\n")
        }
        let pid = try #require(Int32((try String(contentsOf: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
        host.killHard()
        // The command lives on in its own session after the engine died.
        #expect(kill(pid, 0) == 0)

        let engine = try await AutomationEngine.open(configuration(directory))
        try await waitFor("the command's process to be gone") { processIsGone(pid) }
        try await waitFor("the execution to end") { try execution(engine, id).automationExecutionStatus?.isTerminal == true }
        let ended = try execution(engine, id)
        let steps = Dictionary(uniqueKeysWithValues: (ended.stepExecutions ?? []).map { ($0.stepName ?? "", $0) })
        #expect(steps["LongCommand"]?.stepStatus == .failed)
        #expect(steps["LongCommand"]?.failureMessage?.contains("engine stopped while this step was running") == true)
        // onFailure step:Cleanup applied; the critical failure makes the execution Failed.
        #expect(steps["Cleanup"]?.stepStatus == .success)
        #expect(steps["Finish"]?.stepStatus == .pending)
        #expect(ended.automationExecutionStatus == .failed)
        await engine.shutdown()
    }

    @Test func killedWhileAnApprovalWaitsStillWaitsAndCanBeApproved() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await prepare(directory)
        let host = try EngineHostProcess(dataDirectory: directory, start: "RestartApproval")
        try host.waitUntilReady()
        let id = try #require(host.startedExecutionId)
        host.killHard()

        let engine = try await AutomationEngine.open(configuration(directory))
        let waiting = try execution(engine, id)
        #expect(waiting.automationExecutionStatus == .waiting)
        #expect(waiting.currentStepName == "Approve")
        #expect(waiting.stepExecutions?.first?.stepStatus == .waiting)

        _ = try await engine.session(principal: Self.principal).sendAutomationSignal(
            SendAutomationSignalRequest(automationExecutionId: id, signalType: .approve, payload: ["Comment": ["go"]]))
        try await waitFor("the execution to end") { try execution(engine, id).automationExecutionStatus?.isTerminal == true }
        let ended = try execution(engine, id)
        #expect(ended.automationExecutionStatus == .success)
        #expect(ended.stepExecutions?.first?.outputs?["ApprovalStatus"] == ["Approved"])
        await engine.shutdown()
    }

    @Test func aDataDirectoryServesOneEngineAtATime() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await AutomationEngine.open(configuration(directory))
        do {
            _ = try await AutomationEngine.open(configuration(directory))
            Issue.record("a second engine opened a data directory already in use")
        } catch let error as DataDirectoryInUse {
            #expect(error.message.contains("Another ssm-console engine (process \(getpid()))"))
            #expect(error.message.contains("--data-dir"))
        }
        await first.shutdown()
        let second = try await AutomationEngine.open(configuration(directory))
        await second.shutdown()
    }

    @Test func aSleepInterruptedByAStopSleepsOnUntilItsOriginalWakeTime() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await AutomationEngine.open(configuration(directory))
        _ = try await first.session(principal: Self.principal).createDocument(
            CreateDocumentRequest(
                content: """
                    schemaVersion: '0.3'
                    mainSteps:
                      - name: Nap
                        action: aws:sleep
                        inputs:
                          Duration: PT2S
                    """, name: "RestartSleep", documentType: "Automation", documentFormat: .yaml))
        let id = try await first.session(principal: Self.principal).startAutomationExecution(
            StartAutomationExecutionRequest(documentName: "RestartSleep")
        ).automationExecutionId ?? ""
        try await Task.sleep(for: .milliseconds(300))
        await first.shutdown()

        let second = try await AutomationEngine.open(configuration(directory))
        #expect(try execution(second, id).stepExecutions?.first?.stepStatus == .inProgress)
        try await waitFor("the sleep to end") { try execution(second, id).automationExecutionStatus?.isTerminal == true }
        let ended = try execution(second, id)
        #expect(ended.automationExecutionStatus == .success)
        let step = try #require(ended.stepExecutions?.first)
        let slept = try #require(step.executionEndTime).timeIntervalSince(try #require(step.executionStartTime))
        // Counted from the original start, not from the restart.
        #expect(slept >= 2)
        #expect(slept < 5)
        await second.shutdown()
    }
}
