import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// Rate-controlled executions: Targets and TargetMaps fan out into children, held to MaxConcurrency after an
/// exponential start-up and stopped by MaxErrors; the parent follows its children.
@Suite struct EngineFleetTests {
    /// One step per target: sleeps `Seconds`, then fails when the target is "bad".
    static let perTarget = """
        schemaVersion: '0.3'
        parameters:
          Target:
            type: String
          Seconds:
            type: String
            default: '0.3'
        mainSteps:
          - name: Work
            action: aws:runCommand
            inputs:
              DocumentName: AWS-RunShellScript
              InstanceIds: [mi-00000000000000001]
              Parameters:
                commands:
                  - sleep {{ Seconds }}
                  - test "{{ Target }}" != bad
        """

    static let approvalPerTarget = """
        schemaVersion: '0.3'
        parameters:
          Target:
            type: String
        mainSteps:
          - name: Approve
            action: aws:approve
            inputs:
              Approvers: ['\(EngineHarness.operatorPrincipal)']
              Message: 'Go on with {{ Target }}?'
        """

    static func request(
        _ values: [String], maxConcurrency: String? = nil, maxErrors: String? = nil,
        parameters: AutomationParameterMap? = nil, document: String = "PerTarget"
    ) -> StartAutomationExecutionRequest {
        var request = StartAutomationExecutionRequest(
            documentName: document, parameters: parameters, targetParameterName: "Target",
            targets: [Target(key: "ParameterValues", values: values)])
        request.maxConcurrency = maxConcurrency
        request.maxErrors = maxErrors
        return request
    }

    func start(_ harness: EngineHarness, _ request: StartAutomationExecutionRequest) async throws -> String {
        try #require(try await harness.service.startAutomationExecution(request).automationExecutionId)
    }

    /// Every child of `parent`, read through the ParentExecutionId filter a page of `pageSize` at a time.
    func children(_ harness: EngineHarness, of parent: String, pageSize: Int = 50) async throws -> [AutomationExecutionMetadata] {
        var all: [AutomationExecutionMetadata] = []
        var token: String?
        repeat {
            let page = try await harness.service.describeAutomationExecutions(
                DescribeAutomationExecutionsRequest(
                    filters: [AutomationExecutionFilter(key: .parentExecutionId, values: [parent])], maxResults: pageSize,
                    nextToken: token))
            all += page.automationExecutionMetadataList ?? []
            token = page.nextToken
        } while token != nil
        return all
    }

    /// The most children that ran at the same moment, from their start and end times.
    func peakConcurrency(_ children: [AutomationExecutionMetadata]) -> Int {
        var events: [(Date, Int)] = []
        for child in children {
            guard let start = child.executionStartTime else { continue }
            events.append((start, 1))
            events.append((child.executionEndTime ?? .distantFuture, -1))
        }
        // An end and a start at the same instant: the end first.
        events.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var running = 0
        var peak = 0
        for (_, change) in events {
            running += change
            peak = max(peak, running)
        }
        return peak
    }

    @Test func parameterValuesFanOutIntoChildrenThatCarryTheirTarget() async throws {
        try await EngineHarness.with { harness in
            try await harness.createDocument("PerTarget", yaml: Self.perTarget)
            let values = ["web-1", "web-2", "web-3", "web-4", "web-5"]
            let id = try await start(harness, Self.request(values, parameters: ["Seconds": ["0"]]))
            let parent = try await harness.waitUntilEnded(id)
            #expect(parent.automationExecutionStatus == .success)
            #expect(parent.targetParameterName == "Target")
            #expect(parent.targets == [Target(key: "ParameterValues", values: values)])
            #expect(parent.resolvedTargets?.parameterValues == values)
            #expect(parent.resolvedTargets?.truncated == false)
            // AWS's defaults.
            #expect(parent.maxConcurrency == "10")
            #expect(parent.maxErrors == "0")
            #expect(parent.stepExecutions == [])

            let rows = try await children(harness, of: id, pageSize: 2)
            #expect(rows.count == values.count)
            #expect(Set(rows.map { $0.target ?? "" }) == Set(values))
            #expect(rows.allSatisfy { $0.parentAutomationExecutionId == id && $0.automationExecutionStatus == .success })
            #expect(Set(rows.map(\.automationExecutionId)).count == values.count)
            for child in rows {
                let full = try await harness.execution(child.automationExecutionId)
                #expect(full.parameters?["Target"] == [child.target ?? ""])
                #expect(full.parameters?["Seconds"] == ["0"])
            }
            // The parent's row carries the rate-control fields too.
            let row = try await harness.service.describeAutomationExecutions(
                DescribeAutomationExecutionsRequest(filters: [AutomationExecutionFilter(key: .executionId, values: [id])]))
            let metadata = try #require(row.automationExecutionMetadataList?.first)
            #expect(metadata.maxConcurrency == "10")
            #expect(metadata.resolvedTargets?.parameterValues == values)
            #expect(metadata.parentAutomationExecutionId == nil)
        }
    }

