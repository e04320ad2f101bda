/// Changing the open form where it is, rather than taking it out of the overlay and writing it back.
extension ConsoleState {
    /// Runs `change` on the open signal form; nil (and nothing changes) when no signal form is open.
    @discardableResult
    mutating func editSignalForm<Result>(_ change: (inout SignalForm) -> Result) -> Result? {
        guard case .signal(var form) = overlay else { return nil }
        defer { overlay = .signal(form) }
        return change(&form)
    }

    /// Runs `change` on the open start form; nil (and nothing changes) when no start form is open.
    @discardableResult
    mutating func editStartForm<Result>(_ change: (inout StartForm) -> Result) -> Result? {
        guard case .start(var form) = overlay else { return nil }
        defer { overlay = .start(form) }
        return change(&form)
    }

    /// Runs `change` on the open stop confirmation; nil (and nothing changes) when none is open.
    @discardableResult
    mutating func editStopForm<Result>(_ change: (inout StopForm) -> Result) -> Result? {
        guard case .stop(var form) = overlay else { return nil }
        defer { overlay = .stop(form) }
        return change(&form)
    }
}
