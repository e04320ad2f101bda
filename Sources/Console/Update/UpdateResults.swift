import AutomationModel
import Foundation

/// Answers from the client core: new rows, an execution, the outcome of a change, or a failure.
extension ConsoleUpdate {
    static func handle(_ result: ServiceResult, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch result {
        case .executions(let query, let rows, let nextToken, let appended):
            return executionsArrived(query, rows, nextToken: nextToken, appended: appended, &state)
        case .execution(let execution, let steps):
            return executionArrived(execution, steps: steps, &state)
        case .children(let parentId, let rows, let nextToken, let appended):
            state.refresh.childrenInFlight.remove(parentId)
            state.list.takeChildren(of: parentId, rows, nextToken: nextToken, appended: appended)
            forgetAnsweredApprovals(rows, &state)
            clampScrolling(&state)
            return announce(&state) + fetchApprovals(&state)
        case .approval(let id, let step):
            return approvalArrived(id, step, &state)
        case .signalSent(let request):
            if case .signal = state.overlay { state.overlay = nil }
            let count = addSentDecision(request, &state).map { ": \($0)" } ?? ""
            flash("\(request.signalType) sent to \(request.automationExecutionId)\(count)", .success, &state)
            return announce(&state) + reloadAfterChange(request.automationExecutionId, &state)
        case .started(let request, let executionId):
            if case .start = state.overlay { state.overlay = nil }
            flash("Started \(request.documentName): \(executionId)", .success, &state)
            var effects = openExecution(executionId, &state)
            effects += reloadList(&state)
            return effects
        case .stopped(let request):
            if case .stop = state.overlay { state.overlay = nil }
            flash("\(request.type ?? StopType.cancel.rawValue) sent to \(request.automationExecutionId)", .success, &state)
            return reloadAfterChange(request.automationExecutionId, &state)
        case .documents(let documents):
            state.editStartForm { form in
                guard form.step == .loadingDocuments else { return }
                form.documents = documents.compactMap(\.name).sorted()
                form.step = .pickingDocument
                form.error = form.documents.isEmpty ? "No Automation documents found." : nil
            }
            return []
        case .targetCount(let targets, let count):
            state.editStartForm { form in form.targetCount = StartForm.TargetCount(targets: targets, count: count) }
            return []
        case .document(let description, let stepNames, let rules, let loopSteps):
            state.documentLoopSteps[description.name ?? ""] = loopSteps
            documentArrived(description, stepNames: stepNames, rules: rules, &state)
            return []
        case .switched(let target, let readOnly):
            return switched(target, readOnly: readOnly, &state)
        case .commandInvocations(let commandId, let invocations):
            commandInvocationsArrived(commandId, invocations, &state)
            return []
        case .commandOutput(let output):
            commandOutputArrived(output, &state)
            return []
        case .failed(let request, let error):
            return failed(request, error, &state)
        }
    }

    private static func executionsArrived(
        _ query: ExecutionQuery, _ rows: [AutomationExecutionMetadata], nextToken: String?, appended: Bool,
        _ state: inout ConsoleState
    ) -> [ConsoleEffect] {
        if appended { state.refresh.moreInFlight = false } else { finishListRefresh(&state) }
        guard query == state.list.query else {
            // An answer for a query the operator has since changed: ask for the current one.
            return state.refresh.listPending ? refreshList(&state) : []
        }
        if !appended {
            state.refresh.listAnswered = state.now
            if state.refresh.throttledSinceLastList {
                state.refresh.throttledSinceLastList = false
            } else {
                state.refresh.backoff = 0
                state.refresh.notice = nil
            }
        }
        state.list.take(rows, nextToken: nextToken, appended: appended)
        forgetAnsweredApprovals(rows, &state)
        if !appended { forgetUnloadedApprovals(&state) }
        var effects = announce(&state) + fetchApprovals(&state)
        clampScrolling(&state)
        if state.refresh.listPending { effects += refreshList(&state) }
        return effects
    }

    private static func finishListRefresh(_ state: inout ConsoleState) {
        state.refresh.listInFlight = false
    }

    private static func executionArrived(
        _ execution: AutomationExecution, steps: [StepExecution], _ state: inout ConsoleState
    ) -> [ConsoleEffect] {
        let id = execution.automationExecutionId
        let steps = StepGrouping.grouped(steps)
        var effects = finishLoadingExecution(id, &state)
        // GetAutomationExecution has no AutomationType: the row keeps the one the list gave it, and the members
        // the model does not know that the list gave it.
        let cross = !(execution.targetLocations ?? []).isEmpty || execution.targetLocationsURL != nil
        let listed = state.list.row(withId: id)
        var row = AutomationExecutionMetadata(execution, automationType: listed?.automationType ?? (cross ? .crossAccount : .local))
        row.unmodeledFields = listed?.unmodeledFields
        state.list.update(row)
        effects += approvalFromExecution(execution, steps: steps, &state)
        if var detail = state.detail, detail.id == id {
            let selectedId = detail.selectedStepExecution?.stepExecutionId
            let firstLoad = detail.execution == nil
            detail.execution = execution
            detail.steps = steps
            detail.listRowFields = listed?.unmodeledFields
            if let selectedId, let index = steps.firstIndex(where: { $0.stepExecutionId == selectedId }) {
                detail.selectedStep = index
            } else if firstLoad {
                // First load: start on the step the execution is at.
                detail.selectedStep = steps.lastIndex { $0.executionStartTime != nil } ?? 0
            }
            state.detail = detail
            if firstLoad, detail.isFleet { effects += loadChildren(of: id, &state) }
        } else if case .signal(let form) = state.overlay, form.executionId == id {
            // Steps for a form opened from the list: keep them where the form can find them.
            var detail = ExecutionDetail(id: id)
            detail.execution = execution
            detail.steps = steps
            state.formSteps = detail
        }
        refillSignalForm(&state)
        clampScrolling(&state)
        return effects
    }

