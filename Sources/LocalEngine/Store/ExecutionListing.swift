import AutomationModel
import Foundation
import GRDB

/// DescribeAutomationExecutions: filters become SQL, pages are keyset pages (newest first) so a token stays
/// valid and stable while new executions arrive.
extension EngineStore {
    func describeExecutions(_ request: DescribeAutomationExecutionsRequest) throws(ServiceError)
        -> DescribeAutomationExecutionsResponse
    {
        let page = try listingPage(request)
        do {
            let items = try page.rows.map { row in try listRows.row(id: row.id, text: row.text) }
            return DescribeAutomationExecutionsResponse(automationExecutionMetadataList: items, nextToken: page.nextToken)
        } catch {
            throw ServiceError(.internalServerError, "Could not read executions from the local store: \(error)")
        }
    }

    /// The same answer in the wire encoding, made of each row's own encoding (kept with its decoded row), so
    /// serve does not encode 50 rows again for every page it sends.
    func encodedDescribeExecutions(_ request: DescribeAutomationExecutionsRequest) throws(ServiceError) -> Data {
        let page = try listingPage(request)
        do {
            // The keys in the order the wire encoder sorts them.
            var json = Data(#"{"AutomationExecutionMetadataList":["#.utf8)
            for (index, row) in page.rows.enumerated() {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                json.append(try listRows.encodedRow(id: row.id, text: row.text))
            }
            json.append(UInt8(ascii: "]"))
            if let next = page.nextToken {
                json.append(contentsOf: #","NextToken":"#.utf8)
                json.append(try AWSJSON.encode(next))
            }
            json.append(UInt8(ascii: "}"))
            return json
        } catch {
            throw ServiceError(.internalServerError, "Could not read executions from the local store: \(error)")
        }
    }

    /// One page: each row's execution ID and stored list row, newest first, and the token of the page after it.
    private func listingPage(_ request: DescribeAutomationExecutionsRequest) throws(ServiceError)
        -> (rows: [(id: String, text: String)], nextToken: String?)
    {
        let pageSize = try PageSize.check(request.maxResults)
        let filter = try ExecutionFilterSQL(request.filters ?? [])
        var conditions = filter.conditions
        var arguments = filter.arguments
        if let token = request.nextToken, !token.isEmpty {
            let position = try PageToken.decode(token)
            conditions.append("(startTime < ? OR (startTime = ? AND seq < ?))")
            arguments += [position.startTime, position.startTime, position.seq]
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT id, listRow, startTime, seq FROM executions \(whereClause)
            ORDER BY startTime DESC, seq DESC LIMIT \(pageSize + 1)
            """
        do {
            let rows = try pool.read { db in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) }
            let page = rows.prefix(pageSize)
            var next: String?
            if rows.count > pageSize, let last = page.last {
                next = PageToken(startTime: last["startTime"], seq: last["seq"]).encoded
            }
            return (page.map { (id: $0["id"], text: $0["listRow"]) }, next)
        } catch {
            throw ServiceError(.internalServerError, "Could not read executions from the local store: \(error)")
        }
    }
}

/// MaxResults: 1-50, 50 when absent.
enum PageSize {
    static let range = 1...50

    static func check(_ value: Int?) throws(ServiceError) -> Int {
        guard let value else { return range.upperBound }
        guard range.contains(value) else {
            throw ServiceError(
                .validationException,
                "MaxResults must be between \(range.lowerBound) and \(range.upperBound); got \(value).")
        }
        return value
    }
}

/// Where the next page starts: the last row's start time and insertion order.
struct PageToken: Codable {
    var startTime: Double
    var seq: Int64

    var encoded: String {
        // Sorted keys: the same position always gives the same token, as clients comparing pages expect.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(self)) ?? Data()
        return data.base64EncodedString()
    }

    static func decode(_ token: String) throws(ServiceError) -> PageToken {
        guard let data = Data(base64Encoded: token), let position = try? JSONDecoder().decode(PageToken.self, from: data)
        else {
            throw ServiceError(
                .invalidNextToken, "The NextToken is not one this service issued. Start again without NextToken.")
        }
        return position
    }
}

/// DescribeAutomationExecutions filters as SQL conditions: keys AND together, values within a key OR together.
struct ExecutionFilterSQL {
    var conditions: [String] = []
    var arguments: [(any DatabaseValueConvertible)?] = []

    init(_ filters: [AutomationExecutionFilter]) throws(ServiceError) {
        guard filters.count <= 10 else {
            throw ServiceError(.validationException, "At most 10 filters are allowed; got \(filters.count).")
        }
        for filter in filters {
            guard let key = AutomationExecutionFilter.Key(rawValue: filter.key) else {
                let valid = AutomationExecutionFilter.Key.allCases.map(\.rawValue).joined(separator: ", ")
                throw ServiceError(.invalidFilterKey, "Unknown filter key '\(filter.key)'. Valid keys: \(valid).")
            }
            guard (1...10).contains(filter.values.count) else {
                throw ServiceError(
                    .invalidFilterValue, "Filter \(filter.key) needs 1 to 10 values; got \(filter.values.count).")
            }
            for value in filter.values where !(1...150).contains(value.count) {
                throw ServiceError(
                    .invalidFilterValue, "Filter \(filter.key) values must be 1 to 150 characters; got '\(value)'.")
            }
            try add(key, filter.values)
        }
    }

    private mutating func add(_ key: AutomationExecutionFilter.Key, _ values: [String]) throws(ServiceError) {
        switch key {
        case .documentNamePrefix:
            // substr rather than LIKE: LIKE ignores case, document names do not.
            conditions.append(
                "(" + values.map { _ in "substr(documentName, 1, ?) = ?" }.joined(separator: " OR ") + ")")
            for value in values { arguments += [value.unicodeScalars.count, value] }
        case .executionStatus:
            for value in values where !AutomationExecutionStatus(rawValue: value).isKnown {
                let valid = AutomationExecutionStatus.allKnown.map(\.rawValue).joined(separator: ", ")
                throw ServiceError(.invalidFilterValue, "'\(value)' is not an execution status. Use one of: \(valid).")
            }
            addIn("status", values)
        case .executionId: addIn("id", values)
        case .parentExecutionId: addIn("parentId", values)
        case .currentAction: addIn("currentAction", values)
        case .startTimeBefore, .startTimeAfter:
            guard values.count == 1, let date = FilterTime.parse(values[0]) else {
                throw ServiceError(
                    .invalidFilterValue,
                    "\(key.rawValue) takes one time such as 2026-11-21T09:30:00Z; got \(values.map { "'\($0)'" }.joined(separator: ", ")).")
            }
            conditions.append(key == .startTimeBefore ? "startTime < ?" : "startTime > ?")
            arguments.append(date.timeIntervalSince1970)
        case .automationType:
            for value in values where AutomationType(rawValue: value) == nil {
                throw ServiceError(.invalidFilterValue, "AutomationType is Local or CrossAccount; got '\(value)'.")
            }
            // Every local execution runs in this account.
            if !values.contains(AutomationType.local.rawValue) { conditions.append("0") }
        case .tagKey:
            conditions.append(
                "EXISTS (SELECT 1 FROM json_each(executions.tags) WHERE json_extract(value, '$.Key') IN ("
                    + values.map { _ in "?" }.joined(separator: ", ") + "))")
            arguments += values
        case .automationSubtype:
            for value in values where !["ChangeRequest", "AccessRequest"].contains(value) {
                throw ServiceError(
                    .invalidFilterValue, "AutomationSubtype is ChangeRequest or AccessRequest; got '\(value)'.")
            }
            // The local engine runs no change or access requests.
            conditions.append("0")
        case .targetResourceGroup, .opsItemId:
            // Local executions have no resource group targets and no OpsItems.
            conditions.append("0")
        }
    }

    private mutating func addIn(_ column: String, _ values: [String]) {
        conditions.append("\(column) IN (" + values.map { _ in "?" }.joined(separator: ", ") + ")")
        arguments += values
    }
}

/// Times in filters: ISO-8601 with or without fractional seconds, or epoch seconds.
enum FilterTime {
    static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: text) { return date }
        return Double(text).map { Date(timeIntervalSince1970: $0) }
    }
}
