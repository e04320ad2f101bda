import AutomationModel
import Foundation

/// Runs aws:executeScript steps with the local python3: the handler's return value becomes the
/// `Payload` output (and `OutputPayload`, its `{"Payload": …}` JSON text, as SSM shows it), and each declared
/// output selects from `{"Payload": <result>}`. The script's prints become the step's Response.
public struct ExecuteScriptRunner: StepActionRunner {
    public let actions: Set<String> = [AutomationActionName.executeScript.rawValue]
    let dataDirectory: URL
    let region: String?
    let pythonExecutable: String?
    let processes: ShellProcessRunner
    let baseEnvironment: [String: String]
    /// Room for the handler's result on stdout; the log keeps the usual 24,000.
    static let resultLimit = 4_000_000

    /// `pythonExecutable` overrides looking up python3 on PATH.
    public init(dataDirectory: URL, region: String?, pythonExecutable: String? = nil) {
        self.init(dataDirectory: dataDirectory, region: region, pythonExecutable: pythonExecutable, terminationGrace: 2)
    }

    init(
        dataDirectory: URL, region: String?, pythonExecutable: String?, terminationGrace: Double,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.dataDirectory = dataDirectory
        self.region = region
        self.pythonExecutable = pythonExecutable
        processes = ShellProcessRunner(dataDirectory: dataDirectory, terminationGrace: terminationGrace)
        baseEnvironment = environment
    }

    public func run(_ invocation: ActionInvocation) async -> ActionOutcome {
        do throws(ActionFailure) {
            let request = try ExecuteScriptRequest(inputs: invocation.inputs)
            let python = try findPython()
            let folder = try prepareFolder(request, invocation: invocation)
            defer { try? FileManager.default.removeItem(at: folder) }
            let marker = "SSM-CONSOLE-RESULT-\(UUID().uuidString)"
            var environment = baseEnvironment
            environment["PYTHONIOENCODING"] = "utf-8"
            environment["PYTHONDONTWRITEBYTECODE"] = "1"
            if let region, !region.isEmpty { environment["AWS_REGION"] = environment["AWS_REGION"] ?? region }
            var processRequest = ProcessRequest(
                executable: python,
                arguments: [
                    "-c", PythonScriptWrapper.source, "script.py", "events.json", "context.json", request.handler, marker,
                ],
                environment: environment, workingDirectory: folder.path, timeout: nil,
                stepExecutionId: invocation.stepExecutionId)
            processRequest.standardOutputLimit = Self.resultLimit
            let result: ProcessResult
            do {
                result = try await processes.run(processRequest)
            } catch {
                throw ActionFailure(
                    "\(AutomationActionName.executeScript) could not start \(python): \(error.message).", stage: .invocation,
                    type: ActionFailure.FailureType.internal)
            }
            if result.stopReason != nil { throw ActionFailure.stopped("the script") }
            return try outcome(of: result, marker: marker, request: request, invocation: invocation)
        } catch {
            return error.outcome
        }
    }

    private func outcome(
        of result: ProcessResult, marker: String, request: ExecuteScriptRequest, invocation: ActionInvocation
    ) throws(ActionFailure) -> ActionOutcome {
        let log = Self.log(result.standardError)
        switch ScriptResultParser.parse(result.standardOutput.text, marker: marker) {
        case .result(let payload)?:
            let wrapped: JSONValue = .object(["Payload": payload])
            var outputs = try OutputSelection.apply(
                invocation.outputSelectors, to: wrapped, action: ExecuteScriptRequest.action)
            outputs["Payload"] = payload
            outputs["OutputPayload"] = .string(wrapped.jsonText)
            return .succeeded(ActionResult(outputs: outputs, response: log))
        case .error(let type, let message, let stack)?:
            var text = "\(AutomationActionName.executeScript) handler \(request.handler) raised \(type): \(message)"
            if !stack.isEmpty { text += "\n\(stack)" }
            var failure = ActionFailure(
                text, stage: .invocation, type: ActionFailure.FailureType.action,
                details: [
                    "ErrorType": [type], "ErrorMessage": [message],
                    "StackTrace": stack.split(separator: "\n").suffix(50).map(String.init),
                ])
            if type == "HandlerNotFound" || type == "SyntaxError" {
                failure.failureDetails.failureType = ActionFailure.FailureType.verification
            }
            return .failed(ActionResult(response: log, failureMessage: failure.message, failureDetails: failure.failureDetails))
        case nil:
            let ending: String
            switch result.ending {
            case .exited(let code): ending = "exited with code \(code)"
            case .signalled(let signal): ending = "was killed by signal \(signal)"
            case .notStarted: ending = "did not start"
            }
            let size = result.standardOutput.isTruncated
                ? " Its result was larger than \(Self.resultLimit) bytes; return less data." : ""
            let stderr = RunCommandOutput.tail(result.standardError.text)
            throw ActionFailure(
                "\(AutomationActionName.executeScript): python3 \(ending) without reporting a result.\(size)"
                    + (stderr.isEmpty ? "" : " Last lines of its output:\n\(stderr)"),
                stage: .invocation, type: ActionFailure.FailureType.action)
        }
    }

    private static func log(_ output: CapturedOutput) -> String? {
        guard output.totalBytes > 0 else { return nil }
        guard output.isTruncated else { return output.text }
        return output.text + "\n--- log truncated: \(output.totalBytes) bytes written, the first \(output.text.utf8.count) kept ---"
    }

    /// python3 from the step environment's PATH.
    private func findPython() throws(ActionFailure) -> String {
        if let pythonExecutable { return pythonExecutable }
        let path = baseEnvironment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw ActionFailure(
            "\(AutomationActionName.executeScript) needs python3, which is not on PATH (\(path)). Install Python 3 or add its folder to PATH.",
            stage: .preVerification, type: ActionFailure.FailureType.verification)
    }

    /// A private folder holding the script, its events and its context; removed after the run.
    private func prepareFolder(_ request: ExecuteScriptRequest, invocation: ActionInvocation) throws(ActionFailure) -> URL {
        let folder = dataDirectory.appendingPathComponent("scripts", isDirectory: true)
            .appendingPathComponent("\(invocation.stepExecutionId)-\(UUID().uuidString)", isDirectory: true)
        var context: [String: JSONValue] = [
            "automation:EXECUTION_ID": .string(invocation.executionId),
            "automation:STEP_NAME": .string(invocation.stepName),
        ]
        if let region { context["global:REGION"] = .string(region) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(request.script.utf8).write(to: folder.appendingPathComponent("script.py"))
            try Data(JSONValue.object(request.inputPayload).jsonText.utf8)
                .write(to: folder.appendingPathComponent("events.json"))
            try Data(JSONValue.object(context).jsonText.utf8).write(to: folder.appendingPathComponent("context.json"))
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw ActionFailure(
                "\(AutomationActionName.executeScript) could not write the script to \(folder.path): \(error.localizedDescription). Check that the data directory is writable.",
                stage: .preVerification, type: ActionFailure.FailureType.internal)
        }
        return folder
    }
}
