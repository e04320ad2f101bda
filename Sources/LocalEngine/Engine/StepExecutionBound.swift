/// The bound on step executions in one execution: a nextStep or onFailure cycle that never ends otherwise
/// runs forever (hundreds of steps a second with aws:branch) until someone stops it.
public enum StepExecutionBound {
    /// Far beyond any real runbook (a 10-step aws:loop body at its 100 iterations is 1,000 step executions
    /// plus the steps around it), and reached by a runaway cycle in seconds to minutes.
    public static let defaultMaximum = 2_000

    /// The message an execution fails with when its `count` step executions reach the bound, naming the steps
    /// that repeat (`names` are the started step executions' names, in the order they started).
    static func failureMessage(maximum: Int, names: [String]) -> String {
        let cycle = repeatingSteps(names)
        let shown = cycle.isEmpty ? "" : " The steps that repeat: \((cycle + [cycle[0]]).joined(separator: " → "))."
        return "The execution ran \(maximum) step executions, the most one execution may run, and was stopped.\(shown) Give the cycle an exit (a step whose nextStep or aws:branch choice leaves it, or isEnd: true)."
    }

    /// The shortest sequence the last step executions repeat, in the order they run; when the tail repeats no
    /// fixed sequence (a branch choosing among several paths), the steps run most in it, in the order they
    /// first ran there.
    static func repeatingSteps(_ names: [String]) -> [String] {
        let tail = Array(names.suffix(400))
        guard tail.count >= 2 else { return tail }
        for period in 1...(tail.count / 2) {
            let recent = tail[(tail.count - period)...]
            let before = tail[(tail.count - 2 * period)..<(tail.count - period)]
            if Array(recent) == Array(before) {
                return Array(recent)
            }
        }
        var counts: [String: Int] = [:]
        for name in tail { counts[name, default: 0] += 1 }
        let most = counts.values.max() ?? 0
        var seen: Set<String> = []
        return tail.filter { counts[$0] ?? 0 >= max(2, most / 2) && seen.insert($0).inserted }
    }
}
