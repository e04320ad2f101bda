import AutomationModel
import Dispatch
import Foundation

/// The one place the console calls the service from. The UI thread hands it requests and returns at once;
/// the core decides on its serial queue what runs (see `RequestSchedule`), runs each request as a task, writes
/// the audit log for changes, and posts every answer back as a `ConsoleEvent`. The service it is given is
/// already paced to the quotas (the connection wraps it in `PacedAutomationService`).
///
/// `:profile` and `:region` switch it to another connection without a restart: each connection is a
/// generation, and an answer from an earlier generation is dropped rather than posted, so nothing the old
/// target says lands in the new target's state.
public final class ClientCore: @unchecked Sendable {
    // `schedule`, `tasks`, `nextTaskNumber`, `calls`, `target`, `readOnly`, `generation`, `held` and `retiring`
    // are only touched on `queue`; everything else is immutable, locked, or thread-safe itself.
    private let queue = DispatchQueue(label: "ssm-console.client-core")
    private var schedule = RequestSchedule()
    private var tasks: [UInt64: (task: Task<Void, Never>, isChange: Bool, generation: UInt64)] = [:]
    private var nextTaskNumber: UInt64 = 0
    /// Set once by `shutdown`; notices check it under its lock, so none is posted after shutdown returns.
    private let shutDown = LockedValue(false)
    /// Signals, starts and stops still running, which shutdown lets finish so each gets its audit record.
    private let changesInFlight = DispatchGroup()

    private var calls: ServiceCalls
    private var target: ConsoleTarget
    private let auditLog: AuditLog?
    private var readOnly: Bool
    private var generation: UInt64 = 0
    /// Requests that arrived while a switch was connecting: run on the old target if the switch fails.
    private var held: [ServiceRequest]?
    /// How to close each earlier generation's connection, once its changes in flight are done.
    private var retiring: [UInt64: @Sendable () async -> Void] = [:]
    private let connect: TargetConnector?
    private let describeError: ServiceErrorDescriber
    private let now: @Sendable () -> Date
    private let post: @Sendable (ConsoleEvent) -> Void

    /// - Parameters:
    ///   - auditLog: where changes are recorded; nil records nothing (tests of other things).
    ///   - readOnly: refuse signals, starts and stops here too, whatever the UI asks.
    ///   - connect: opens the connection `:profile` and `:region` switch to; nil when the target cannot change.
    ///   - post: receives every result and notice; called from the core's tasks, so it must be thread-safe.
    public init(
        service: any AutomationService, target: ConsoleTarget, auditLog: AuditLog?, readOnly: Bool = false,
        describeError: @escaping ServiceErrorDescriber = ServiceErrorDescription.standard,
        now: @escaping @Sendable () -> Date = { Date() }, connect: TargetConnector? = nil,
        post: @escaping @Sendable (ConsoleEvent) -> Void
    ) {
        self.connect = connect
        self.target = target
        self.auditLog = auditLog
        self.readOnly = readOnly
        self.describeError = describeError
        self.now = now
        self.post = post
        calls = ServiceCalls(service: service)
    }

    /// Queues `request`; returns at once. The answer comes back through `post`.
    public func submit(_ request: ServiceRequest) {
        queue.async { self.schedule(request) }
    }

    /// Posts a notice about the service client's own work (throttling, retries, rate limiting).
    public func report(_ notice: CoreNotice) {
        shutDown.withLock { isShutDown in
            if !isShutDown { post(.notice(notice, at: now())) }
        }
    }

    /// Takes no more requests and posts nothing more. Reads in flight are cancelled; a change already sent is
    /// given up to `changeGrace` to finish, so its audit record is written before the process ends.
    public func shutdown(changeGrace: Duration = .seconds(5)) {
        queue.sync {
            shutDown.withLock { $0 = true }
            for (_, entry) in tasks where !entry.isChange { entry.task.cancel() }
        }
        let milliseconds = Int(changeGrace.components.seconds * 1000 + changeGrace.components.attoseconds / 1_000_000_000_000_000)
        _ = changesInFlight.wait(timeout: .now() + .milliseconds(milliseconds))
    }

    // MARK: On the queue

    private var isShutDown: Bool { shutDown.withLock { $0 } }

    private func schedule(_ request: ServiceRequest) {
        guard !isShutDown else { return }
        if case .switchTarget(let choice) = request {
            startSwitch(choice)
            return
        }
        if held != nil {
            held?.append(request)
            return
        }
        if request.isChange && readOnly {
            post(.result(.failed(request, ServiceError(
                ServiceError.Code(rawValue: "ReadOnlyMode"),
                "ssm-console is read-only here (--read-only, or a read-only profile in the config file): signals, starts and stops are not sent.")),
                at: now()))
            return
        }
        if schedule.submit(request) == .run { run(request) }
    }

