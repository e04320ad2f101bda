import AutomationModel
import Foundation

/// Equivalent `aws` command lines, so what the console does can be repeated or scripted.
enum ShellCommandLine {
    /// Quotes a word for a POSIX shell only when it needs it.
    static func quote(_ word: String) -> String {
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@,+%")
        if !word.isEmpty, word.unicodeScalars.allSatisfy(safe.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func join(_ words: [String]) -> String { words.map(quote).joined(separator: " ") }

    /// The payload as the CLI takes it: compact JSON with sorted keys.
    static func json(_ map: AutomationParameterMap) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(map)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    static func sendSignal(_ request: SendAutomationSignalRequest, target: ConsoleTarget) -> String {
        var words = ["aws", "ssm", "send-automation-signal"] + target.awsCommandLineOptions
        words += ["--automation-execution-id", request.automationExecutionId, "--signal-type", request.signalType]
        if let payload = request.payload, !payload.isEmpty { words += ["--payload", json(payload)] }
        return join(words)
    }

    static func getExecution(_ id: String, target: ConsoleTarget) -> String {
        join(["aws", "ssm", "get-automation-execution"] + target.awsCommandLineOptions + ["--automation-execution-id", id])
    }

    static func stop(_ request: StopAutomationExecutionRequest, target: ConsoleTarget) -> String {
        var words = ["aws", "ssm", "stop-automation-execution"] + target.awsCommandLineOptions
        words += ["--automation-execution-id", request.automationExecutionId]
        if let type = request.type { words += ["--type", type] }
        return join(words)
    }

    static func start(_ request: StartAutomationExecutionRequest, target: ConsoleTarget) -> String {
        var words = ["aws", "ssm", "start-automation-execution"] + target.awsCommandLineOptions
        words += ["--document-name", request.documentName]
        if let version = request.documentVersion { words += ["--document-version", version] }
        if let mode = request.mode, mode != ExecutionMode.auto.rawValue { words += ["--mode", mode] }
        if let parameters = request.parameters, !parameters.isEmpty { words += ["--parameters", json(parameters)] }
        if let name = request.targetParameterName { words += ["--target-parameter-name", name] }
        if let targets = request.targets, !targets.isEmpty { words += ["--targets", json(targets)] }
        if let concurrency = request.maxConcurrency { words += ["--max-concurrency", concurrency] }
        if let errors = request.maxErrors { words += ["--max-errors", errors] }
        return join(words)
    }

    /// Targets as the CLI takes them in JSON: [{"Key":"tag:Env","Values":["prod"]}].
    static func json(_ targets: [Target]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(targets)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
    }
}
