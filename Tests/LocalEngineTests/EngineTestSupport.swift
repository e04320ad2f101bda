import AutomationModel
import Foundation
@testable import LocalEngine
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A local engine in a fresh temporary directory, with the calls the engine tests make.
struct EngineHarness {
    static let account = EngineConfiguration.localAccountId
    static let operatorPrincipal = "arn:aws:iam::\(account):user/operator"
    static let instanceId = ManagedInstanceRegistry.localhost.id

    let engine: AutomationEngine
    let directory: URL

    /// Calls made as the operator, who starts executions and sends the signals approvers do not.
    var service: EngineSession { engine.session(principal: Self.operatorPrincipal) }

    static func userArn(_ name: String) -> String { "arn:aws:iam::\(account):user/\(name)" }

    /// Opens an engine in a new directory, runs `body`, then shuts the engine down and deletes the directory,
    /// whether `body` succeeded or not.
    static func with<T>(
        instances: [ManagedInstance] = [ManagedInstanceRegistry.localhost],
        maxStepExecutions: Int = StepExecutionBound.defaultMaximum, _ body: (EngineHarness) async throws -> T
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("engine-tests-\(UUID().uuidString)", isDirectory: true)
        let engine = try await AutomationEngine.open(
            EngineConfiguration(
                dataDirectory: directory, instances: instances, installShippedRunbooks: false,
                maxStepExecutions: maxStepExecutions))
        let harness = EngineHarness(engine: engine, directory: directory)
        do {
            let result = try await body(harness)
            await harness.close()
            return result
        } catch {
            await harness.close()
            throw error
        }
    }

    private func close() async {
        await engine.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }

    /// A path inside the engine's directory for files the tests' commands write (PIDs, counters).
    func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    // MARK: Documents and executions

    @discardableResult
    func createDocument(_ name: String, yaml: String, tags: [AutomationModel.Tag]? = nil) async throws -> CreateDocumentResponse {
        try await service.createDocument(
            CreateDocumentRequest(content: yaml, name: name, documentFormat: .yaml, tags: tags))
    }

    func start(
        _ document: String, parameters: AutomationParameterMap? = nil, mode: ExecutionMode? = nil,
        tags: [AutomationModel.Tag]? = nil, clientToken: String? = nil
    ) async throws -> String {
        let response = try await service.startAutomationExecution(
            StartAutomationExecutionRequest(
                documentName: document, parameters: parameters, clientToken: clientToken, mode: mode, tags: tags))
        return try #require(response.automationExecutionId)
    }

    func execution(_ id: String) async throws -> AutomationExecution {
        let response = try await service.getAutomationExecution(GetAutomationExecutionRequest(automationExecutionId: id))
        return try #require(response.automationExecution)
    }

    func signal(
        _ id: String, _ type: SignalType, payload: AutomationParameterMap? = nil, as principal: String = operatorPrincipal
    ) async throws {
        _ = try await engine.session(principal: principal).sendAutomationSignal(
            SendAutomationSignalRequest(automationExecutionId: id, signalType: type, payload: payload))
    }

    func stop(_ id: String, _ type: StopType? = nil) async throws {
        _ = try await service.stopAutomationExecution(StopAutomationExecutionRequest(automationExecutionId: id, type: type))
    }

    // MARK: Bounded waits

