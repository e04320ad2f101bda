import AutomationModel
import Foundation
import Testing

@testable import Console

/// The executions list with fleets, over random pages of parents, children and other rows, pages of children,
/// expanding and collapsing, filters, the inbox and moves: what it lists (each expanded parent's children right
/// below it) is what its top-level rows and the children loaded for them say it should list, at every index,
/// for any range a view draws, and for the selection.
@Suite("Execution list: fleets grouped under their parents")
struct ExecutionListFleetTests {
    static let parents = [0, 1, 2].map { RandomOperation.id(900 + $0) }

    static func child(_ n: Int, of parent: Int, status: AutomationExecutionStatus, startMinute: Int) -> AutomationExecutionMetadata {
        var row = RandomOperation.row(id: 1_000 + parent * 20 + n, startMinute: startMinute, status: status)
        row.parentAutomationExecutionId = parents[parent]
        row.target = "i-\(parent)\(n)"
        return row
    }

    static func randomRow(_ random: inout SeededRandom) -> AutomationExecutionMetadata {
        let statuses: [AutomationExecutionStatus] = [.success, .inProgress, .waiting, .failed]
        let status = statuses[random.next(statuses.count)]
        switch random.next(4) {
        case 0:
            var parent = RandomOperation.row(id: 900 + random.next(parents.count), startMinute: random.next(30), status: status)
            parent.maxConcurrency = "2"
            return parent
        case 1, 2:
            return child(random.next(12), of: random.next(parents.count), status: status, startMinute: random.next(30))
        default:
            return RandomOperation.randomRow(&random)
        }
    }

    static func page(_ random: inout SeededRandom) -> [AutomationExecutionMetadata] {
        (0..<random.next(14)).map { _ in randomRow(&random) }
    }

    static func apply(_ random: inout SeededRandom, to list: inout ExecutionList) -> String {
        let token: String? = random.next(3) == 0 ? nil : "t\(random.next(5))"
        switch random.next(12) {
        case 0, 1:
            list.take(page(&random), nextToken: token, appended: false)
            return "refresh"
        case 2:
            list.take(page(&random), nextToken: token, appended: true)
            return "next page"
        case 3, 4:
            let parent = random.next(parents.count)
            let children = (0..<random.next(10)).map { _ in
                child(random.next(12), of: parent, status: .inProgress, startMinute: random.next(30))
            }
            list.takeChildren(of: parents[parent], children, nextToken: token, appended: random.next(2) == 0)
            return "children of \(parent)"
        case 5, 6:
            let parent = random.next(parents.count)
            list.toggleExpanded(parents[parent])
            return "toggle \(parent)"
        case 7:
            let row = randomRow(&random)
            list.update(row)
            return "update \(row.automationExecutionId)"
        case 8:
            list.filter = ["", "i-1", "demo-b", "waiting", "zzz"][random.next(5)]
            return "filter \(list.filter)"
        case 9:
            list.waitingOnYou = Set((0..<random.next(4)).map { _ in randomRow(&random).automationExecutionId })
            list.query.waitingOnHumanOnly = random.next(2) == 0
            return "inbox \(list.query.waitingOnHumanOnly)"
        default:
            list.select(index: random.next(40) - 2)
            return "select"
        }
    }

    /// Nil when the list lists what its top-level rows and loaded children say, else what differs.
    static func check(_ list: ExecutionList, _ random: inout SeededRandom) -> String? {
        let expected = list.visibleRows.flatMap { row -> [(row: AutomationExecutionMetadata, parentId: String?)] in
            let id = row.automationExecutionId
            let children = list.isExpanded(id) ? list.children[id]?.rows ?? [] : []
            return [(row, nil)] + children.map { ($0, id) }
        }
        let ids = { (entries: [(row: AutomationExecutionMetadata, parentId: String?)]) in
            entries.map { ($0.parentId == nil ? "" : "  ") + $0.row.automationExecutionId.prefix(8) }
        }
        if list.visibleCount != expected.count { return "visible count \(list.visibleCount) != \(expected.count): \(ids(expected))" }
        for index in expected.indices {
            let entry = list.visibleEntry(at: index)
            if entry.row != expected[index].row || entry.parentId != expected[index].parentId {
                return "entry \(index) is \(ids([entry])), not \(ids([expected[index]]))"
            }
        }
        let lower = random.next(expected.count + 1)
        let upper = lower + random.next(expected.count - lower + 1)
        for range in [0..<expected.count, lower..<upper] {
            let drawn = list.visibleEntries(in: range)
            if ids(drawn) != ids(Array(expected[range])) || zip(drawn, expected[range]).contains(where: { $0.row != $1.row }) {
                return "entries \(range) are \(ids(drawn)), not \(ids(Array(expected[range])))"
            }
        }
        let selected = list.selectedId.flatMap { id in expected.firstIndex { $0.row.automationExecutionId == id } } ?? 0
        if list.selectedIndex != selected { return "selected index \(list.selectedIndex) != \(selected)" }
        if list.selectedRow != (expected.isEmpty ? nil : expected[selected].row) { return "selected row differs" }
        return nil
    }

    @Test(arguments: 0..<40)
    func randomOperationsListEachExpandedParentsChildrenBelowIt(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var list = ExecutionList(query: .all)
        var history: [String] = []
        for _ in 0..<150 {
            history.append(Self.apply(&random, to: &list))
            let differs = Self.check(list, &random)
            #expect(differs == nil, "seed \(seed) after \(history.suffix(4).joined(separator: "; ")): \(differs ?? "")")
            if differs != nil { return }
        }
    }
}
