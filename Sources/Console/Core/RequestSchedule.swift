/// Decides, for each request the update submits, whether it runs now, waits for one like it in flight, or is
/// dropped. Refreshes of the list and of one execution never run twice at once: a new one while one is in
/// flight is remembered (the newest wins) and runs once after, because the one in flight may predate a change.
struct RequestSchedule: Sendable {
    /// What may run only once at a time.
    enum Slot: Hashable, Sendable {
        case executionList
        case execution(id: String)
        case other(ServiceRequest)
    }

    enum Decision: Equatable, Sendable {
        case run
        /// Runs when the one in flight in its slot finishes.
        case deferred
        /// Equal to one already in flight (changes, pages, documents) or already waiting.
        case dropped
    }

    private(set) var inFlight: Set<Slot> = []
    private(set) var waiting: [Slot: ServiceRequest] = [:]

    static func slot(for request: ServiceRequest) -> Slot {
        switch request {
        case .listExecutions: return .executionList
        case .loadExecution(let id): return .execution(id: id)
        default: return .other(request)
        }
    }

    mutating func submit(_ request: ServiceRequest) -> Decision {
        let slot = Self.slot(for: request)
        guard inFlight.contains(slot) else {
            inFlight.insert(slot)
            return .run
        }
        switch slot {
        case .executionList, .execution:
            if waiting[slot] == request { return .dropped }
            waiting[slot] = request
            return .deferred
        case .other:
            return .dropped
        }
    }

    /// Marks `request` finished; returns the request that waited for its slot, now in flight, if any.
    mutating func finish(_ request: ServiceRequest) -> ServiceRequest? {
        let slot = Self.slot(for: request)
        if let next = waiting.removeValue(forKey: slot) { return next }
        inFlight.remove(slot)
        return nil
    }

    var isIdle: Bool { inFlight.isEmpty }
}
