import AutomationModel
import Console
import Foundation

// API calls per minute the console makes for each view at the default refresh, counted by an in-memory
// service that answers as AWS does (pages of 50, the StepExecutionStatus filter honoured, timestamps moving).
// The console runs as it does on a terminal, minus the terminal: its update on a simulated clock, and the
// client core calling the service for every request the update makes. Goal: at most one call per operation
// per refresh interval, and none for anything already final.
//
//   swift run -c release --static-swift-stdlib --scratch-path .build-release console-call-rate

/// An execution with `stepCount` steps, the last `running` of them InProgress, and a list of 50 executions.
final class CountingService: AutomationService, @unchecked Sendable {
    let lock = NSLock()
    var counts: [String: Int] = [:]
    let executionId = "0000aaaa-2d4e-4f60-8a1b-000000000001"
    let steps: [StepExecution]
    let status: AutomationExecutionStatus
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    init(stepCount: Int, running: Int, status: AutomationExecutionStatus = .inProgress) {
        self.status = status
        steps = (0..<stepCount).map { index in
            var step = StepExecution(
                stepName: "step\(index + 1)", action: "aws:executeScript", stepExecutionId: "step-\(index + 1)",
                stepStatus: index >= stepCount - running ? .inProgress : .success)
            step.executionStartTime = Date(timeIntervalSince1970: 1_795_000_000 + Double(index))
            return step
        }
    }

    func count(_ operation: String) { lock.withLock { counts[operation, default: 0] += 1 } }

    func describeAutomationExecutions(_ request: DescribeAutomationExecutionsRequest) async throws
        -> DescribeAutomationExecutionsResponse
    {
        count(OperationCatalog.describeAutomationExecutions.name)
        let rows = (0..<50).map { index -> AutomationExecutionMetadata in
            var row = AutomationExecutionMetadata(
                automationExecutionId: index == 0 ? executionId : String(format: "%08x-2d4e-4f60-8a1b-%012x", index, index))
            row.documentName = "Ops-Runbook"
            row.automationExecutionStatus = index == 0 ? status : .success
            row.executionStartTime = start.addingTimeInterval(-Double(index) * 60)
            if index != 0 { row.executionEndTime = start.addingTimeInterval(-Double(index) * 60 + 30) }
            return row
        }
        return DescribeAutomationExecutionsResponse(automationExecutionMetadataList: rows, nextToken: "page-2")
    }

    func getAutomationExecution(_ request: GetAutomationExecutionRequest) async throws -> GetAutomationExecutionResponse {
        count(OperationCatalog.getAutomationExecution.name)
        var execution = AutomationExecution(automationExecutionId: request.automationExecutionId)
        execution.automationExecutionStatus = status
        execution.documentName = "Ops-Runbook"
        execution.executionStartTime = start
        execution.currentStepName = steps.last?.stepName
        execution.stepExecutionsTruncated = true
        return GetAutomationExecutionResponse(automationExecution: execution)
    }

    func describeAutomationStepExecutions(_ request: DescribeAutomationStepExecutionsRequest) async throws
        -> DescribeAutomationStepExecutionsResponse
    {
        count(OperationCatalog.describeAutomationStepExecutions.name)
        var matching = steps
        for filter in request.filters ?? [] where filter.key == StepExecutionFilter.Key.stepExecutionStatus.rawValue {
            matching = matching.filter { filter.values.contains($0.stepStatus?.rawValue ?? "") }
        }
        let first = Int(request.nextToken ?? "0") ?? 0
        let size = min(request.maxResults ?? 50, 50)
        let page = Array(matching.dropFirst(first).prefix(size))
        let next = first + size < matching.count ? String(first + size) : nil
        return DescribeAutomationStepExecutionsResponse(stepExecutions: page, nextToken: next)
    }