    private func run(_ request: ServiceRequest) {
        let number = nextTaskNumber
        nextTaskNumber += 1
        if request.isChange { changesInFlight.enter() }
        let (calls, target, generation) = (self.calls, self.target, self.generation)
        let task = Task {
            let (result, auditFailure) = await self.perform(request, calls: calls, target: target)
            if request.isChange { self.changesInFlight.leave() }
            self.queue.async {
                self.finished(request, task: number, result: result, auditFailure: auditFailure, generation: generation)
            }
        }
        tasks[number] = (task, request.isChange, generation)
    }

    /// Connects in a task of its own; requests meanwhile wait, so none goes to a target about to be left.
    private func startSwitch(_ choice: TargetChoice) {
        guard let connect else {
            post(.result(.failed(.switchTarget(choice), ServiceError(
                ServiceError.Code(rawValue: "SwitchUnavailable"),
                "This console cannot change its target; restart it with --profile or --region.")), at: now()))
            return
        }
        guard held == nil else {
            post(.result(.failed(.switchTarget(choice), ServiceError(
                ServiceError.Code(rawValue: "SwitchInProgress"), "A switch is already connecting; wait for it.")), at: now()))
            return
        }
        held = []
        let number = nextTaskNumber
        nextTaskNumber += 1
        let task = Task {
            let outcome: Result<SwitchedConnection, any Error>
            do {
                outcome = .success(try await connect(choice))
            } catch {
                outcome = .failure(error)
            }
            self.queue.async { self.switchFinished(choice, outcome, task: number) }
        }
        tasks[number] = (task, false, generation)
    }

    private func switchFinished(_ choice: TargetChoice, _ outcome: Result<SwitchedConnection, any Error>, task number: UInt64) {
        tasks[number] = nil
        let waiting = held ?? []
        held = nil
        switch outcome {
        case .failure(let error):
            guard !isShutDown else { return }
            post(.result(.failed(.switchTarget(choice), describeError(error)), at: now()))
            for request in waiting { schedule(request) }
        case .success(let connection):
            guard !isShutDown else {
                Task { await connection.retirePrevious() }
                return
            }
            // Reads of the old target are of no use now; its changes run to their end and are audited.
            for (_, entry) in tasks where !entry.isChange { entry.task.cancel() }
            retiring[generation] = connection.retirePrevious
            generation += 1
            calls = ServiceCalls(service: connection.service)
            target = connection.target
            readOnly = connection.readOnly
            schedule = RequestSchedule()
            post(.result(.switched(connection.target, readOnly: connection.readOnly), at: now()))
            // What waited was asked of the old target: the update asks the new one afresh after `.switched`.
            for request in waiting where request.isChange {
                post(.result(.failed(request, ServiceError(
                    ServiceError.Code(rawValue: "TargetSwitched"),
                    "Not sent: the console switched to \(connection.target.label) meanwhile.")), at: now()))
            }
            retireFinishedGenerations()
        }
    }

    /// Closes the connections of earlier generations that have no task left.
    private func retireFinishedGenerations() {
        for (old, retire) in retiring where !tasks.values.contains(where: { $0.generation == old }) {
            retiring[old] = nil
            Task { await retire() }
        }
    }

    private func finished(
        _ request: ServiceRequest, task number: UInt64, result: ServiceResult, auditFailure: AuditLogError?,
        generation answered: UInt64
    ) {
        tasks[number] = nil
        guard !isShutDown else { return }
        guard answered == generation else {
            // The target has changed since: the answer belongs to a state the console has left.
            if let auditFailure {
                post(.notice(.auditLogFailed(path: auditFailure.path, reason: auditFailure.reason), at: now()))
            }
            retireFinishedGenerations()
            return
        }
        post(.result(result, at: now()))
        // After the result, so the status line ends on the audit failure rather than the change's success.
        if let auditFailure {
            post(.notice(.auditLogFailed(path: auditFailure.path, reason: auditFailure.reason), at: now()))
        }
        schedule.finish(request)
    }

    // MARK: In the request's task

    /// The request's result, and the audit log's first failure if a record could not be written. A change is
    /// recorded before it is sent and again with its result, so one cut off by exit is still on record.
    private func perform(_ request: ServiceRequest, calls: ServiceCalls, target: ConsoleTarget) async
        -> (ServiceResult, AuditLogError?)
    {
        var auditFailure = audit(AuditRecord(sending: request, target: target, time: now()))
        let result: ServiceResult
        do {
            result = try await calls.perform(request)
        } catch {
            result = .failed(request, describeError(error))
        }
        let after = audit(AuditRecord(request: request, result: result, target: target, time: now()))
        auditFailure = auditFailure ?? after
        return (result, auditFailure)
    }

    private func audit(_ record: AuditRecord?) -> AuditLogError? {
        guard let auditLog, let record else { return nil }
        do {
            try auditLog.append(record)
            return nil
        } catch {
            return error
        }
    }
}