    @Test func concurrencyIsNeverExceededAndStartsWithOneChild() async throws {
        try await EngineHarness.with { harness in
            try await harness.createDocument("PerTarget", yaml: Self.perTarget)
            let values = (1...10).map { "host-\($0)" }
            let id = try await start(harness, Self.request(values, maxConcurrency: "3"))
            // Sampled while it runs: never more than 3 children in progress.
            var sampledPeak = 0
            while try await harness.execution(id).automationExecutionStatus?.isTerminal != true {
                let running = try await children(harness, of: id).filter { $0.automationExecutionStatus == .inProgress }
                sampledPeak = max(sampledPeak, running.count)
                try await Task.sleep(for: .milliseconds(30))
            }
            #expect(sampledPeak <= 3)
            let all = try await children(harness, of: id).sorted { ($0.executionStartTime ?? .distantPast) < ($1.executionStartTime ?? .distantPast) }
            #expect(all.count == 10)
            #expect(peakConcurrency(all) == 3)
            // The exponential start-up: the first child runs alone, the next two start once it has ended.
            let first = try #require(all.first?.executionEndTime)
            #expect(all.dropFirst().allSatisfy { ($0.executionStartTime ?? .distantPast) >= first })
            #expect(peakConcurrency(Array(all.prefix(3))) == 2)
        }
    }

    @Test func percentageConcurrencyRoundsUp() async throws {
        try await EngineHarness.with { harness in
            try await harness.createDocument("PerTarget", yaml: Self.perTarget)
            // 25% of 6 targets is 1.5: two at a time.
            let id = try await start(harness, Self.request((1...6).map { "h\($0)" }, maxConcurrency: "25%"))
            try await harness.waitUntilEnded(id)
            let all = try await children(harness, of: id)
            #expect(all.count == 6)
            #expect(peakConcurrency(all) == 2)
        }
    }

    @Test func errorThresholdByNumberStopsNewChildren() async throws {
        try await EngineHarness.with { harness in
            try await harness.createDocument("PerTarget", yaml: Self.perTarget)
            // One at a time, so the count is exact: MaxErrors 2 tolerates two errors, the third stops it.
            let values = ["bad", "ok", "bad", "bad", "ok", "ok", "ok"]
            let id = try await start(
                harness, Self.request(values, maxConcurrency: "1", maxErrors: "2", parameters: ["Seconds": ["0"]]))
            let parent = try await harness.waitUntilEnded(id)
            #expect(parent.automationExecutionStatus == .failed)
            #expect(parent.failureMessage?.contains("3 of 7 targets did not succeed") == true)
            #expect(parent.failureMessage?.contains("3 targets were not started") == true)
            let all = try await children(harness, of: id)
            #expect(all.count == 4)
            #expect(all.filter { $0.automationExecutionStatus == .failed }.count == 3)
        }
    }

    @Test func errorThresholdZeroStopsAtTheFirstError() async throws {
        try await EngineHarness.with { harness in
            try await harness.createDocument("PerTarget", yaml: Self.perTarget)
            let id = try await start(
                harness, Self.request(["bad", "ok", "ok"], maxConcurrency: "1", maxErrors: "0", parameters: ["Seconds": ["0"]]))
            #expect(try await harness.waitUntilEnded(id).automationExecutionStatus == .failed)
            #expect(try await children(harness, of: id).count == 1)
        }
    }

