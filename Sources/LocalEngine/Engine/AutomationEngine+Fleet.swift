import AutomationDocuments
import AutomationModel
import Foundation

/// Rate-controlled executions: a parent that runs its document once per target as child executions, at most
/// MaxConcurrency at once after an exponential start-up, starting no more once MaxErrors is exceeded. The
/// parent runs no steps; its status follows its children.
extension AutomationEngine {
    func startFleet(
        _ request: StartAutomationExecutionRequest, principal: String, parentId: String?, stored: StoredDocument,
        document: AutomationDocument, fingerprint: String
    ) throws(ServiceError) -> StartAutomationExecutionResponse {
        if request.mode == ExecutionMode.interactive.rawValue {
            throw ServiceError(
                .validationException,
                "Rate-controlled executions (Targets, TargetMaps) run in Auto mode; leave out Mode Interactive, or start each target on its own to step through it.")
        }
        let targets = try FleetTargets.resolve(request, document: document, instances: configuration.instances)
        let rate = try RateControl(
            maxConcurrency: request.maxConcurrency, maxErrors: request.maxErrors, targetCount: targets.count)
        if let parameters = request.parameters, !parameters.isEmpty {
            try ClientLimits.checkParameterMap(
                parameters, field: "Parameters", valueLength: 1...configuration.maxParameterValueLength)
        }
        // Every child's parameters are checked now, so a bad value is refused instead of failing children.
        for target in targets {
            _ = try ParameterResolver.resolve(
                definitions: document.parameters, provided: Self.childParameters(request.parameters, target),
                maxValueLength: configuration.maxParameterValueLength)
        }
        guard active.count < configuration.maxActiveExecutions else {
            throw ServiceError(
                .automationExecutionLimitExceededException,
                "\(active.count) executions are running or waiting, the most this engine allows. Wait for some to end or stop them.")
        }
        var execution = AutomationExecution(automationExecutionId: UUID().uuidString.lowercased())
        execution.documentName = stored.name
        execution.documentVersion = String(stored.version)
        execution.executionStartTime = now
        execution.automationExecutionStatus = .inProgress
        execution.parameters = request.parameters ?? [:]
        execution.outputs = [:]
        execution.mode = .auto
        execution.executedBy = principal
        execution.parentAutomationExecutionId = parentId
        execution.targets = request.targets
        execution.targetMaps = request.targetMaps
        execution.targetParameterName = request.targetParameterName
        execution.maxConcurrency = rate.maxConcurrencyText
        execution.maxErrors = rate.maxErrorsText
        execution.resolvedTargets = ResolvedTargets(parameterValues: targets.map(\.target), truncated: false)
        var parent = ExecutionRecord(
            execution: execution, steps: [], runtime: ExecutionRuntime(), tags: request.tags ?? [],
            clientToken: request.clientToken, requestFingerprint: fingerprint)
        parent.fleet = FleetRuntime(targets: targets, maxConcurrency: rate.maxConcurrency, maxErrors: rate.maxErrors)
        let children = scheduleFleet(&parent, document: document)
        try commitFleet(parent, children: children, targets: .all)
        return StartAutomationExecutionResponse(automationExecutionId: parent.id)
    }

    /// The parent's parameters with the target's own.
    static func childParameters(_ parameters: AutomationParameterMap?, _ target: FleetTarget) -> AutomationParameterMap {
        (parameters ?? [:]).merging(target.parameters) { _, own in own }
    }

    /// Starts as many children as the window allows, unless the parent is stopping or past MaxErrors, and ends
    /// the parent once nothing runs and nothing more will start. Returns the children started, which the
    /// caller writes in the same transaction as the parent.
    func scheduleFleet(_ parent: inout ExecutionRecord, document: AutomationDocument) -> [ExecutionRecord] {
        guard var fleet = parent.fleet, !parent.status.isTerminal else { return [] }
        // The parent lets go of its copy, so changing a target does not copy all of them.
        parent.fleet = nil
        var started: [ExecutionRecord] = []
        while !fleet.stopping, !fleet.thresholdReached, fleet.running < fleet.window, let index = fleet.nextToStart {
            let child = newChild(of: parent, position: index, target: fleet.targets[index], document: document)
            fleet.started(index, childId: child.id, outcome: child.status.isTerminal ? child.status : nil)
            started.append(child)
        }
        if fleet.running == 0, fleet.stopping || fleet.thresholdReached || fleet.nextToStart == nil {
            finishFleet(&parent, fleet)
        }
        parent.fleet = fleet
        return started
    }

