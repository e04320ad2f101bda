import AutomationModel
import Dispatch
import Foundation

/// The one place the console calls the service from. The UI thread hands it requests and returns at once;
/// the core decides on its serial queue what runs (see `RequestSchedule`), runs each request as a task, writes
/// the audit log for changes, and posts every answer back as a `ConsoleEvent`. The service it is given is
/// already paced to the quotas (the connection wraps it in `PacedAutomationService`).
public final class ClientCore: @unchecked Sendable {
    // `schedule`, `tasks` and `nextTaskNumber` are only touched on `queue`; everything else is immutable,
    // locked, or thread-safe itself.
    private let queue = DispatchQueue(label: "ssm-console.client-core")
    private var schedule = RequestSchedule()
    private var tasks: [UInt64: (task: Task<Void, Never>, isChange: Bool)] = [:]
    private var nextTaskNumber: UInt64 = 0
    /// Set once by `shutdown`; notices check it under its lock, so none is posted after shutdown returns.
    private let shutDown = LockedValue(false)
    /// Signals, starts and stops still running, which shutdown lets finish so each gets its audit record.
    private let changesInFlight = DispatchGroup()

    private let calls: ServiceCalls
    private let target: ConsoleTarget
    private let auditLog: AuditLog?
    private let readOnly: Bool
    private let describeError: ServiceErrorDescriber
    private let now: @Sendable () -> Date
    private let post: @Sendable (ConsoleEvent) -> Void

    /// - Parameters:
    ///   - auditLog: where changes are recorded; nil records nothing (tests of other things).
    ///   - readOnly: refuse signals, starts and stops here too, whatever the UI asks.
    ///   - post: receives every result and notice; called from the core's tasks, so it must be thread-safe.
    public init(
        service: any AutomationService, target: ConsoleTarget, auditLog: AuditLog?, readOnly: Bool = false,
        describeError: @escaping ServiceErrorDescriber = ServiceErrorDescription.standard,
        now: @escaping @Sendable () -> Date = { Date() }, post: @escaping @Sendable (ConsoleEvent) -> Void
    ) {
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
        if request.isChange && readOnly {
            post(.result(.failed(request, ServiceError(
                ServiceError.Code(rawValue: "ReadOnlyMode"),
                "ssm-console was started with --read-only: signals, starts and stops are not sent. Restart it without --read-only to make changes.")),
                at: now()))
            return
        }
        if schedule.submit(request) == .run { run(request) }
    }

    private func run(_ request: ServiceRequest) {
        let number = nextTaskNumber
        nextTaskNumber += 1
        if request.isChange { changesInFlight.enter() }
        let task = Task {
            let (result, auditFailure) = await self.perform(request)
            if request.isChange { self.changesInFlight.leave() }
            self.queue.async { self.finished(request, task: number, result: result, auditFailure: auditFailure) }
        }
        tasks[number] = (task, request.isChange)
    }

    private func finished(
        _ request: ServiceRequest, task number: UInt64, result: ServiceResult, auditFailure: AuditLogError?
    ) {
        tasks[number] = nil
        guard !isShutDown else { return }
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
    private func perform(_ request: ServiceRequest) async -> (ServiceResult, AuditLogError?) {
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
