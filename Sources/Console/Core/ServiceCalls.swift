import AutomationDocuments
import AutomationModel
import Foundation

/// The API calls behind each `ServiceRequest`. Pacing to the quotas is the service's own (the connection wraps
/// it in `PacedAutomationService`).
struct ServiceCalls: Sendable {
    let service: any AutomationService
    /// The steps last loaded, so refreshes ask only for the open ones.
    let stepRefresh = StepRefresh()

    /// Pages beyond this are not fetched: a server that keeps answering NextToken would otherwise never end.
    static let maxPages = 100

    func perform(_ request: ServiceRequest) async throws -> ServiceResult {
        switch request {
        case .listExecutions(let query, let pageSize):
            return try await executions(query, pageSize: pageSize, nextToken: nil)
        case .loadMoreExecutions(let query, let pageSize, let nextToken):
            return try await executions(query, pageSize: pageSize, nextToken: nextToken)
        case .listChildren(let parentId, let pageSize, let nextToken):
            let (rows, next) = try await page(.children(of: parentId), pageSize: pageSize, nextToken: nextToken)
            return .children(parentId: parentId, rows, nextToken: next, appended: nextToken != nil)
        case .loadExecution(let id):
            return try await execution(id)
        case .loadApproval(let id):
            return try await approval(id)
        case .sendSignal(let signal):
            _ = try await service.sendAutomationSignal(signal)
            return .signalSent(signal)
        case .startExecution(let start):
            let response = try await service.startAutomationExecution(start)
            guard let id = response.automationExecutionId else {
                throw ServiceError(.internalServerError, "\(OperationCatalog.startAutomationExecution.name) answered without an AutomationExecutionId.")
            }
            return .started(start, executionId: id)
        case .stopExecution(let stop):
            _ = try await service.stopAutomationExecution(stop)
            return .stopped(stop)
        case .listDocuments:
            return try await documents()
        case .countTargets(let targets):
            return .targetCount(targets, count: try await countTargets(targets))
        case .describeDocument(let name, let version):
            return try await document(name, version: version)
        case .switchTarget:
            // A switch replaces the service rather than calling it; the client core never hands one here.
            preconditionFailure("ClientCore runs .switchTarget itself")
        case .loadCommandInvocations(let commandId):
            return try await commandInvocations(commandId)
        case .loadCommandOutput(let commandId, let instanceId):
            return .commandOutput(
                try await service.getCommandInvocation(GetCommandInvocationRequest(commandId: commandId, instanceId: instanceId)))
        }
    }

    /// Every instance of a command, each with its plugin's status, exit code and times.
    private func commandInvocations(_ commandId: String) async throws -> ServiceResult {
        var invocations: [CommandInvocation] = []
        var nextToken: String?
        for _ in 0..<Self.maxPages {
            let page = try await service.listCommandInvocations(
                ListCommandInvocationsRequest(commandId: commandId, maxResults: 50, nextToken: nextToken, details: true))
            invocations += page.commandInvocations ?? []
            nextToken = page.nextToken
            if nextToken == nil { break }
        }
        return .commandInvocations(commandId: commandId, invocations)
    }

    private func executions(_ query: ExecutionQuery, pageSize: Int, nextToken: String?) async throws -> ServiceResult {
        let (rows, next) = try await page(query, pageSize: pageSize, nextToken: nextToken)
        return .executions(query, rows, nextToken: next, appended: nextToken != nil)
    }

    /// One DescribeAutomationExecutions page of the query's rows.
    private func page(
        _ query: ExecutionQuery, pageSize: Int, nextToken: String?
    ) async throws -> ([AutomationExecutionMetadata], String?) {
        let filters = query.filters
        let response = try await service.describeAutomationExecutions(
            DescribeAutomationExecutionsRequest(
                filters: filters.isEmpty ? nil : filters, maxResults: min(max(pageSize, 1), 50), nextToken: nextToken))
        return ((response.automationExecutionMetadataList ?? []).filter(query.accepts), response.nextToken)
    }

    private func execution(_ id: String) async throws -> ServiceResult {
        guard let execution = try await service.getAutomationExecution(
            GetAutomationExecutionRequest(automationExecutionId: id)).automationExecution
        else {
            throw ServiceError(.automationExecutionNotFoundException, "\(OperationCatalog.getAutomationExecution.name) returned no execution for \(id).")
        }
        if let known = stepRefresh.steps(for: id) {
            let open = try await stepPages(
                DescribeAutomationStepExecutionsRequest(
                    automationExecutionId: id, filters: [StepRefresh.openStepsFilter], maxResults: 50))
            if let steps = StepRefresh.merge(known, execution: execution, open: open) {
                stepRefresh.remember(execution, steps: steps)
                return .execution(execution, steps: steps)
            }
        }
        let steps = try await stepPages(DescribeAutomationStepExecutionsRequest(automationExecutionId: id, maxResults: 50))
        stepRefresh.remember(execution, steps: steps)
        return .execution(execution, steps: steps)
    }

