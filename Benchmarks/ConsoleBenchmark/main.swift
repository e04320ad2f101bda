import AutomationModel
import Console
import Foundation

// Draw time per frame and resident memory with many executions loaded: the console's cost must follow the
// visible rows, not the loaded ones. Loads N executions through the same result events the client core posts,
// then moves the selection and times update + render + the frame comparison the event loop makes.
//
//   swift run -c release --static-swift-stdlib --scratch-path .build-release console-benchmark
//   swift run -c release --static-swift-stdlib --scratch-path .build-release console-benchmark fleet 100 1000 5000   # the fleet section only,
//                                                                   # with parents of these many children

let sizes = [100, 1_000, 10_000]
let onlyFleet = CommandLine.arguments.dropFirst().first == "fleet"
let fleetSizes = onlyFleet ? CommandLine.arguments.dropFirst(2).compactMap { Int($0) } : [1_000]
let framesPerSize = 400
let target = ConsoleTarget(kind: .local(dataDirectory: "/tmp/benchmark"), principal: "arn:aws:iam::123456789012:user/bench")
let start = Date(timeIntervalSince1970: 1_790_000_000)

func metadata(_ index: Int) -> AutomationExecutionMetadata {
    var execution = AutomationExecutionMetadata(automationExecutionId: String(format: "%08x-0000-4000-8000-%012x", index, index))
    execution.documentName = ["Demo-ApproveRestart", "Demo-SlowCommand", "Demo-PauseAndResume"][index % 3]
    execution.documentVersion = "1"
    let statuses: [AutomationExecutionStatus] = [.success, .inProgress, .waiting, .failed, .cancelled]
    execution.automationExecutionStatus = statuses[index % statuses.count]
    execution.executionStartTime = start.addingTimeInterval(-Double(index) * 30)
    execution.executionEndTime = index % 5 == 1 ? nil : start.addingTimeInterval(-Double(index) * 30 + 12)
    execution.executedBy = "arn:aws:iam::123456789012:user/operator\(index % 7)"
    execution.mode = index % 4 == 0 ? .interactive : .auto
    execution.currentStepName = "Step\(index % 9)"
    execution.currentAction = index % 5 == 2 ? "aws:approve" : "aws:runCommand"
    return execution
}

func residentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
    else { return .nan }
    let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
    return kilobytes / 1024
}

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}

/// Times `framesPerSize` frames of a key and a render in each state, a frame of each in turn, so that the
/// machine's speed drifting (up to 2x here between identical runs) weighs on every state alike. Each sorted.
func timeFrames(_ states: inout [ConsoleState]) -> [[Double]] {
    var previous = states.map(ConsoleView.render)
    var frames = states.map { _ in [Double]() }
    for index in frames.indices { frames[index].reserveCapacity(framesPerSize) }
    for frame in 0..<framesPerSize {
        // Down through the first screenful and back: the selection moves, the rows drawn stay visible-sized.
        let key: KeyPress = (frame / 30) % 2 == 0 ? .down : .up
        for index in states.indices {
            let began = ContinuousClock.now
            _ = ConsoleUpdate.update(&states[index], .key(key))
            let buffer = ConsoleView.render(states[index])
            if buffer != previous[index] { previous[index] = buffer }
            let elapsed = ContinuousClock.now - began
            frames[index].append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
        }
    }
    return frames.map { $0.sorted() }
}

/// The same for one state.
func timeFrames(_ state: inout ConsoleState) -> [Double] {
    var states = [state]
    defer { state = states[0] }
    return timeFrames(&states)[0]
}

print("console-benchmark: \(framesPerSize) frames per size, 120x40 and 160x48")
if !onlyFleet { print("executions   size     load (ms)   frame median (µs)   p99 (µs)   filtered median (µs)   resident (MB)") }
for (width, height) in onlyFleet ? [] : [(120, 40), (160, 48)] {
    for count in sizes {
        var state = ConsoleState(target: target, options: ConsoleOptions(), width: width, height: height, now: start)
        _ = ConsoleUpdate.start(&state)
        let loadStarted = ContinuousClock.now
        let pageSize = 50
        var index = 0
        while index < count {
            let page = (index..<min(count, index + pageSize)).map(metadata)
            index += page.count
            let token: String? = index < count ? "page-\(index)" : nil
            _ = ConsoleUpdate.update(
                &state, .result(.executions(.all, page, nextToken: token, appended: index > pageSize), at: start))
        }
        let loadTime = ContinuousClock.now - loadStarted
        let frames = timeFrames(&state)
        // The same with a `/` filter kept: a seventh of the rows visible, drawn through the filtered index.
        for key in [KeyPress.character("/")] + "operator3".map(KeyPress.character) + [.enter] {
            _ = ConsoleUpdate.update(&state, .key(key))
        }
        let filtered = timeFrames(&state)
        let load = Double(loadTime.components.attoseconds) / 1e15 + Double(loadTime.components.seconds) * 1e3
        print(
            String(
                format: "%10d   %3dx%-3d  %9.1f   %17.1f   %8.1f   %20.1f   %13.1f", count, width, height, load,
                percentile(frames, 0.5), percentile(frames, 0.99), percentile(filtered, 0.5), residentMegabytes()))
    }
}

