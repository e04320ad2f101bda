// A bare engine process for tests that kill the engine and open it again.
// Usage: engine-test-host DATA_DIR [start DOCUMENT [KEY=VALUE ...]]
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
    for pair in arguments.dropFirst(4) {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        parameters[parts[0], default: []].append(parts.count > 1 ? parts[1] : "")
    }
    let response = try await service.startAutomationExecution(
        StartAutomationExecutionRequest(documentName: arguments[3], parameters: parameters.isEmpty ? nil : parameters))
    print("started \(response.automationExecutionId ?? "")")
}
print("ready")
fflush(nil)  // flushes every output stream; stdout itself is not concurrency-safe to name
while true { try await Task.sleep(for: .seconds(3600)) }