    /// Every page of DescribeAutomationStepExecutions for `request`.
    private func stepPages(_ request: DescribeAutomationStepExecutionsRequest) async throws -> [StepExecution] {
        var request = request
        var steps: [StepExecution] = []
        var nextToken: String?
        for _ in 0..<Self.maxPages {
            request.nextToken = nextToken
            let page = try await service.describeAutomationStepExecutions(request)
            steps += page.stepExecutions ?? []
            nextToken = page.nextToken
            if nextToken == nil { break }
        }
        return steps
    }

    /// One call: the steps waiting now, of which an execution has at most one (its current step).
    private func approval(_ id: String) async throws -> ServiceResult {
        let page = try await service.describeAutomationStepExecutions(
            DescribeAutomationStepExecutionsRequest(
                automationExecutionId: id,
                filters: [StepExecutionFilter(key: .stepExecutionStatus, values: [AutomationExecutionStatus.waiting.rawValue])],
                maxResults: 50))
        let step = (page.stepExecutions ?? []).last {
            $0.action == AutomationActionName.approve.rawValue && $0.stepStatus == .waiting
        }
        return .approval(executionId: id, step: step)
    }

    /// The distinct instances the targets name: IDs and parameter values as given, tags through
    /// DescribeInstanceInformation's `tag:KEY` filter, a page at a time.
    private func countTargets(_ targets: [Target]) async throws -> Int {
        var instances: Set<String> = []
        for target in targets {
            guard let key = target.key, key.hasPrefix("tag:") else {
                instances.formUnion(target.values ?? [])
                continue
            }
            var nextToken: String?
            for _ in 0..<Self.maxPages {
                let page = try await service.describeInstanceInformation(
                    DescribeInstanceInformationRequest(
                        filters: [InstanceInformationStringFilter(key: key, values: target.values ?? [])], maxResults: 50,
                        nextToken: nextToken))
                instances.formUnion((page.instanceInformationList ?? []).compactMap(\.instanceId))
                nextToken = page.nextToken
                if nextToken == nil { break }
            }
        }
        return instances.count
    }

    private func documents() async throws -> ServiceResult {
        var identifiers: [DocumentIdentifier] = []
        var nextToken: String?
        for _ in 0..<Self.maxPages {
            let page = try await service.listDocuments(
                ListDocumentsRequest(
                    filters: [DocumentKeyValuesFilter(key: "DocumentType", values: ["Automation"])], maxResults: 50,
                    nextToken: nextToken))
            identifiers += page.documentIdentifiers ?? []
            nextToken = page.nextToken
            if nextToken == nil { break }
        }
        return .documents(identifiers)
    }

    private func document(_ name: String, version: String?) async throws -> ServiceResult {
        guard let description = try await service.describeDocument(
            DescribeDocumentRequest(name: name, documentVersion: version)).document
        else {
            throw ServiceError(.invalidDocument, "\(OperationCatalog.describeDocument.name) returned no description for \(name).")
        }
        let content = try await service.getDocument(GetDocumentRequest(name: name, documentVersion: version))
        guard let text = content.content else {
            throw ServiceError(.invalidDocumentContent, "\(OperationCatalog.getDocument.name) returned no content for \(name).")
        }
        // Content this parser cannot read (a newer schema, say) still leaves DescribeDocument's parameters to
        // start the document with, so it is not an error here.
        let parsed: AutomationDocument
        do {
            parsed = try DocumentParser.parse(text, format: content.documentFormat)
        } catch {
            return .document(description, stepNames: [], parameterRules: .unavailable(reason: error.message))
        }
        return .document(
            description, stepNames: parsed.mainSteps.map(\.name), parameterRules: .parsed(parsed.parameters),
            loopSteps: Self.loopSteps(parsed.mainSteps))
    }

    /// The names of each loop's steps, by the loop's name, loops inside loops too.
    static func loopSteps(_ steps: [StepDefinition]) -> [String: [String]] {
        var loops: [String: [String]] = [:]
        for step in steps where !step.steps.isEmpty {
            loops[step.name] = step.steps.map(\.name)
            loops.merge(loopSteps(step.steps)) { first, _ in first }
        }
        return loops
    }
}