    @Test func errorThresholdByPercentage() async throws {
        try await EngineHarness.with { harness in
            try await harness.createDocument("PerTarget", yaml: Self.perTarget)
            // 10% of 20 targets tolerates 2 errors; the third stops it.
            let values = ["bad", "bad", "ok", "bad"] + Array(repeating: "ok", count: 16)
            let id = try await start(
                harness, Self.request(values, maxConcurrency: "1", maxErrors: "10%", parameters: ["Seconds": ["0"]]))
            #expect(try await harness.waitUntilEnded(id).automationExecutionStatus == .failed)
            #expect(try await children(harness, of: id).count == 4)
        }
    }

    @Test func errorsBelowTheThresholdLetEveryTargetRunButFailTheParent() async throws {
        try await EngineHarness.with { harness in
            try await harness.createDocument("PerTarget", yaml: Self.perTarget)
            let id = try await start(
                harness, Self.request(["ok", "bad", "ok", "ok"], maxConcurrency: "2", maxErrors: "1", parameters: ["Seconds": ["0"]]))
            let parent = try await harness.waitUntilEnded(id)
            #expect(parent.automationExecutionStatus == .failed)
            #expect(parent.failureMessage?.contains("1 of 4 targets did not succeed") == true)
            #expect(parent.failureMessage?.contains("not started") == false)
            #expect(try await children(harness, of: id).count == 4)
        }
    }

    @Test func stoppingTheParentCancelsRunningChildrenAndStartsNoMore() async throws {
        try await EngineHarness.with { harness in
            try await harness.createDocument("PerTarget", yaml: Self.perTarget)
            let id = try await start(
                harness, Self.request(["a", "b", "c", "d"], maxConcurrency: "2", parameters: ["Seconds": ["600"]]))
            let running = try await children(harness, of: id)
            #expect(running.count == 1)
            try await harness.stop(id)
            let parent = try await harness.waitUntilEnded(id)
            #expect(parent.automationExecutionStatus == .cancelled)
            let all = try await children(harness, of: id)
            #expect(all.count == 1)
            #expect(all.allSatisfy { $0.automationExecutionStatus == .cancelled })
        }
    }

    @Test func aChildsApprovalIsAnsweredOnTheChildAndTheParentRefusesSignals() async throws {
        try await EngineHarness.with { harness in
            try await harness.createDocument("ApprovalPerTarget", yaml: Self.approvalPerTarget)
            let id = try await start(harness, Self.request(["one", "two"], document: "ApprovalPerTarget"))
            await expectEngineError(.invalidAutomationSignalException, containing: ["rate-controlled parent"]) {
                try await harness.signal(id, .approve)
            }
            for expected in 1...2 {
                var waiting: AutomationExecutionMetadata?
                for _ in 0..<500 where waiting == nil {
                    waiting = try await children(harness, of: id).first { $0.automationExecutionStatus == .waiting }
                    if waiting == nil { try await Task.sleep(for: .milliseconds(20)) }
                }
                let child = try #require(waiting, "child \(expected) never waited")
                try await harness.signal(child.automationExecutionId, .approve)
            }
            #expect(try await harness.waitUntilEnded(id).automationExecutionStatus == .success)
        }
    }

    @Test func targetMapsGiveEachChildItsParameters() async throws {
        try await EngineHarness.with { harness in
            try await harness.createDocument("PerTarget", yaml: Self.perTarget)
            var request = StartAutomationExecutionRequest(documentName: "PerTarget")
            request.targetMaps = [["Target": ["x"], "Seconds": ["0"]], ["Target": ["y"], "Seconds": ["0.1"]]]
            let id = try await start(harness, request)
            #expect(try await harness.waitUntilEnded(id).automationExecutionStatus == .success)
            let all = try await children(harness, of: id)
            var seen: [[String]] = []
            for child in all {
                let full = try await harness.execution(child.automationExecutionId)
                seen.append([full.parameters?["Target"]?.first ?? "", full.parameters?["Seconds"]?.first ?? ""])
            }
            #expect(Set(seen) == [["x", "0"], ["y", "0.1"]])
        }
    }

