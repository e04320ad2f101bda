import AutomationDocuments
import AutomationModel
import Foundation

/// The API calls behind each `ServiceRequest`. Pacing to the quotas is the service's own (the connection wraps
/// it in `PacedAutomationService`).
struct ServiceCalls: Sendable {
    let service: any AutomationService

    /// Pages beyond this are not fetched: a server that keeps answering NextToken would otherwise never end.
    static let maxPages = 100

    func perform(_ request: ServiceRequest) async throws -> ServiceResult {
        switch request {
        case .listExecutions(let query, let pageSize):
            return try await executions(query, pageSize: pageSize, nextToken: nil)
        case .loadMoreExecutions(let query, let pageSize, let nextToken):
            return try await executions(query, pageSize: pageSize, nextToken: nextToken)
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
        case .describeDocument(let name, let version):
            return try await document(name, version: version)
        case .switchTarget:
            // A switch replaces the service rather than calling it; the client core never hands one here.
            preconditionFailure("ClientCore runs .switchTarget itself")
        }
    }

    private func executions(_ query: ExecutionQuery, pageSize: Int, nextToken: String?) async throws -> ServiceResult {
        let filters = query.filters
        let response = try await service.describeAutomationExecutions(
            DescribeAutomationExecutionsRequest(
                filters: filters.isEmpty ? nil : filters, maxResults: min(max(pageSize, 1), 50), nextToken: nextToken))
        let rows = (response.automationExecutionMetadataList ?? []).filter(query.accepts)
        return .executions(query, rows, nextToken: response.nextToken, appended: nextToken != nil)
    }

    private func execution(_ id: String) async throws -> ServiceResult {
        guard let execution = try await service.getAutomationExecution(
            GetAutomationExecutionRequest(automationExecutionId: id)).automationExecution
        else {
            throw ServiceError(.automationExecutionNotFoundException, "\(OperationCatalog.getAutomationExecution.name) returned no execution for \(id).")
        }
        var steps: [StepExecution] = []
        var nextToken: String?
        for _ in 0..<Self.maxPages {
            let page = try await service.describeAutomationStepExecutions(
                DescribeAutomationStepExecutionsRequest(automationExecutionId: id, nextToken: nextToken, maxResults: 50))
            steps += page.stepExecutions ?? []
            nextToken = page.nextToken
            if nextToken == nil { break }
        }
        return .execution(execution, steps: steps)
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
            description, stepNames: parsed.mainSteps.map(\.name), parameterRules: .parsed(parsed.parameters))
    }
}
