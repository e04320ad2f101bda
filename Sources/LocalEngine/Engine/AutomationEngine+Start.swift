import AutomationDocuments
import AutomationModel
import Foundation

extension AutomationEngine {
    /// - Parameter parentId: the execution whose aws:executeAutomation step starts this one.
    func startExecution(_ request: StartAutomationExecutionRequest, principal: String, parentId: String? = nil)
        throws(ServiceError) -> StartAutomationExecutionResponse
    {
        let fingerprint = Self.fingerprint(of: request)
        if let token = request.clientToken {
            guard token.count == 36 else {
                throw ServiceError(.validationException, "ClientToken must be a 36-character UUID; got '\(token)'.")
            }
            if let existing = try? store.executionId(clientToken: token) {
                let previous = try? store.record(id: existing)
                guard previous?.requestFingerprint == fingerprint else {
                    throw ServiceError(
                        .idempotentParameterMismatch,
                        "ClientToken \(token) was already used to start \(existing) with other arguments. Use a new token.")
                }
                return StartAutomationExecutionResponse(automationExecutionId: existing)
            }
        }
        let mode: ExecutionMode
        if let text = request.mode {
            guard let parsed = ExecutionMode(rawValue: text) else {
                throw ServiceError(.validationException, "Mode must be Auto or Interactive; got '\(text)'.")
            }
            mode = parsed
        } else {
            mode = .auto
        }
        let (stored, document) = try runnableDocument(name: request.documentName, version: request.documentVersion)
        if FleetTargets.requested(request) {
            return try startFleet(
                request, principal: principal, parentId: parentId, stored: stored, document: document,
                fingerprint: fingerprint)
        }
        if let parameters = request.parameters, !parameters.isEmpty {
            try ClientLimits.checkParameterMap(
                parameters, field: "Parameters", valueLength: 1...configuration.maxParameterValueLength)
        }
        let resolved = try ParameterResolver.resolve(
            definitions: document.parameters, provided: request.parameters,
            maxValueLength: configuration.maxParameterValueLength)
        guard active.count < configuration.maxActiveExecutions else {
            throw ServiceError(
                .automationExecutionLimitExceededException,
                "\(active.count) executions are running or waiting, the most this engine allows. Wait for some to end or stop them.")
        }

        let id = UUID().uuidString.lowercased()
        var execution = AutomationExecution(automationExecutionId: id)
        execution.documentName = stored.name
        execution.documentVersion = String(stored.version)
        execution.executionStartTime = now
        execution.automationExecutionStatus = mode == .interactive ? .waiting : .inProgress
        execution.parameters = resolved.apiParameters
        execution.outputs = [:]
        execution.mode = mode
        execution.executedBy = principal
        execution.parentAutomationExecutionId = parentId
        execution.target = ""
        if !document.variables.isEmpty {
            execution.variables = VariableUpdate.apiValues(VariableUpdate.initialValues(of: document), of: document)
        }
        var record = ExecutionRecord(
            execution: execution, steps: document.mainSteps.map(Self.pendingStepExecution),
            runtime: ExecutionRuntime(
                parameterValues: resolved.values, variables: VariableUpdate.initialValues(of: document)),
            tags: request.tags ?? [],
            clientToken: request.clientToken, requestFingerprint: fingerprint)
        if mode == .auto, let first = document.mainSteps.first {
            beginStep(&record, named: first.name, document: document)
        }
        try commit(record)
        return StartAutomationExecutionResponse(automationExecutionId: id)
    }

    static func pendingStepExecution(_ step: StepDefinition) -> StepExecution {
        var execution = StepExecution(
            stepName: step.name, action: step.action, stepExecutionId: UUID().uuidString.lowercased())
        execution.timeoutSeconds = step.timeoutSeconds
        execution.onFailure = step.onFailure.text
        execution.maxAttempts = step.maxAttempts
        execution.isEnd = step.isEnd
        execution.nextStep = step.nextStep
        execution.isCritical = step.isCritical
        return execution
    }

    /// The arguments that make two starts "the same request" for ClientToken.
    static func fingerprint(of request: StartAutomationExecutionRequest) -> String {
        var copy = request
        copy.clientToken = nil
        let encoder = AWSJSON.encoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(copy)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
