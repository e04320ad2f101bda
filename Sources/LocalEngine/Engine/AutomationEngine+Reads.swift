import AutomationModel
import Foundation

/// Reads straight from the store, outside the actor: they see every committed transition and never wait
/// behind a running step.
extension AutomationEngine {
    /// More step executions than this and GetAutomationExecution sets StepExecutionsTruncated.
    static let stepExecutionsInGet = 100

    nonisolated func getExecution(_ request: GetAutomationExecutionRequest) throws(ServiceError)
        -> GetAutomationExecutionResponse
    {
        if let cached = viewCache.view(request.automationExecutionId) { return cached }
        let view = Self.view(of: try storedRecord(request.automationExecutionId))
        viewCache.putEnded(request.automationExecutionId, view)
        return view
    }

    /// GetAutomationExecution's answer as wire JSON, for the endpoint: encoded once while it does not change.
    public nonisolated func encodedExecution(_ request: GetAutomationExecutionRequest) throws(ServiceError) -> Data {
        let id = request.automationExecutionId
        do {
            if let json = try viewCache.json(id) { return json }
            let view = try getExecution(request)
            return try viewCache.json(id) ?? AWSJSON.encode(view)
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError(.internalServerError, "Could not encode execution \(id): \(error)")
        }
    }

    /// What GetAutomationExecution shows of a record.
    static func view(of record: ExecutionRecord) -> GetAutomationExecutionResponse {
        var execution = record.execution
        execution.progressCounters = progress(of: record.steps)
        execution.stepExecutions = Array(record.steps.prefix(stepExecutionsInGet))
        execution.stepExecutionsTruncated = record.steps.count > stepExecutionsInGet
        return GetAutomationExecutionResponse(automationExecution: execution)
    }

    nonisolated func describeExecutions(_ request: DescribeAutomationExecutionsRequest) throws(ServiceError)
        -> DescribeAutomationExecutionsResponse
    {
        try store.describeExecutions(request)
    }

    /// DescribeAutomationExecutions' answer as wire JSON, for the endpoint: each row encoded once while it does
    /// not change.
    public nonisolated func encodedExecutionList(_ request: DescribeAutomationExecutionsRequest) throws(ServiceError)
        -> Data
    {
        try store.encodedDescribeExecutions(request)
    }

    nonisolated func describeStepExecutions(_ request: DescribeAutomationStepExecutionsRequest) throws(ServiceError)
        -> DescribeAutomationStepExecutionsResponse
    {
        let pageSize = try PageSize.check(request.maxResults)
        let record = try storedRecord(request.automationExecutionId)
        var steps = try StepExecutionFilters.apply(request.filters ?? [], to: record.steps)
        if request.reverseOrder == true { steps.reverse() }
        var start = 0
        if let token = request.nextToken, !token.isEmpty {
            guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
                let offset = Int(text), (0...steps.count).contains(offset)
            else {
                throw ServiceError(.invalidNextToken, "The NextToken is not one this service issued. Start again without NextToken.")
            }
            start = offset
        }
        let end = min(start + pageSize, steps.count)
        let next = end < steps.count ? Data(String(end).utf8).base64EncodedString() : nil
        return DescribeAutomationStepExecutionsResponse(stepExecutions: Array(steps[start..<end]), nextToken: next)
    }

    nonisolated func storedRecord(_ id: String) throws(ServiceError) -> ExecutionRecord {
        try ClientLimits.checkExecutionId(id)
        let record: ExecutionRecord?
        do { record = try store.record(id: id) } catch { throw storeError(error) }
        guard let record else {
            throw ServiceError(
                .automationExecutionNotFoundException,
                "No execution with ID \(id). Check the ID with DescribeAutomationExecutions.")
        }
        return record
    }
}

/// DescribeAutomationStepExecutions filters.
enum StepExecutionFilters {
    static func apply(_ filters: [StepExecutionFilter], to steps: [StepExecution]) throws(ServiceError) -> [StepExecution] {
        guard filters.count <= 6 else {
            throw ServiceError(.validationException, "At most 6 filters are allowed; got \(filters.count).")
        }
        var result = steps
        for filter in filters {
            guard let key = StepExecutionFilter.Key(rawValue: filter.key) else {
                let valid = StepExecutionFilter.Key.allCases.map(\.rawValue).joined(separator: ", ")
                throw ServiceError(.invalidFilterKey, "Unknown filter key '\(filter.key)'. Valid keys: \(valid).")
            }
            guard (1...10).contains(filter.values.count) else {
                throw ServiceError(.invalidFilterValue, "Filter \(filter.key) needs 1 to 10 values; got \(filter.values.count).")
            }
            let values = Set(filter.values)
            switch key {
            case .stepExecutionStatus:
                for value in values where !AutomationExecutionStatus(rawValue: value).isKnown {
                    throw ServiceError(.invalidFilterValue, "'\(value)' is not a step status.")
                }
                result = result.filter { values.contains(($0.stepStatus ?? .pending).rawValue) }
            case .stepExecutionId: result = result.filter { values.contains($0.stepExecutionId ?? "") }
            case .stepName: result = result.filter { values.contains($0.stepName ?? "") }
            case .action: result = result.filter { values.contains($0.action ?? "") }
            case .startTimeBefore, .startTimeAfter:
                guard values.count == 1, let date = FilterTime.parse(filter.values[0]) else {
                    throw ServiceError(
                        .invalidFilterValue, "\(filter.key) takes one time such as 2026-11-21T09:30:00Z.")
                }
                result = result.filter { step in
                    guard let start = step.executionStartTime else { return false }
                    return key == .startTimeBefore ? start < date : start > date
                }
            case .parentStepExecutionId:
                result = result.filter { values.contains($0.parentStepDetails?.stepExecutionId ?? "") }
            case .parentStepIteration:
                for value in values where Int(value).map({ $0 < 1 }) ?? true {
                    throw ServiceError(
                        .invalidFilterValue, "ParentStepIteration takes iteration numbers from 1; '\(value)' is not one.")
                }
                result = result.filter { step in
                    step.parentStepDetails?.iteration.map { values.contains(String($0)) } ?? false
                }
            case .parentStepIteratorValue:
                result = result.filter { step in
                    step.parentStepDetails?.iteratorValue.map(values.contains) ?? false
                }
            }
        }
        return result
    }
}