    func unused<T>() throws -> T { throw ServiceError(.invalidDocumentOperation, "not used by this benchmark") }
    func sendAutomationSignal(_ request: SendAutomationSignalRequest) async throws -> SendAutomationSignalResponse { try unused() }
    func startAutomationExecution(_ request: StartAutomationExecutionRequest) async throws -> StartAutomationExecutionResponse { try unused() }
    func stopAutomationExecution(_ request: StopAutomationExecutionRequest) async throws -> StopAutomationExecutionResponse { try unused() }
    func listCommands(_ request: ListCommandsRequest) async throws -> ListCommandsResponse { try unused() }
    func listCommandInvocations(_ request: ListCommandInvocationsRequest) async throws -> ListCommandInvocationsResponse { try unused() }
    func getCommandInvocation(_ request: GetCommandInvocationRequest) async throws -> GetCommandInvocationResponse { try unused() }
    func getDocument(_ request: GetDocumentRequest) async throws -> GetDocumentResponse { try unused() }
    func describeDocument(_ request: DescribeDocumentRequest) async throws -> DescribeDocumentResponse { try unused() }
    func listDocuments(_ request: ListDocumentsRequest) async throws -> ListDocumentsResponse { try unused() }
    func createDocument(_ request: CreateDocumentRequest) async throws -> CreateDocumentResponse { try unused() }
    func updateDocument(_ request: UpdateDocumentRequest) async throws -> UpdateDocumentResponse { try unused() }
    func deleteDocument(_ request: DeleteDocumentRequest) async throws -> DeleteDocumentResponse { try unused() }
    func describeInstanceInformation(_ request: DescribeInstanceInformationRequest) async throws
        -> DescribeInstanceInformationResponse
    { try unused() }
}

/// Waits for the core's answers one at a time, so the simulated clock never runs ahead of them.
final class Mailbox: @unchecked Sendable {
    let lock = NSLock()
    var events: [ConsoleEvent] = []
    /// The simulated clock, which the core stamps its answers with.
    var now = Date(timeIntervalSince1970: 0)
    func clock() -> Date { lock.withLock { now } }
    func post(_ event: ConsoleEvent) { lock.withLock { events.append(event) } }
    func take() -> [ConsoleEvent] { lock.withLock { defer { events = [] }; return events } }
}

/// Runs the console for `minutes` of simulated time on `view`; returns the calls per operation per minute.
func callsPerMinute(_ service: CountingService, openExecution: Bool, minutes: Double = 5) -> [String: Double] {
    let target = ConsoleTarget(kind: .local(dataDirectory: "/tmp/benchmark"), principal: "arn:aws:iam::123456789012:user/bench")
    let mailbox = Mailbox()
    let core = ClientCore(service: service, target: target, auditLog: nil, now: mailbox.clock, post: mailbox.post)
    var now = service.start
    mailbox.lock.withLock { mailbox.now = now }
    var state = ConsoleState(target: target, options: ConsoleOptions(), width: 160, height: 48, now: now)
    func run(_ effects: [ConsoleEffect]) {
        var pending = effects
        while !pending.isEmpty {
            var requests = 0
            for case .request(let request) in pending {
                core.submit(request)
                requests += 1
            }
            pending = []
            var answered = 0
            while answered < requests {
                for event in mailbox.take() {
                    if case .result = event { answered += 1 }
                    pending += ConsoleUpdate.update(&state, event)
                }
                if answered < requests { usleep(200) }
            }
        }
    }
    run(ConsoleUpdate.start(&state))
    if openExecution {
        state.list.selectedId = service.executionId
        run(ConsoleUpdate.update(&state, .key(.enter)))
    }
    // Settle the first load, then count only the steady state.
    run(ConsoleUpdate.update(&state, .tick(now)))
    service.lock.withLock { service.counts = [:] }
    let end = now.addingTimeInterval(minutes * 60)
    while now < end {
        now = now.addingTimeInterval(0.25)
        mailbox.lock.withLock { mailbox.now = now }
        run(ConsoleUpdate.update(&state, .tick(now)))
    }
    core.shutdown()
    return service.lock.withLock { service.counts.mapValues { Double($0) / minutes } }
}

func report(_ name: String, _ counts: [String: Double]) {
    let figures = counts.keys.sorted().map { String(format: "%@ %.1f", $0, counts[$0]!) }.joined(separator: ", ")
    print("\(name.padding(toLength: 58, withPad: " ", startingAt: 0)) calls/min: \(figures.isEmpty ? "none" : figures)")
}

let interval = Double(ConsoleOptions().refreshInterval.components.seconds)
print(String(format: "Default refresh interval: %.0f s (%.0f refreshes a minute)", interval, 60 / interval))
report("executions list", callsPerMinute(CountingService(stepCount: 150, running: 10), openExecution: false))
report("execution, 150 steps, 10 still running", callsPerMinute(CountingService(stepCount: 150, running: 10), openExecution: true))
report("execution, 150 steps, all final (Success)", callsPerMinute(CountingService(stepCount: 150, running: 0, status: .success), openExecution: true))