    /// Polls GetAutomationExecution until `condition` holds; fails with `what` and the last state after `timeout`.
    @discardableResult
    func waitFor(
        _ id: String, _ what: String, timeout: Duration = .seconds(30),
        sourceLocation: SourceLocation = #_sourceLocation, until condition: (AutomationExecution) -> Bool
    ) async throws -> AutomationExecution {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let execution = try await self.execution(id)
            if condition(execution) { return execution }
            guard clock.now < deadline else {
                let steps = (execution.stepExecutions ?? [])
                    .map { "\($0.stepName ?? "?")=\($0.stepStatus?.rawValue ?? "-")" }.joined(separator: ", ")
                Issue.record(
                    "Execution \(id) did not reach '\(what)' within \(timeout): it is \(execution.automationExecutionStatus?.rawValue ?? "-") [\(steps)], failure: \(execution.failureMessage ?? "none")",
                    sourceLocation: sourceLocation)
                throw EngineWaitTimeout(what: what)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Waits until the execution has a terminal status.
    @discardableResult
    func waitUntilEnded(
        _ id: String, timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> AutomationExecution {
        try await waitFor(id, "ended", timeout: timeout, sourceLocation: sourceLocation) {
            $0.automationExecutionStatus?.isTerminal == true
        }
    }

    /// Waits until the step's latest run has `status`.
    @discardableResult
    func waitForStep(
        _ id: String, _ step: String, _ status: AutomationExecutionStatus, timeout: Duration = .seconds(30),
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> AutomationExecution {
        try await waitFor(id, "step \(step) \(status)", timeout: timeout, sourceLocation: sourceLocation) {
            $0.step(step)?.stepStatus == status
        }
    }

    /// Waits until a command of execution `id` has written a process ID into `path`, and returns it.
    func waitForPID(
        in path: String, of id: String, timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> pid_t {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if let pid = readPID(path) { return pid }
            try await Task.sleep(for: .milliseconds(20))
        }
        let execution = try await self.execution(id)
        let steps = (execution.stepExecutions ?? []).map {
            "\($0.stepName ?? "?")=\($0.stepStatus?.rawValue ?? "-") \($0.failureMessage ?? "") \($0.outputs ?? [:])"
        }
        Issue.record(
            "No process ID in \(path) within \(timeout); execution \(id) is \(execution.automationExecutionStatus?.rawValue ?? "-"): \(steps)",
            sourceLocation: sourceLocation)
        throw EngineWaitTimeout(what: "a process ID in \(path)")
    }
}

struct EngineWaitTimeout: Error, CustomStringConvertible {
    var what: String
    var description: String { "Timed out waiting for \(what)." }
}

extension AutomationExecution {
    /// The latest run of the step named `name`.
    func step(_ name: String) -> StepExecution? {
        stepExecutions?.last { $0.stepName == name }
    }
}

/// Expects `body` to throw a ServiceError with `code` whose message contains every fragment.
func expectEngineError<T>(
    _ code: ServiceError.Code, containing fragments: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
) async {
    do {
        let value = try await body()
        Issue.record("Expected \(code) but the call succeeded with \(value)", sourceLocation: sourceLocation)
    } catch let error as ServiceError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(
                error.message.contains(fragment), "'\(error.message)' does not mention '\(fragment)'",
                sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("Expected \(code) but got \(error)", sourceLocation: sourceLocation)
    }
}

/// The process ID a command wrote into `path`, if it did.
func readPID(_ path: String) -> pid_t? {
    (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
}

/// Whether process `pid` is gone: kill(pid, 0) fails. A zombie whose new parent never reaps it (a container
/// whose PID 1 does not) is gone too: it holds no resources and runs nothing.
func processIsGone(_ pid: pid_t) -> Bool {
    if kill(pid, 0) != 0 { return true }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return false }
    return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
}

/// Inline documents for the engine tests, in YAML.
enum EngineDocuments {
    /// A document from its parts; `parameters` and `outputs` are YAML blocks without their key.
    static func document(parameters: String? = nil, steps: [String], outputs: [String] = []) -> String {
        var text = "schemaVersion: '0.3'\n"
        if let parameters {
            text += "parameters:\n" + indent(parameters, by: 2)
        }
        text += "mainSteps:\n" + steps.joined()
        if !outputs.isEmpty {
            text += "outputs:\n" + outputs.map { "  - \($0)\n" }.joined()
        }
        return text
    }

    /// A fleet's runbook: one step that sleeps `seconds` for each value of its `Target` parameter.
    static func sleepPerTarget(seconds: String) -> String {
        """
        schemaVersion: '0.3'
        parameters:
          Target:
            type: String
        mainSteps:
          - name: Wait
            action: aws:sleep
            inputs:
              Duration: PT\(seconds)S
        """
    }

    /// A mainSteps entry running `commands` with AWS-RunShellScript on the local instance; `properties` are
    /// extra step lines such as `onFailure: Continue`.
    static func shellStep(_ name: String, _ commands: [String], _ properties: [String] = []) -> String {
        var text = "  - name: \(name)\n    action: aws:runCommand\n"
        text += properties.map { "    \($0)\n" }.joined()
        text += """
                inputs:
                  DocumentName: AWS-RunShellScript
                  InstanceIds:
                    - \(EngineHarness.instanceId)
                  Parameters:
                    commands:

            """
        text += commands.map { "          - \(quoted($0))\n" }.joined()
        return text
    }

    /// A first step for documents whose later step races a short timeoutSeconds: the flow reaches that step
    /// only once a command has run and reported back, so a test run that briefly keeps every thread of the
    /// concurrency pool busy cannot use up the deadline before the command starts.
    static let readyStep = shellStep("Ready", ["true"])

    /// Any other mainSteps entry: `body` holds the lines after `name`, indented as step properties (4 spaces).
    static func step(_ name: String, _ body: String) -> String {
        "  - name: \(name)\n" + indent(body, by: 4)
    }

    /// A YAML single-quoted scalar.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private static func indent(_ block: String, by spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return block.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { pad + $0 + "\n" }.joined()
    }
}
