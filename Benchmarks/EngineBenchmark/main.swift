// Engine benchmark: 1,000 executions waiting on approval in one engine, then an in-process Approve on each.
// Prints the Approve latency (median, p90, p99, max), the store's size and the process's memory.
// Run: swift run -c release engine-benchmark [COUNT]
import AutomationModel
import Foundation
import LocalEngine

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1000 : 1000
let principal = "arn:aws:iam::123456789012:user/benchmark"
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("engine-benchmark-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: directory) }

let engine = try await AutomationEngine.open(
    EngineConfiguration(dataDirectory: directory, stepFunctions: nil, installShippedRunbooks: false))
let service = engine.session(principal: principal)
_ = try await service.createDocument(
    CreateDocumentRequest(
        content: """
            schemaVersion: '0.3'
            mainSteps:
              - name: Approve
                action: aws:approve
                isEnd: true
                inputs:
                  Approvers: ['\(principal)', 'arn:aws:iam::123456789012:user/second-approver']
                  MinRequiredApprovals: 1
                  Message: Benchmark approval
            """, name: "BenchmarkApproval", documentType: "Automation", documentFormat: .yaml))

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func residentMegabytes() -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    return kilobytes / 1024
}

func storeMegabytes() -> Double {
    let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.fileSizeKey])) ?? []
    let bytes = files.filter { $0.lastPathComponent.hasPrefix("engine.sqlite") }
        .compactMap { try? $0.resourceValues(forKeys: [.fileSizeKey]).fileSize }.reduce(0, +)
    return Double(bytes) / 1_048_576
}

let clock = ContinuousClock()
var ids: [String] = []
let startBegan = clock.now
for _ in 0..<count {
    let response = try await service.startAutomationExecution(StartAutomationExecutionRequest(documentName: "BenchmarkApproval"))
    ids.append(response.automationExecutionId ?? "")
}
let startElapsed = clock.now - startBegan
let waiting = try await service.describeAutomationExecutions(
    DescribeAutomationExecutionsRequest(filters: [AutomationExecutionFilter(key: .executionStatus, values: ["Waiting"])]))
print("executions waiting on approval: \(count) (first page of the Waiting filter: \(waiting.automationExecutionMetadataList?.count ?? 0))")
print(String(format: "started in %.0f ms (%.2f ms each)", milliseconds(startElapsed), milliseconds(startElapsed) / Double(count)))
print(String(format: "at that load: store %.1f MB, engine resident memory %.1f MB", storeMegabytes(), residentMegabytes()))

var latencies: [Double] = []
for id in ids {
    let began = clock.now
    _ = try await service.sendAutomationSignal(
        SendAutomationSignalRequest(automationExecutionId: id, signalType: .approve, payload: ["Comment": ["ok"]]))
    latencies.append(milliseconds(clock.now - began))
}
let sorted = latencies.sorted()
func percentile(_ p: Double, of values: [Double]) -> Double { values[min(values.count - 1, Int(Double(values.count) * p))] }
var ended = 0
for id in ids {
    let execution = try await service.getAutomationExecution(GetAutomationExecutionRequest(automationExecutionId: id))
    if execution.automationExecution?.automationExecutionStatus == .success { ended += 1 }
}
print("executions that ended Success after their Approve: \(ended) of \(count)")
print(String(format: "Approve applied (in-process, committed to the store): median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms",
             percentile(0.5, of: sorted), percentile(0.9, of: sorted), percentile(0.99, of: sorted), sorted.last ?? 0))
print("goal, a median under 5 ms: \(percentile(0.5, of: sorted) < 5 ? "met" : "NOT met")")
print(String(format: "after approving all: store %.1f MB, engine resident memory %.1f MB", storeMegabytes(), residentMegabytes()))
await engine.shutdown()