    @Test func tagTargetsResolveAgainstTheLocalManagedInstances() async throws {
        let fleet = (1...4).map { ManagedInstance(id: "mi-1000000000000000\($0)", tags: ["Env": $0 <= 3 ? "prod" : "dev"]) }
        try await EngineHarness.with(instances: [ManagedInstanceRegistry.localhost] + fleet) { harness in
            try await harness.createDocument("PerTarget", yaml: Self.perTarget)
            var request = Self.request([], parameters: ["Seconds": ["0"]])
            request.targets = [Target(key: "tag:Env", values: ["prod"])]
            let id = try await start(harness, request)
            let parent = try await harness.waitUntilEnded(id)
            #expect(parent.resolvedTargets?.parameterValues == Array(fleet.prefix(3).map(\.id)))
            let targets = try await children(harness, of: id).compactMap(\.target)
            #expect(Set(targets) == Set(fleet.prefix(3).map(\.id)))
        }
    }

    @Test func invalidCombinationsAreRefusedWithWhatToChange() async throws {
        try await EngineHarness.with { harness in
            try await harness.createDocument("PerTarget", yaml: Self.perTarget)
            let service = harness.service
            var both = Self.request(["a"])
            both.targetMaps = [["Target": ["b"]]]
            await expectEngineError(.validationException, containing: ["Targets and TargetMaps"]) {
                try await service.startAutomationExecution(both)
            }
            var noName = Self.request(["a"])
            noName.targetParameterName = nil
            await expectEngineError(.validationException, containing: ["TargetParameterName"]) {
                try await service.startAutomationExecution(noName)
            }
            var unknownName = Self.request(["a"])
            unknownName.targetParameterName = "Instance"
            await expectEngineError(.invalidAutomationExecutionParametersException, containing: ["'Instance'", "Target, Seconds"]) {
                try await service.startAutomationExecution(unknownName)
            }
            for bad in ["0", "101%", "0%", "05", "-1", "ten"] {
                await expectEngineError(.validationException, containing: ["MaxConcurrency", "'\(bad)'"]) {
                    try await service.startAutomationExecution(Self.request(["a"], maxConcurrency: bad))
                }
            }
            for bad in ["101%", "-1", "1.5"] {
                await expectEngineError(.validationException, containing: ["MaxErrors", "'\(bad)'"]) {
                    try await service.startAutomationExecution(Self.request(["a"], maxErrors: bad))
                }
            }
            var noMatch = Self.request([])
            noMatch.targets = [Target(key: "tag:Env", values: ["nowhere"])]
            await expectEngineError(.invalidTarget, containing: ["tag:Env=nowhere", "resolve to no managed instance"]) {
                try await service.startAutomationExecution(noMatch)
            }
            var resourceGroup = Self.request([])
            resourceGroup.targets = [Target(key: "ResourceGroup", values: ["web"])]
            await expectEngineError(.invalidTarget, containing: ["ResourceGroup"]) {
                try await service.startAutomationExecution(resourceGroup)
            }
            var interactive = Self.request(["a"])
            interactive.mode = ExecutionMode.interactive.rawValue
            await expectEngineError(.validationException, containing: ["Auto mode"]) {
                try await service.startAutomationExecution(interactive)
            }
            var targetInParameters = Self.request(["a"], parameters: ["Target": ["z"]])
            targetInParameters.maxErrors = "1"
            await expectEngineError(.invalidAutomationExecutionParametersException, containing: ["remove it from Parameters"]) {
                try await service.startAutomationExecution(targetInParameters)
            }
            var mapWithUnknown = StartAutomationExecutionRequest(documentName: "PerTarget")
            mapWithUnknown.targetMaps = [["Nope": ["x"]]]
            await expectEngineError(.invalidAutomationExecutionParametersException, containing: ["'Nope'"]) {
                try await service.startAutomationExecution(mapWithUnknown)
            }
            var tooMany = Self.request((1...51).map(String.init))
            tooMany.maxErrors = "1"
            await expectEngineError(.validationException, containing: ["1 to 50 values"]) {
                try await service.startAutomationExecution(tooMany)
            }
            var loneConcurrency = StartAutomationExecutionRequest(documentName: "PerTarget", parameters: ["Target": ["a"]])
            loneConcurrency.maxConcurrency = "2"
            await expectEngineError(.validationException, containing: ["add Targets"]) {
                try await service.startAutomationExecution(loneConcurrency)
            }
            // Nothing was started by any refused call.
            let all = try await service.describeAutomationExecutions(DescribeAutomationExecutionsRequest())
            #expect(all.automationExecutionMetadataList?.isEmpty == true)
        }
    }
}