    private static func documentArrived(
        _ description: DocumentDescription, stepNames: [String], rules: ParameterRules, _ state: inout ConsoleState
    ) {
        guard let name = description.name else { return }
        state.documentSteps[name] = stepNames
        refillSignalForm(&state)
        if case .unavailable(let reason) = rules {
            state.editSignalForm { form in
                // StartStep can still offer ValidNextSteps without the document's step list.
                guard form.documentName == name else { return }
                form.error = "The document's content could not be read, so only ValidNextSteps are offered: \(reason)"
            }
        }
        state.editStartForm { form in
            guard form.step == .loadingDocument, form.documentName == name else { return }
            form.documentVersion = description.documentVersion
            form.fields = (description.parameters ?? []).map {
                ParameterField($0, rules: $0.name.flatMap(rules.definition(named:)))
            }
            if case .unavailable(let reason) = rules {
                form.rulesNote = "Only the parameter types are checked: the document's content could not be read (\(reason))."
            } else {
                form.rulesNote = nil
            }
            form.focus = 0
            form.step = .editingParameters
        }
    }

    private static func refillSignalForm(_ state: inout ConsoleState) {
        guard case .signal(var form) = state.overlay else { return }
        fillChoices(&form, state)
        state.overlay = .signal(form)
    }

    /// After a change, the execution and the list are read again so the screen shows its effect; a read in
    /// flight was sent before the change, so another follows it.
    private static func reloadAfterChange(_ id: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        if state.detail?.id == id { effects += reloadExecution(id, &state) }
        effects += reloadList(&state)
        return effects
    }

    private static func failed(_ request: ServiceRequest, _ error: ServiceError, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let message = "\(error.code.rawValue): \(error.message)"
        switch request {
        case .listExecutions:
            finishListRefresh(&state)
            flash("\(OperationCatalog.describeAutomationExecutions.name) failed: \(message)", .error, &state)
            return state.refresh.listPending ? refreshList(&state) : []
        case .loadApproval(let id):
            approvalFailed(id, &state)
        case .loadMoreExecutions:
            state.refresh.moreInFlight = false
            flash("Loading more executions failed: \(message)", .error, &state)
        case .listChildren(let parentId, _, _):
            state.refresh.childrenInFlight.remove(parentId)
            flash("Listing the children of \(parentId) failed: \(message)", .error, &state)
        case .loadExecution(let id):
            flash("\(OperationCatalog.getAutomationExecution.name) failed: \(message)", .error, &state)
            state.editSignalForm { form in
                guard form.executionId == id, form.phase == .loading else { return }
                form.phase = .editing
                form.error = message
            }
            return finishLoadingExecution(id, &state)
        case .sendSignal:
            // The form keeps its input and shows why; with no form open, the status line says it.
            let shown: Void? = state.editSignalForm { form in
                form.phase = .editing
                form.error = message
            }
            if shown == nil { flash(message, .error, &state) }
        case .startExecution:
            let shown: Void? = state.editStartForm { form in
                form.step = .editingParameters
                form.error = message
            }
            if shown == nil { flash(message, .error, &state) }
        case .stopExecution:
            let shown: Void? = state.editStopForm { form in
                form.phase = .confirming
                form.error = message
            }
            if shown == nil { flash(message, .error, &state) }
        case .countTargets:
            // The count is a help, not a check: the form still sends, and the service resolves the targets.
            state.editStartForm { form in form.error = "Counting the targets failed: \(message)" }
        case .listDocuments:
            state.editStartForm { form in
                guard form.step == .loadingDocuments else { return }
                form.step = .documentsFailed
                form.error = "\(OperationCatalog.listDocuments.name) failed: \(message)"
            }
        case .switchTarget(let choice):
            switchFailed(choice, error, &state)
        case .loadCommandInvocations, .loadCommandOutput:
            commandOutputFailed(request, message: message, &state)
        case .describeDocument(let name, _):
            if case .start(let form) = state.overlay, form.step == .loadingDocument {
                state.editStartForm { form in
                    form.step = .pickingDocument
                    form.error = "\(OperationCatalog.describeDocument.name) failed: \(message)"
                }
            } else if case .signal(var form) = state.overlay, form.documentName == name {
                // StartStep can still offer ValidNextSteps without the document's step list.
                state.documentSteps[name] = []
                fillChoices(&form, state)
                form.error = "\(OperationCatalog.describeDocument.name) failed: \(message)"
                state.overlay = .signal(form)
            }
        }
        return []
    }
}
