// Fleet benchmark: one rate-controlled execution over COUNT targets of a one-step runbook, MaxConcurrency
// CONCURRENCY, each child's step taking SECONDS. Prints the wall time against the ideal the concurrency
// allows (with and without the exponential start-up), the most children seen running at once, the engine's
// resident memory and the store's size.
// Run: swift run -c release --static-swift-stdlib --scratch-path .build-release fleet-benchmark [COUNT [CONCURRENCY [SECONDS [sleep|command]]]]
//
// The API takes at most 50 values in a Targets entry, so the targets are COUNT local managed instances
// tagged Fleet=benchmark (Targets tag:Fleet); each child gets its instance ID in InstanceId, and the
// parent's ResolvedTargets lists the COUNT values. "sleep" runs an aws:sleep step; "command" an
// aws:runCommand step running `sleep SECONDS` with /bin/sh on the child's instance.
import AutomationModel
import Foundation
import LocalEngine

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 1000 : 1000
let concurrency = arguments.count > 2 ? Int(arguments[2]) ?? 50 : 50
let seconds = arguments.count > 3 ? Double(arguments[3]) ?? 1 : 1
let command = arguments.count > 4 && arguments[4] == "command"
let principal = "arn:aws:iam::123456789012:user/benchmark"
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleet-benchmark-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: directory) }

let instances = (0..<count).map { number in
    ManagedInstance(id: "mi-" + String(format: "%017x", 0xbe0000 + number), tags: ["Fleet": "benchmark"])
}
let engine = try await AutomationEngine.open(
    EngineConfiguration(
        dataDirectory: directory, instances: instances, stepFunctions: nil, installShippedRunbooks: false))
let service = engine.session(principal: principal)
let step =
    command
    ? """
          - name: Work
            action: aws:runCommand
            inputs:
              DocumentName: AWS-RunShellScript
              InstanceIds: ['{{ InstanceId }}']
              Parameters:
                commands: ['sleep \(seconds)']
      """
    : """
          - name: Work
            action: aws:sleep
            inputs:
              Duration: PT\(seconds)S
      """
_ = try await service.createDocument(
    CreateDocumentRequest(
        content: """
            schemaVersion: '0.3'
            parameters:
              InstanceId:
                type: String
            mainSteps:
            \(step)
            """, name: "FleetBenchmark", documentType: "Automation", documentFormat: .yaml))

func residentMegabytes(_ field: String = "VmRSS:") -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix(field) } ?? ""
    return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
}

func storeMegabytes() -> Double {
    let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.fileSizeKey])) ?? []
    let bytes = files.filter { $0.lastPathComponent.hasPrefix("engine.sqlite") }
        .compactMap { try? $0.resourceValues(forKeys: [.fileSizeKey]).fileSize }.reduce(0, +)
    return Double(bytes) / 1_048_576
}

/// The wall time with no overhead at all: waves of `concurrency`, each `seconds` long; with the start-up,
/// the first child runs alone and each child that ends doubles how many may run, as the engine schedules.
func idealSeconds(withStartUp: Bool) -> Double {
    guard withStartUp else { return (Double(count) / Double(concurrency)).rounded(.up) * seconds }
    var time = 0.0
    var window = 1
    var notStarted = count
    var running: [Double] = []  // end times
    while notStarted > 0 || !running.isEmpty {
        while running.count < window, notStarted > 0 {
            running.append(time + seconds)
            notStarted -= 1
        }
        running.sort()
        time = running.removeFirst()
        window = min(concurrency, window * 2)
        while let next = running.first, next <= time {
            running.removeFirst()
            window = min(concurrency, window * 2)
        }
    }
    return time
}

let memoryBefore = residentMegabytes()
let clock = ContinuousClock()
let began = clock.now
var request = StartAutomationExecutionRequest(
    documentName: "FleetBenchmark", targetParameterName: "InstanceId", targets: [Target(key: "tag:Fleet", values: ["benchmark"])])
request.maxConcurrency = String(concurrency)
request.maxErrors = "0"
let parentId = try await service.startAutomationExecution(request).automationExecutionId ?? ""
var peakRunning = 0
var parent: AutomationExecution?
while true {
    parent = try await service.getAutomationExecution(GetAutomationExecutionRequest(automationExecutionId: parentId))
        .automationExecution
    if parent?.automationExecutionStatus?.isTerminal == true { break }
    var running = 0
    var token: String?
    repeat {
        let page = try await service.describeAutomationExecutions(
            DescribeAutomationExecutionsRequest(
                filters: [
                    AutomationExecutionFilter(key: .parentExecutionId, values: [parentId]),
                    AutomationExecutionFilter(key: .executionStatus, values: ["InProgress"]),
                ], nextToken: token))
        running += page.automationExecutionMetadataList?.count ?? 0
        token = page.nextToken
    } while token != nil
    peakRunning = max(peakRunning, running)
    try await Task.sleep(for: .milliseconds(250))
}
let elapsed = clock.now - began
let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
var succeeded = 0
var token: String?
repeat {
    let page = try await service.describeAutomationExecutions(
        DescribeAutomationExecutionsRequest(
            filters: [AutomationExecutionFilter(key: .parentExecutionId, values: [parentId])], nextToken: token))
    succeeded += page.automationExecutionMetadataList?.filter { $0.automationExecutionStatus == .success }.count ?? 0
    token = page.nextToken
} while token != nil

let plain = idealSeconds(withStartUp: false)
let rampedUp = idealSeconds(withStartUp: true)
print("rate-controlled execution: \(count) targets (ResolvedTargets \(parent?.resolvedTargets?.parameterValues?.count ?? 0)), MaxConcurrency \(concurrency), one \(command ? "aws:runCommand" : "aws:sleep") step of \(seconds) s")
print("parent ended \(parent?.automationExecutionStatus?.rawValue ?? "-"); children Success: \(succeeded) of \(count); most seen running at once: \(peakRunning)")
print(String(format: "wall time %.2f s; ideal %.2f s at MaxConcurrency (%.0f%% over), %.2f s with the exponential start-up (%.0f%% over)",
             wall, plain, (wall / plain - 1) * 100, rampedUp, (wall / rampedUp - 1) * 100))
print("goal, within 20% of the ideal with the start-up: \(wall <= rampedUp * 1.2 ? "met" : "NOT met")")
print(String(format: "engine resident memory %.1f MB now (%.1f MB before the start, peak %.1f MB); store %.1f MB",
             residentMegabytes(), memoryBefore, residentMegabytes("VmHWM:"), storeMegabytes()))
await engine.shutdown()