// A fleet: one rate-controlled parent with 1,000 children (one per ParameterValues target), loaded as the
// console loads them (the unfiltered list, then the ParentExecutionId filter's pages of 50) and expanded,
// against the same frames with 100 ordinary executions, timed in turn. Goal: no worse than with 100 executions.
let parentId = "f1ee7000-0000-4000-8000-000000000000"

func child(_ index: Int, of fleetSize: Int) -> AutomationExecutionMetadata {
    var execution = metadata(index + 1)
    execution.automationExecutionId = String(format: "c%07x-0000-4000-8000-%012x", index, index)
    execution.documentName = "Demo-OneStep"
    execution.parentAutomationExecutionId = parentId
    execution.target = String(format: "target-%04d", index)
    // Started one a second, and those that ended took 12 s, as the ordinary executions above did.
    let started = start.addingTimeInterval(-Double(fleetSize - index))
    execution.executionStartTime = started
    execution.executionEndTime = execution.executionEndTime.map { _ in started.addingTimeInterval(12) }
    return execution
}

for fleetSize in fleetSizes {
    print("")
    print("fleet: a parent with \(fleetSize) children, expanded, vs. 100 executions (\(framesPerSize) frames)")
    print("rows                       size     frame median (µs)   p99 (µs)   resident (MB)")
    for (width, height) in [(120, 40), (160, 48)] {
        var plain = ConsoleState(target: target, options: ConsoleOptions(), width: width, height: height, now: start)
        _ = ConsoleUpdate.start(&plain)
        for first in stride(from: 0, to: 100, by: 50) {
            let page = (first..<(first + 50)).map(metadata)
            _ = ConsoleUpdate.update(&plain, .result(.executions(.all, page, nextToken: first + 50 < 100 ? "p" : nil, appended: first > 0), at: start))
        }

        var fleet = ConsoleState(target: target, options: ConsoleOptions(), width: width, height: height, now: start)
        _ = ConsoleUpdate.start(&fleet)
        var parent = metadata(0)
        parent.automationExecutionId = parentId
        parent.executionStartTime = start.addingTimeInterval(-Double(fleetSize) - 5)
        parent.targetParameterName = "Target"
        parent.targets = [Target(key: "ParameterValues", values: (0..<fleetSize).map { String(format: "target-%04d", $0) })]
        parent.resolvedTargets = ResolvedTargets(parameterValues: parent.targets?.first?.values, truncated: false)
        parent.maxConcurrency = "50"
        parent.maxErrors = "5%"
        let children = (0..<fleetSize).map { child($0, of: fleetSize) }.sorted { $0.executionStartTime! > $1.executionStartTime! }
        _ = ConsoleUpdate.update(&fleet, .result(.executions(.all, [parent] + children.prefix(49), nextToken: "p", appended: false), at: start))
        fleet.list.selectedId = parentId
        _ = ConsoleUpdate.update(&fleet, .key(.character("e")))
        for first in stride(from: 0, to: fleetSize, by: 50) {
            let page = Array(children[first..<min(fleetSize, first + 50)])
            let token: String? = first + 50 < fleetSize ? "c\(first + 50)" : nil
            _ = ConsoleUpdate.update(&fleet, .result(.children(parentId: parentId, page, nextToken: token, appended: first > 0), at: start))
        }
        precondition(fleet.list.visibleCount >= fleetSize, "the fleet is not expanded: \(fleet.list.visibleCount) rows")
        var states = [plain, fleet]
        let frames = timeFrames(&states)
        for (label, frames) in zip(["100 executions", "parent + \(fleetSize) children"], frames) {
            print(
                label.padding(toLength: 25, withPad: " ", startingAt: 0)
                    + String(
                        format: "  %3dx%-3d  %17.1f   %8.1f   %13.1f", width, height, percentile(frames, 0.5),
                        percentile(frames, 0.99), residentMegabytes()))
        }
    }
}
