import AutomationModel
import Foundation

/// One parent's children as the ParentExecutionId filter lists them, in the order the parent started them, so
/// a fleet's table reads as the rollout went. Pages are merged by execution ID: a refresh (the first page) and
/// scrolling (later pages) each cost one call, never one per child.
public struct FleetChildren: Sendable, Hashable {
    /// Oldest first; children not started yet (no start time) last.
    public private(set) var rows: [AutomationExecutionMetadata] = []
    /// Where the page after the loaded ones starts; nil when every child is loaded.
    public var nextToken: String?
    /// Whether a page from the filtered call has arrived (until then the rows are those the list had).
    public var loaded = false
    public private(set) var counts = FleetCounts()
    private var positionById: [String: Int] = [:]

    public init(rows: [AutomationExecutionMetadata] = []) {
        merge(rows, replacingAll: false)
    }

    public var count: Int { rows.count }

    public func position(of id: String) -> Int? { positionById[id] }

    /// Takes a page. The first page of a refresh lists the newest children; when it is the only page it lists
    /// them all, so children it no longer lists are gone.
    public mutating func take(_ page: [AutomationExecutionMetadata], nextToken token: String?, appended: Bool) {
        merge(page, replacingAll: !appended && token == nil)
        if appended || !loaded || token == nil || nextToken == nil { nextToken = token }
        loaded = true
    }

    /// One child changed (GetAutomationExecution answered for it).
    public mutating func update(_ row: AutomationExecutionMetadata) {
        guard let position = positionById[row.automationExecutionId], rows[position] != row else { return }
        if rows[position].executionStartTime == row.executionStartTime {
            counts.remove(rows[position].automationExecutionStatus)
            counts.add(row.automationExecutionStatus)
            rows[position] = row
        } else {
            merge([row], replacingAll: false)
        }
    }

    private mutating func merge(_ page: [AutomationExecutionMetadata], replacingAll: Bool) {
        var byId: [String: AutomationExecutionMetadata] = [:]
        if !replacingAll { for row in rows { byId[row.automationExecutionId] = row } }
        for row in page { byId[row.automationExecutionId] = row }
        rows = byId.values.sorted(by: Self.startedFirst)
        positionById = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.automationExecutionId, $0) })
        counts = FleetCounts(rows)
    }

    static func startedFirst(_ a: AutomationExecutionMetadata, _ b: AutomationExecutionMetadata) -> Bool {
        let first = a.executionStartTime ?? .distantFuture
        let second = b.executionStartTime ?? .distantFuture
        return first != second ? first < second : a.automationExecutionId < b.automationExecutionId
    }
}

/// How a parent's known children stand.
public struct FleetCounts: Sendable, Hashable {
    public var known = 0
    public var finished = 0
    /// Ended other than in success, cancelled included: what MaxErrors counts.
    public var errors = 0
    public var cancelled = 0
    /// Started and not finished.
    public var running = 0

    public init() {}

    public init(_ children: some Sequence<AutomationExecutionMetadata>) {
        for child in children { add(child.automationExecutionStatus) }
    }

    mutating func add(_ status: AutomationExecutionStatus?) { count(status, by: 1) }

    mutating func remove(_ status: AutomationExecutionStatus?) { count(status, by: -1) }

    private mutating func count(_ status: AutomationExecutionStatus?, by change: Int) {
        known += change
        let status = status ?? .pending
        if status.isTerminal { finished += change }
        if status.countsAgainstMaxErrors { errors += change }
        if status == .cancelled { cancelled += change }
        if !status.isTerminal && status != .pending { running += change }
    }
}

/// A parent's progress as its row and its view show it: children finished of the targets, errors against
/// MaxErrors, and the rate control it runs under.
///
/// The counts come from the children listed (the ParentExecutionId filter's pages), which is all the API gives:
/// a parent's ProgressCounters are documented for multi-account and multi-Region executions and count steps,
/// not children. When not every child is loaded, the counts are a lower bound and the text says so.
public struct FleetProgress: Sendable, Hashable {
    public var counts: FleetCounts
    /// The targets the parent resolved (ResolvedTargets), or the children known when it does not say.
    public var total: Int
    /// ResolvedTargets says how many targets there are: present and not truncated.
    public var totalIsExact: Bool
    /// The counts cover every child the parent has; otherwise only the children loaded so far.
    public var complete: Bool
    public var maxConcurrency: String?
    public var maxErrors: String?

    /// - Parameter allListed: every child the parent has is among those counted (the filter's last page is in).
    public init(parent: AutomationExecutionMetadata, counts: FleetCounts, allListed: Bool = true) {
        self.counts = counts
        let resolved = parent.resolvedTargets
        let resolvedCount = resolved?.truncated == true ? nil : resolved?.parameterValues?.count
        totalIsExact = resolvedCount != nil
        total = max(resolvedCount ?? resolved?.parameterValues?.count ?? 0, counts.known)
        // Every target's child is known, whatever the pages say.
        complete = allListed || (totalIsExact && counts.known >= total)
        maxConcurrency = parent.maxConcurrency
        maxErrors = parent.maxErrors
    }

    /// Targets the parent has not started a child for yet; nil when not every child is loaded, as the ones not
    /// loaded may have started or not.
    public var notStarted: Int? {
        complete ? max(0, total - counts.known) + pendingChildren : nil
    }
    private var pendingChildren: Int { counts.known - counts.finished - counts.running }

    /// "40", or "40+" when ResolvedTargets was truncated.
    public var totalText: String { totalIsExact || complete ? "\(total)" : "\(total)+" }

    /// "31+" when the count is of the loaded children only.
    func atLeast(_ count: Int) -> String { complete ? "\(count)" : "\(count)+" }

    /// The errors MaxErrors allows before no new child starts: a number, or a percentage of the targets
    /// (10% of 50 is 5: the sixth error stops the fleet). Nil when MaxErrors is absent or unreadable.
    public var errorBudget: Int? {
        guard let text = maxErrors?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.hasSuffix("%") {
            guard let percent = Int(text.dropLast()), (0...100).contains(percent) else { return nil }
            return total * percent / 100
        }
        return Int(text).flatMap { $0 >= 0 ? $0 : nil }
    }

    /// Past its error budget: no new child starts.
    public var isOverErrorBudget: Bool { errorBudget.map { counts.errors > $0 } ?? false }

    /// "31/40": children finished of the targets; "31+/1000" when only some children are loaded.
    public var doneText: String { "\(atLeast(counts.finished))/\(totalText)" }

    /// "50 of 1000 loaded" when not every child is loaded; nil when all are.
    public var loadedText: String? { complete ? nil : "\(counts.known) of \(totalText) loaded" }

    /// The error budget used, "error budget 2 of 3 used" (or "2 errors" without MaxErrors).
    public var budgetText: String {
        let errors = atLeast(counts.errors)
        guard let budget = errorBudget else { return "\(errors) error\(counts.errors == 1 && complete ? "" : "s")" }
        return "error budget \(errors) of \(budget) used" + (isOverErrorBudget ? " (over: no new child starts)" : "")
    }
}

extension AutomationExecutionMetadata {
    /// Started with Targets or TargetMaps: a parent of rate-controlled children.
    var isRateControlled: Bool {
        !(targets ?? []).isEmpty || !(targetMaps ?? []).isEmpty || resolvedTargets != nil
    }
}
