import AutomationModel
@testable import Console
import Foundation
import Testing

/// An AutomationService whose calls the tests can hold in flight, fail, and count.
final class FakeAutomationService: AutomationService, @unchecked Sendable {
    private let lock = NSLock()
    private var _calls: [(operation: String, input: any Sendable, at: ContinuousClock.Instant)] = []
    private var held: Set<String> = []
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]
    private var running: [String: Int] = [:]
    private var _mostAtOnce: [String: Int] = [:]
    private var failures: [String: any Error] = [:]
    var executions: [AutomationExecutionMetadata] = []
    var stepPages: [[StepExecution]] = [[]]
    var documentContent = ""
    var invocations: [CommandInvocation] = []
    var invocationOutputs: [String: GetCommandInvocationResponse] = [:]

    /// Calls of `operation` wait until `release(operation)`.
    func hold(_ operation: String) { lock.withLock { _ = held.insert(operation) } }

    func release(_ operation: String) {
        let resumed = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            held.remove(operation)
            return waiters.removeValue(forKey: operation) ?? []
        }
        for waiter in resumed { waiter.resume() }
    }

    func fail(_ operation: String, with error: any Error) { lock.withLock { failures[operation] = error } }

    func calls(_ operation: String) -> [any Sendable] {
        lock.withLock { _calls.filter { $0.operation == operation }.map(\.input) }
    }

    func callTimes(_ operation: String) -> [ContinuousClock.Instant] {
        lock.withLock { _calls.filter { $0.operation == operation }.map(\.at) }
    }

    func waitingCount(_ operation: String) -> Int { lock.withLock { waiters[operation]?.count ?? 0 } }

    func mostAtOnce(_ operation: String) -> Int { lock.withLock { _mostAtOnce[operation] ?? 0 } }

    private func call<T>(_ operation: String, _ input: any Sendable, answer: () throws -> T) async throws -> T {
        let mustWait = lock.withLock { () -> Bool in
            _calls.append((operation, input, .now))
            running[operation, default: 0] += 1
            _mostAtOnce[operation] = max(_mostAtOnce[operation] ?? 0, running[operation]!)
            return held.contains(operation)
        }
        if mustWait {
            await withCheckedContinuation { continuation in
                let stillHeld = lock.withLock { () -> Bool in
                    guard held.contains(operation) else { return false }
                    waiters[operation, default: []].append(continuation)
                    return true
                }
                if !stillHeld { continuation.resume() }
            }
        }
        let failure = lock.withLock { () -> (any Error)? in
            running[operation, default: 1] -= 1
            return failures[operation]
        }
        if let failure { throw failure }
        return try answer()
    }

    func describeAutomationExecutions(_ request: DescribeAutomationExecutionsRequest) async throws
        -> DescribeAutomationExecutionsResponse
    {
        try await call("DescribeAutomationExecutions", request) {
            DescribeAutomationExecutionsResponse(automationExecutionMetadataList: executions)
        }
    }

    func getAutomationExecution(_ request: GetAutomationExecutionRequest) async throws -> GetAutomationExecutionResponse {
        try await call("GetAutomationExecution", request) {
            var execution = AutomationExecution(automationExecutionId: request.automationExecutionId)
            execution.automationExecutionStatus = .waiting
            return GetAutomationExecutionResponse(automationExecution: execution)
        }
    }

    func describeAutomationStepExecutions(_ request: DescribeAutomationStepExecutionsRequest) async throws
        -> DescribeAutomationStepExecutionsResponse
    {
        try await call("DescribeAutomationStepExecutions", request) {
            let page = Int(request.nextToken ?? "0") ?? 0
            return DescribeAutomationStepExecutionsResponse(
                stepExecutions: stepPages[page], nextToken: page + 1 < stepPages.count ? String(page + 1) : nil)
        }
    }

    func sendAutomationSignal(_ request: SendAutomationSignalRequest) async throws -> SendAutomationSignalResponse {
        try await call("SendAutomationSignal", request) { EmptyResponse() }
    }

    func startAutomationExecution(_ request: StartAutomationExecutionRequest) async throws
        -> StartAutomationExecutionResponse
    {
        try await call("StartAutomationExecution", request) {
            StartAutomationExecutionResponse(automationExecutionId: "11111111-2222-3333-4444-555555555555")
        }
    }

    func stopAutomationExecution(_ request: StopAutomationExecutionRequest) async throws -> StopAutomationExecutionResponse {
        try await call("StopAutomationExecution", request) { EmptyResponse() }
    }

    func getDocument(_ request: GetDocumentRequest) async throws -> GetDocumentResponse {
        try await call("GetDocument", request) {
            var response = GetDocumentResponse(name: request.name)
            response.content = documentContent
            response.documentFormat = .yaml
            return response
        }
    }

    func describeDocument(_ request: DescribeDocumentRequest) async throws -> DescribeDocumentResponse {
        try await call("DescribeDocument", request) {
            DescribeDocumentResponse(document: DocumentDescription(name: request.name))
        }
    }

    func listDocuments(_ request: ListDocumentsRequest) async throws -> ListDocumentsResponse {
        try await call("ListDocuments", request) { ListDocumentsResponse(documentIdentifiers: []) }
    }

    func createDocument(_ request: CreateDocumentRequest) async throws -> CreateDocumentResponse {
        throw ServiceError(.invalidDocumentOperation, "not used by the console")
    }

    func updateDocument(_ request: UpdateDocumentRequest) async throws -> UpdateDocumentResponse {
        throw ServiceError(.invalidDocumentOperation, "not used by the console")
    }

    func deleteDocument(_ request: DeleteDocumentRequest) async throws -> DeleteDocumentResponse {
        throw ServiceError(.invalidDocumentOperation, "not used by the console")
    }

    func describeInstanceInformation(_ request: DescribeInstanceInformationRequest) async throws
        -> DescribeInstanceInformationResponse
    {
        throw ServiceError(.invalidDocumentOperation, "not used by the console")
    }

    func listCommands(_ request: ListCommandsRequest) async throws -> ListCommandsResponse {
        throw ServiceError(.invalidDocumentOperation, "not used by the console")
    }

    func listCommandInvocations(_ request: ListCommandInvocationsRequest) async throws -> ListCommandInvocationsResponse {
        try await call("ListCommandInvocations", request) { ListCommandInvocationsResponse(commandInvocations: invocations) }
    }

    func getCommandInvocation(_ request: GetCommandInvocationRequest) async throws -> GetCommandInvocationResponse {
        try await call("GetCommandInvocation", request) {
            guard let answer = invocationOutputs[request.instanceId] else {
                throw ServiceError(.invocationDoesNotExist, "No invocation of \(request.commandId) on \(request.instanceId).")
            }
            return answer
        }
    }
}

