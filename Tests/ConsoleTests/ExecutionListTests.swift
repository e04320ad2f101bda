import AutomationModel
import Foundation
import Testing

@testable import Console

/// The kept-sorted executions list against the filter-and-sort-everything reference, over random refreshes,
/// pages, updates, filters, inbox toggles and moves: the same rows, order, visible rows and selection.
@Suite("Execution list: derived state matches the reference")
struct ExecutionListTests {
    @Test(arguments: 0..<40)
    func randomOperationsMatchTheReference(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var list = ExecutionList(query: .all)
        var reference = ExecutionListReference(query: .all)
        var history: [String] = []
        for _ in 0..<120 {
            let operation = RandomOperation.make(&random)
            history.append(operation.description)
            operation.apply(to: &list)
            operation.apply(to: &reference)
            let same = Self.compare(list, reference)
            #expect(same == nil, "seed \(seed) after \(history.suffix(4).joined(separator: "; ")): \(same ?? "")")
            if same != nil { return }
        }
    }

    @Test func manyPagesStayInOrderAndKeepTheSelection() {
        var list = ExecutionList(query: .all)
        var reference = ExecutionListReference(query: .all)
        // Pages of older rows, the common case when scrolling down, then a refresh with newer ones.
        for page in 0..<40 {
            let rows = (page * 50..<(page + 1) * 50).map { RandomOperation.row(id: $0, startMinute: 100_000 - $0) }
            list.take(rows, nextToken: "t\(page)", appended: page > 0)
            reference.take(rows, nextToken: "t\(page)", appended: page > 0)
        }
        list.select(index: 1_234)
        reference.select(index: 1_234)
        let fresh = (2_000..<2_050).map { RandomOperation.row(id: $0, startMinute: 200_000 - $0) }
        list.take(fresh, nextToken: "u", appended: false)
        reference.take(fresh, nextToken: "u", appended: false)
        #expect(list.rows.count == 2_050)
        #expect(Self.compare(list, reference) == nil)
        #expect(list.selectedRow?.automationExecutionId == RandomOperation.id(1_234))
    }

    @Test func aSelectedRowThatLeavesTheListGivesWayToTheRowAtItsIndex() {
        var list = ExecutionList(query: .all)
        list.take(Fixtures.rows, nextToken: nil, appended: false)
        let order = list.visibleRows.map(\.automationExecutionId)
        list.select(index: 3)
        // A refresh without the selected row: the row that moved up into its place is selected.
        list.take(Fixtures.rows.filter { $0.automationExecutionId != order[3] }, nextToken: nil, appended: false)
        #expect(list.selectedIndex == 3)
        #expect(list.selectedId == order[4])
        // Past the end it is clamped to the last row.
        list.select(index: 5)
        list.take(Fixtures.rows.filter { order.prefix(3).contains($0.automationExecutionId) }, nextToken: nil, appended: false)
        #expect(list.selectedId == order[2])

        // In the inbox, an approved execution leaves when its fresh state arrives.
        var inbox = ExecutionList(query: ExecutionQuery(waitingOnHumanOnly: true))
        inbox.take(Fixtures.rows, nextToken: nil, appended: false)
        let waiting = inbox.visibleRows.map(\.automationExecutionId)
        inbox.select(index: 1)
        var approved = inbox.selectedRow!
        approved.automationExecutionStatus = .inProgress
        approved.currentAction = "aws:runCommand"
        inbox.update(approved)
        #expect(inbox.selectedIndex == 1)
        #expect(inbox.selectedId == waiting[2])
    }

    /// Nil when the list answers every question as the reference does, else what differs.
    static func compare(_ list: ExecutionList, _ reference: ExecutionListReference) -> String? {
        let ids = { (rows: [AutomationExecutionMetadata]) in rows.map(\.automationExecutionId) }
        if list.rows != reference.rows { return "rows \(ids(list.rows)) != \(ids(reference.rows))" }
        let visible = reference.visibleRows
        if list.visibleRows != visible { return "visible rows \(ids(list.visibleRows)) != \(ids(visible))" }
        if list.visibleCount != visible.count { return "visible count \(list.visibleCount) != \(visible.count)" }
        for index in visible.indices where list.visibleRow(at: index) != visible[index] {
            return "visible row \(index) is \(list.visibleRow(at: index).automationExecutionId), not \(visible[index].automationExecutionId)"
        }
        if list.selectedId != reference.selectedId { return "selected ID \(list.selectedId ?? "nil") != \(reference.selectedId ?? "nil")" }
        if list.selectedIndex != reference.selectedIndex { return "selected index \(list.selectedIndex) != \(reference.selectedIndex)" }
        if list.selectedRow != reference.selectedRow { return "selected row differs" }
        if list.nextToken != reference.nextToken { return "next token \(list.nextToken ?? "nil") != \(reference.nextToken ?? "nil")" }
        if list.loaded != reference.loaded { return "loaded differs" }
        for n in 0..<RandomOperation.idCount {
            let id = RandomOperation.id(n)
            if list.row(withId: id) != reference.rows.first(where: { $0.automationExecutionId == id }) {
                return "row(withId: \(id)) differs"
            }
        }
        return nil
    }
}

