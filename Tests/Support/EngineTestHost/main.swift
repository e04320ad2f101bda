// A bare engine process for tests that kill the engine and open it again.
// Usage: engine-test-host DATA_DIR [start DOCUMENT [KEY=VALUE | @RATE_CONTROL_FIELD=VALUE ...]]
// Prints "started <id>" for a start, then "ready" once the engine runs, and runs until killed.
import AutomationModel
import Foundation
import LocalEngine

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: engine-test-host DATA_DIR [start DOCUMENT [KEY=VALUE ...]]\n".utf8))
    exit(2)
}
let configuration = EngineConfiguration(dataDirectory: URL(fileURLWithPath: arguments[1]))
let engine = try await AutomationEngine.open(configuration)
let service = engine.session(principal: configuration.localPrincipal())
if arguments.count >= 4, arguments[2] == "start" {
    var parameters: AutomationParameterMap = [:]
    // Rate control: @TargetParameterName=NAME @ParameterValues=a,b,c @MaxConcurrency=N @MaxErrors=N.
    var rateControl: [String: String] = [:]
    for pair in arguments.dropFirst(4) {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        if parts[0].hasPrefix("@") {
            rateControl[String(parts[0].dropFirst())] = parts.count > 1 ? parts[1] : ""
            continue
        }
        parameters[parts[0], default: []].append(parts.count > 1 ? parts[1] : "")
    }
    var request = StartAutomationExecutionRequest(
        documentName: arguments[3], parameters: parameters.isEmpty ? nil : parameters)
    request.targetParameterName = rateControl["TargetParameterName"]
    if let values = rateControl["ParameterValues"] {
        request.targets = [Target(key: "ParameterValues", values: values.split(separator: ",").map(String.init))]
    }
    request.maxConcurrency = rateControl["MaxConcurrency"]
    request.maxErrors = rateControl["MaxErrors"]
    let response = try await service.startAutomationExecution(request)
    print("started \(response.automationExecutionId ?? "")")
}
print("ready")
fflush(nil)  // flushes every output stream; stdout itself is not concurrency-safe to name
while true { try await Task.sleep(for: .seconds(3600)) }