/// Collects what the core posts, for tests to wait on.
final class PostedEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [ConsoleEvent] = []

    func append(_ event: ConsoleEvent) { lock.withLock { events.append(event) } }

    var all: [ConsoleEvent] { lock.withLock { events } }

    var results: [ServiceResult] {
        all.compactMap { if case .result(let result, _) = $0 { return result } else { return nil } }
    }

    var notices: [CoreNotice] {
        all.compactMap { if case .notice(let notice, _) = $0 { return notice } else { return nil } }
    }

    /// Waits until `condition` holds, failing the test after `timeout`.
    func wait(
        for what: String, timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation,
        until condition: (PostedEvents) -> Bool
    ) async {
        let deadline = ContinuousClock.now + timeout
        while !condition(self) {
            if ContinuousClock.now > deadline {
                Issue.record("timed out waiting for \(what); posted: \(all)", sourceLocation: sourceLocation)
                return
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }
}

/// Waits until `condition` holds or `timeout` passes; returns whether it held.
func eventually(timeout: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        if ContinuousClock.now > deadline { return false }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return true
}

let testTarget = ConsoleTarget(kind: .local(dataDirectory: "/tmp/engine"), principal: "arn:aws:iam::123456789012:user/tester")

/// A fresh directory under the temporary directory, removed by the caller.
func temporaryDirectory(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)", isDirectory: true)
}