/// One step of a random session with the list.
enum RandomOperation: CustomStringConvertible {
    case refresh([AutomationExecutionMetadata], token: String?)
    case nextPage([AutomationExecutionMetadata], token: String?)
    case update(AutomationExecutionMetadata)
    case filter(String)
    case inbox(Bool)
    case select(Int)

    /// Few IDs and few start times, so pages overlap, rows are replaced and start times tie.
    static let idCount = 60
    static let filters = ["", "approve", "  PAUSE ", "waiting", "demo-b", "0000002", "interactive", "zzz", "step1", "Success"]

    static func id(_ n: Int) -> String { String(format: "%08x-aaaa-4bbb-8ccc-%012x", n &* 2_654_435_761 & 0xffff_ffff, n) }

    static func row(
        id n: Int, startMinute: Int?, status: AutomationExecutionStatus = .success, action: String? = nil
    ) -> AutomationExecutionMetadata {
        var row = AutomationExecutionMetadata(automationExecutionId: id(n))
        row.documentName = ["Demo-A", "Demo-B", "Other"][n % 3]
        row.automationExecutionStatus = status
        row.executionStartTime = startMinute.map { Date(timeIntervalSince1970: 1_790_000_000 + Double($0) * 60) }
        row.mode = n % 4 == 0 ? .interactive : .auto
        row.currentStepName = action.map { _ in "step\(n % 3)" }
        row.currentAction = action
        row.executedBy = "arn:aws:iam::123456789012:user/op\(n % 5)"
        return row
    }

    static func randomRow(_ random: inout SeededRandom) -> AutomationExecutionMetadata {
        let statuses: [AutomationExecutionStatus] = [.success, .inProgress, .waiting, .failed, .pending, .cancelling]
        let actions: [String?] = [nil, "aws:approve", "aws:pause", "aws:runCommand"]
        let start = random.next(20) == 0 ? nil : random.next(30)
        let status = statuses[random.next(statuses.count)]
        return row(id: random.next(idCount), startMinute: start, status: status, action: actions[random.next(actions.count)])
    }

    static func page(_ random: inout SeededRandom) -> [AutomationExecutionMetadata] {
        (0..<random.next(12)).map { _ in randomRow(&random) }
    }

    static func make(_ random: inout SeededRandom) -> RandomOperation {
        let token: String? = random.next(3) == 0 ? nil : "t\(random.next(5))"
        switch random.next(10) {
        case 0, 1, 2: return .refresh(page(&random), token: token)
        case 3, 4: return .nextPage(page(&random), token: token)
        case 5: return .update(randomRow(&random))
        case 6, 7: return .filter(filters[random.next(filters.count)])
        case 8: return .inbox(random.next(2) == 0)
        default: return .select(random.next(idCount + 4) - 2)
        }
    }

    var description: String {
        switch self {
        case .refresh(let rows, let token): "refresh(\(rows.count) rows, \(token ?? "nil"))"
        case .nextPage(let rows, let token): "nextPage(\(rows.count) rows, \(token ?? "nil"))"
        case .update(let row): "update(\(row.automationExecutionId))"
        case .filter(let text): "filter(\(text))"
        case .inbox(let on): "inbox(\(on))"
        case .select(let index): "select(\(index))"
        }
    }

    func apply(to list: inout ExecutionList) {
        switch self {
        case .refresh(let rows, let token): list.take(rows, nextToken: token, appended: false)
        case .nextPage(let rows, let token): list.take(rows, nextToken: token, appended: true)
        case .update(let row): list.update(row)
        case .filter(let text): list.filter = text
        case .inbox(let on): list.query.waitingOnHumanOnly = on
        case .select(let index): list.select(index: index)
        }
    }

    func apply(to reference: inout ExecutionListReference) {
        switch self {
        case .refresh(let rows, let token): reference.take(rows, nextToken: token, appended: false)
        case .nextPage(let rows, let token): reference.take(rows, nextToken: token, appended: true)
        case .update(let row): reference.update(row)
        case .filter(let text): reference.filter = text
        case .inbox(let on): reference.query.waitingOnHumanOnly = on
        case .select(let index): reference.select(index: index)
        }
    }
}

/// SplitMix64: the same sequence for a seed on every platform, so a failure names a seed that reproduces it.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0 ..< bound.
    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