    private func newChild(
        of parent: ExecutionRecord, position: Int, target: FleetTarget, document: AutomationDocument
    ) -> ExecutionRecord {
        var execution = AutomationExecution(automationExecutionId: UUID().uuidString.lowercased())
        execution.documentName = parent.execution.documentName
        execution.documentVersion = parent.execution.documentVersion
        execution.executionStartTime = now
        execution.automationExecutionStatus = .inProgress
        execution.outputs = [:]
        execution.mode = .auto
        execution.executedBy = parent.execution.executedBy
        execution.parentAutomationExecutionId = parent.id
        execution.target = target.target
        let parameters = Self.childParameters(parent.execution.parameters, target)
        execution.parameters = parameters
        var child = ExecutionRecord(
            execution: execution, steps: document.mainSteps.map(Self.pendingStepExecution), runtime: ExecutionRuntime(),
            tags: [], clientToken: nil, requestFingerprint: nil)
        child.fleetPosition = position
        do {
            let resolved = try ParameterResolver.resolve(
                definitions: document.parameters, provided: parameters,
                maxValueLength: configuration.maxParameterValueLength)
            child.execution.parameters = resolved.apiParameters
            child.runtime.parameterValues = resolved.values
        } catch {
            // Checked when the parent started; only a document changed under it gets here.
            finish(&child, status: .failed, failureMessage: error.message)
            return child
        }
        if let first = document.mainSteps.first {
            beginStep(&child, named: first.name, document: document)
        } else {
            finish(&child, status: .success, failureMessage: nil)
        }
        return child
    }

    private func finishFleet(_ parent: inout ExecutionRecord, _ fleet: FleetRuntime) {
        if fleet.stopping {
            finish(&parent, status: .cancelled, failureMessage: nil)
        } else if fleet.errors == 0 {
            finish(&parent, status: .success, failureMessage: nil)
        } else {
            var message = "\(fleet.errors) of \(fleet.targets.count) targets did not succeed"
            if fleet.notStarted > 0 {
                message += "; that exceeds MaxErrors \(parent.execution.maxErrors ?? ""), so \(fleet.notStarted) targets were not started"
            }
            finish(
                &parent, status: .failed,
                failureMessage: message + ". The children (filter ParentExecutionId \(parent.id)) say why.")
        }
    }

    /// Which of a parent's target rows a transition writes.
    enum FleetRowsChange {
        /// Every target's row (a start, a recovery).
        case all
        /// The rows of these positions only, and the parent's record only when `parentChanged`: a child's end
        /// costs the same however many targets the fleet has.
        case positions([Int], parentChanged: Bool)
    }

    /// Writes the parent (when it changed), the rows of the targets that changed and the children it just
    /// started, in one transaction.
    func commitFleet(_ parent: ExecutionRecord, children: [ExecutionRecord], targets change: FleetRowsChange) throws(ServiceError) {
        let children = children.map { child in
            var child = child
            child.execution.progressCounters = Self.progress(of: child.steps)
            return child
        }
        let fleetTargets = parent.fleet?.targets ?? []
        var positions: [Int]?
        var parentChanged = true
        if case .positions(let changed, let changedParent) = change {
            positions = changed + children.compactMap(\.fleetPosition)
            parentChanged = changedParent || parent.status.isTerminal
        }
        let writeRows = { (db: GRDBDatabase) throws in
            try EngineStore.saveFleetTargets(of: parent.id, fleetTargets, positions: positions, in: db)
            for child in children { try EngineStore.save(child, in: db) }
        }
        if parentChanged {
            try commit(parent, extra: writeRows)
        } else {
            do {
                try store.pool.write(writeRows)
            } catch {
                throw ServiceError(.internalServerError, "The local engine could not write its store: \(error)")
            }
            active[parent.id] = parent
        }
        for child in children { remember(child) }
    }

