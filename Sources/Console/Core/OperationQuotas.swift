/// How many calls per second the core lets each API operation make. The local engine has no limits of its
/// own, so the core keeps the console's polling the same wherever it points.
public struct OperationQuotas: Sendable, Hashable {
    public var callsPerSecond: [String: Double]
    /// For operations not listed; nil means unlimited.
    public var otherOperations: Double?

    public init(callsPerSecond: [String: Double], otherOperations: Double?) {
        self.callsPerSecond = callsPerSecond
        self.otherOperations = otherOperations
    }

    public func rate(for operation: String) -> Double? {
        callsPerSecond[operation] ?? otherOperations
    }

    /// The published SSM Automation quotas: 3 TPS for reads and signals, 1 TPS to start or stop.
    public static let ssm = OperationQuotas(
        callsPerSecond: ["StartAutomationExecution": 1, "StopAutomationExecution": 1], otherOperations: 3)

    public static let unlimited = OperationQuotas(callsPerSecond: [:], otherOperations: nil)
}

/// Spaces the calls of each operation at least 1/rate apart. A call goes only when its operation's next free
/// time has come, and that time is set from when it actually goes, so a late wake-up never lets two calls
/// through closer together.
struct OperationPacer: Sendable {
    let quotas: OperationQuotas
    private var nextFree: [String: ContinuousClock.Instant] = [:]

    init(quotas: OperationQuotas) {
        self.quotas = quotas
    }

    /// Takes the slot if a call of `operation` may go at `now` (returns nil); otherwise returns how long to
    /// wait before asking again.
    mutating func acquire(_ operation: String, at now: ContinuousClock.Instant) -> Duration? {
        guard let rate = quotas.rate(for: operation), rate > 0 else { return nil }
        if let next = nextFree[operation], next > now { return next - now }
        nextFree[operation] = now + .seconds(1 / rate)
        return nil
    }
}
