/// Decides, for each request the update submits, whether it runs now or is dropped because an equal one is
/// already in flight (its answer serves both). Running a refresh once more after one in flight that predates
/// a change is the update's job (`RefreshState.listPending`, `RefreshState.executionPending`): it alone knows
/// which refreshes a change makes stale, and it never submits a second refresh while one is in flight.
struct RequestSchedule: Sendable {
    enum Decision: Equatable, Sendable {
        case run
        /// Equal to one already in flight.
        case dropped
    }

    private(set) var inFlight: Set<ServiceRequest> = []

    mutating func submit(_ request: ServiceRequest) -> Decision {
        inFlight.insert(request).inserted ? .run : .dropped
    }

    /// Marks `request` finished.
    mutating func finish(_ request: ServiceRequest) {
        inFlight.remove(request)
    }
}