    private func commitFleetInBackground(_ parent: ExecutionRecord, children: [ExecutionRecord], targets change: FleetRowsChange) {
        do {
            try commitFleet(parent, children: children, targets: change)
        } catch {
            logger.error("\(error.message)", metadata: ["execution": "\(parent.id)"])
            active[parent.id] = parent
            for child in children where !child.status.isTerminal { active[child.id] = child }
        }
    }

    /// A child ended: its slot frees up and the window doubles (the exponential start-up). Only the parent's
    /// record (when its window or status changed), the child's target row and the new children are written.
    func childEnded(parentId: String, childId: String, position: Int?, status: AutomationExecutionStatus) {
        // Taken out of `active` while it changes, so changing a target does not copy all of them.
        guard var parent = active.removeValue(forKey: parentId) else { return }
        guard var fleet = parent.fleet, let index = fleet.index(ofChild: childId, position: position),
            fleet.targets[index].outcome == nil
        else {
            active[parentId] = parent
            return
        }
        parent.fleet = nil
        fleet.ended(index, status: status)
        let window = fleet.window
        fleet.window = min(fleet.maxConcurrency, fleet.window * 2)
        let windowChanged = fleet.window != window
        guard let document = try? document(of: parent) else {
            fleet.stopping = true
            parent.fleet = fleet
            finish(&parent, status: .failed, failureMessage: "The document of this execution is no longer available; no more targets start.")
            commitFleetInBackground(parent, children: [], targets: .positions([index], parentChanged: true))
            return
        }
        parent.fleet = fleet
        let children = scheduleFleet(&parent, document: document)
        commitFleetInBackground(parent, children: children, targets: .positions([index], parentChanged: windowChanged))
    }

    /// StopAutomationExecution on a parent: no more children start, the running ones are cancelled, and the
    /// parent ends Cancelled when the last of them has ended.
    func stopFleet(_ parent: ExecutionRecord) throws(ServiceError) {
        var parent = parent
        guard var fleet = parent.fleet, !fleet.stopping else { return }
        fleet.stopping = true
        parent.fleet = fleet
        parent.runtime.cancelling = true
        parent.execution.automationExecutionStatus = .cancelling
        let running = fleet.runningChildIds
        if running.isEmpty { finishFleet(&parent, fleet) }
        try commit(parent)
        cancelChildren(running)
    }

    private func cancelChildren(_ ids: [String]) {
        for id in ids where active[id] != nil {
            do {
                try stopExecution(StopAutomationExecutionRequest(automationExecutionId: id))
            } catch {
                logger.error("Could not cancel child \(id): \(error.message)")
            }
        }
    }

    /// After a restart: each parent learns from the store which children exist and how they ended (a child that
    /// ended without its target's row being updated is found by its position), then goes on scheduling the rest.
    func recoverFleets(_ parents: [ExecutionRecord]) {
        for var parent in parents {
            guard var fleet = parent.fleet else { continue }
            let children: [ExecutionRecord]
            do {
                children = try store.children(of: parent.id)
            } catch {
                logger.error("Could not read the children of \(parent.id): \(error)")
                continue
            }
            for child in children {
                guard let position = child.fleetPosition, fleet.targets.indices.contains(position) else { continue }
                fleet.started(position, childId: child.id, outcome: child.status.isTerminal ? child.status : nil)
            }
            parent.fleet = fleet
            guard let document = try? document(of: parent) else {
                finish(&parent, status: .failed, failureMessage: "The document of this execution is no longer available.")
                commitFleetInBackground(parent, children: [], targets: .all)
                cancelChildren(fleet.runningChildIds)
                continue
            }
            let started = scheduleFleet(&parent, document: document)
            commitFleetInBackground(parent, children: started, targets: .all)
            if fleet.stopping {
                cancelChildren(fleet.runningChildIds)
            }
        }
    }
}
