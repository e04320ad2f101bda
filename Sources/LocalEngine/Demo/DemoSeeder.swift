import AutomationModel
import Foundation

/// The executions a fresh local engine shows, so the console has something real to watch and answer:
/// one waiting for approval, a paused one, an interactive one waiting for StartStep, one running a slow
/// command, a rate-controlled restart across the demo fleet, and ended ones in each terminal status.
public enum DemoSeeder {
    /// The second approver of the demo approval, besides the operator.
    public static let secondApprover = "arn:aws:iam::\(EngineConfiguration.localAccountId):user/second-approver"

    /// Seeds the demo when the engine has never run an execution; returns the IDs it started. `started` hears
    /// of each as it starts, so a console can list them while the rest are seeded.
    @discardableResult
    public static func seedIfEmpty(
        _ engine: AutomationEngine, operator principal: String, started seeded: (@Sendable (String) -> Void)? = nil
    ) async throws -> [String] {
        guard try engine.store.executionCount() == 0 else { return [] }
        let service = engine.session(principal: principal)
        var started: [String] = []
        func start(
            _ document: String, _ parameters: AutomationParameterMap? = nil, mode: ExecutionMode = .auto,
            rateControl: (inout StartAutomationExecutionRequest) -> Void = { _ in }
        ) async throws -> String {
            // Seeding runs beside the console; closing the console cancels it between executions.
            try Task.checkCancellation()
            var request = StartAutomationExecutionRequest(documentName: document, parameters: parameters, mode: mode)
            rateControl(&request)
            let response = try await service.startAutomationExecution(request)
            let id = response.automationExecutionId ?? ""
            started.append(id)
            seeded?(id)
            return id
        }
        // Ended ones first, so the waiting and running ones are newest and sit at the top.
        _ = try await start("Demo-BranchOnEnvironment", ["Environment": ["staging"]])
        _ = try await start("Demo-FlakyStepWithRetries")
        let rejected = try await start("Demo-ApproveRestart", ["Approvers": [principal, secondApprover]])
        try await waitUntil(engine, rejected, { $0.automationExecutionStatus == .waiting })
        _ = try await service.sendAutomationSignal(
            SendAutomationSignalRequest(
                automationExecutionId: rejected, signalType: .reject,
                payload: ["Comment": ["Not during the sales event"]]))
        let cancelled = try await start("Demo-SlowCommand", ["Seconds": ["600"]])
        try await waitUntil(engine, cancelled, { $0.currentStepName != nil })
        _ = try await service.stopAutomationExecution(StopAutomationExecutionRequest(automationExecutionId: cancelled))
        _ = try await start("Demo-CommandTimeout")
        _ = try await start("Demo-SleepThenFinish", ["SleepDuration": ["PT2S"]])

        _ = try await start("Demo-SlowCommand", ["Seconds": ["900"]])
        _ = try await start("Demo-InteractiveMaintenance", mode: .interactive)
        _ = try await start("Demo-PauseAndResume")
        _ = try await start("Demo-ApproveRestart", ["Approvers": [principal, secondApprover]])
        // A fleet in progress: the production instances restart a few at a time, one waiting for approval.
        let approvalInstance = DemoFleet.instances.first { $0.tags["Env"] == "prod" && $0.tags["Role"] == "db" }
        _ = try await start(
            "Demo-RollingRestart",
            ["Approvers": [principal], "ApprovalInstanceId": [approvalInstance?.id ?? "none"]]
        ) { request in
            request.targets = DemoFleet.productionTargets
            request.targetParameterName = "InstanceId"
            request.maxConcurrency = "3"
            request.maxErrors = "1"
        }
        return started
    }

    /// Waits (up to `timeout`) until every seeded execution has reached the state it is meant to show.
    public static func waitUntilSettled(_ engine: AutomationEngine, _ ids: [String], timeout: TimeInterval = 20) async {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let settled = ids.allSatisfy { id in
                guard let execution = try? engine.getExecution(GetAutomationExecutionRequest(automationExecutionId: id))
                    .automationExecution
                else { return true }
                let status = execution.automationExecutionStatus ?? .pending
                if status.isTerminal || status == .waiting { return true }
                // A rate-controlled parent runs as long as its children do.
                if execution.resolvedTargets != nil { return true }
                // A step that keeps running on purpose (the slow command) counts as settled once it runs.
                return execution.currentAction == AutomationActionName.runCommand.rawValue && execution.documentName == "Demo-SlowCommand"
            }
            if settled { return }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    private static func waitUntil(
        _ engine: AutomationEngine, _ id: String, _ condition: (AutomationExecution) -> Bool
    ) async throws {
        for _ in 0..<200 {
            if let execution = try engine.getExecution(GetAutomationExecutionRequest(automationExecutionId: id))
                .automationExecution, condition(execution)
            {
                return
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw ServiceError(.internalServerError, "Demo execution \(id) did not reach the expected state in time.")
    }
}
