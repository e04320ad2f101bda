import Foundation

/// Follows NextToken the way botocore's paginator does for the AWS CLI: all pages by default, `--max-items`
/// stops after that many results and prints a resume token, `--starting-token` resumes from one. The token is
/// botocore's: base64 of `{"NextToken": ..., "boto_truncate_amount": n}`, so tokens work across both tools.
public struct Paginator: Sendable {
    /// The list each page holds (AutomationExecutionMetadataList, StepExecutions).
    public let resultKey: String
    public let options: PagingOptions

    public init(resultKey: String, options: PagingOptions) {
        self.resultKey = resultKey
        self.options = options
    }

    /// The pages as received (the first trimmed by a starting token's truncation, the last by --max-items),
    /// and the token to resume from when --max-items stopped early.
    public struct Result: Sendable {
        public var pages: [WireJSON]
        public var resumeToken: String?

        /// botocore's build_full_result: the result lists joined, then NextToken when there is more.
        public func fullResult(resultKey: String) -> WireJSON {
            var items: [WireJSON]?
            for page in pages {
                guard let list = page[resultKey]?.arrayValue else { continue }
                items = (items ?? []) + list
            }
            var result = WireJSON.object([])
            if let items { result = result.setting(resultKey, to: .array(items)) }
            if let resumeToken { result = result.setting("NextToken", to: .string(resumeToken)) }
            return result
        }
    }

    /// Calls `send` with the request for each page (`request` plus NextToken and the page size).
    public func pages(
        request: [String: WireJSON], send: ([String: WireJSON]) async throws -> WireJSON
    ) async throws -> Result {
        if let maxItems = options.maxItems { _ = try PagingOptions.checkedMaxItems(maxItems) }
        var request = request
        var truncation = 0
        if let token = options.startingToken {
            let decoded = try Self.decode(token)
            if let next = decoded.nextToken { request["NextToken"] = .string(next) }
            truncation = decoded.truncate
        }
        if let pageSize = options.pageSize { request["MaxResults"] = .number(String(pageSize)) }
        var pages: [WireJSON] = []
        var total = 0
        var previousToken: String?
        var first = true
        while true {
            var page = try await send(request)
            var items = page[resultKey]?.arrayValue ?? []
            if first, options.startingToken != nil {
                items = Array(items.dropFirst(truncation))
                page = page.setting(resultKey, to: .array(items))
            } else {
                truncation = 0
            }
            first = false
            let nextToken = page["NextToken"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            if let maxItems = options.maxItems, total + items.count > maxItems {
                let keep = items.count - (total + items.count - maxItems)
                pages.append(page.setting(resultKey, to: .array(Array(items.prefix(keep)))))
                let token = Self.encode(nextToken: request["NextToken"]?.stringValue, truncate: keep + truncation)
                return Result(pages: pages, resumeToken: token)
            }
            pages.append(page)
            total += items.count
            guard let nextToken else { return Result(pages: pages, resumeToken: nil) }
            if let maxItems = options.maxItems, total == maxItems {
                return Result(pages: pages, resumeToken: Self.encode(nextToken: nextToken, truncate: nil))
            }
            guard nextToken != previousToken else {
                throw CLIFailure.other("The same next token was received twice: {'NextToken': '\(nextToken)'}")
            }
            request["NextToken"] = .string(nextToken)
            previousToken = nextToken
        }
    }

    /// `base64(json.dumps({"NextToken": token, "boto_truncate_amount": n}))`, as botocore writes it.
    static func encode(nextToken: String?, truncate: Int?) -> String {
        var json = "{\"NextToken\": " + (nextToken.map { PythonJSONWriter.quoted($0, ensureASCII: true) } ?? "null")
        if let truncate { json += ", \"boto_truncate_amount\": \(truncate)" }
        json += "}"
        return Data(json.utf8).base64EncodedString()
    }

    static func decode(_ token: String) throws(CLIFailure) -> (nextToken: String?, truncate: Int) {
        guard let data = Data(base64Encoded: token), let json = try? WireJSON.parse(data), case .object = json else {
            throw CLIFailure.input(
                "Bad starting token: \(token). Pass the NextToken value an earlier call with --max-items printed, unchanged.")
        }
        let truncate = json["boto_truncate_amount"].flatMap { value -> Int? in
            if case .number(let text) = value { return Int(text) }
            return nil
        }
        return (json["NextToken"]?.stringValue, truncate ?? 0)
    }
}
