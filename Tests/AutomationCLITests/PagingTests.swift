import Foundation
import Testing

@testable import AutomationCLI

/// A fake service of `count` items served `pageSize` at a time, with tokens "p1", "p2", …
private actor PagedFake {
    let count: Int
    let pageSize: Int
    var requests: [[String: WireJSON]] = []

    init(count: Int, pageSize: Int) {
        self.count = count
        self.pageSize = pageSize
    }

    func send(_ request: [String: WireJSON]) -> WireJSON {
        requests.append(request)
        let page = request["NextToken"]?.stringValue.flatMap { Int($0.dropFirst()) } ?? 0
        let start = page * pageSize
        let items = (start..<min(start + pageSize, count)).map { WireJSON.string("item\($0)") }
        var answer = WireJSON.object([("StepExecutions", .array(items))])
        if start + pageSize < count { answer = answer.setting("NextToken", to: .string("p\(page + 1)")) }
        return answer
    }
}

@Suite struct PagingTests {
    private func items(_ result: Paginator.Result) -> [String] {
        result.fullResult(resultKey: "StepExecutions")["StepExecutions"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    @Test func followsEveryPageByDefault() async throws {
        let fake = PagedFake(count: 7, pageSize: 3)
        let result = try await Paginator(resultKey: "StepExecutions", options: PagingOptions())
            .pages(request: [:]) { await fake.send($0) }
        #expect(items(result) == (0..<7).map { "item\($0)" })
        #expect(result.resumeToken == nil)
        #expect(await fake.requests.count == 3)
    }

    /// Tokens are byte-for-byte botocore's: base64(json.dumps({"NextToken": …, "boto_truncate_amount": n})).
    @Test func maxItemsInsideAPageGivesBotocoreToken() async throws {
        let fake = PagedFake(count: 7, pageSize: 3)
        let result = try await Paginator(resultKey: "StepExecutions", options: PagingOptions(maxItems: 4))
            .pages(request: [:]) { await fake.send($0) }
        #expect(items(result) == ["item0", "item1", "item2", "item3"])
        // {"NextToken": "p1", "boto_truncate_amount": 1}
        #expect(result.resumeToken == Paginator.encode(nextToken: "p1", truncate: 1))
        #expect(Paginator.encode(nextToken: "abc", truncate: 2) == "eyJOZXh0VG9rZW4iOiAiYWJjIiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogMn0=")
        #expect(Paginator.encode(nextToken: nil, truncate: 1) == "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==")
        #expect(result.fullResult(resultKey: "StepExecutions")["NextToken"]?.stringValue == result.resumeToken)

        let rest = try await Paginator(resultKey: "StepExecutions", options: PagingOptions(startingToken: result.resumeToken))
            .pages(request: [:]) { await fake.send($0) }
        #expect(items(rest) == ["item4", "item5", "item6"])
    }

    @Test func maxItemsOnAPageBoundaryGivesPlainToken() async throws {
        let fake = PagedFake(count: 7, pageSize: 3)
        let result = try await Paginator(resultKey: "StepExecutions", options: PagingOptions(maxItems: 3))
            .pages(request: [:]) { await fake.send($0) }
        #expect(items(result) == ["item0", "item1", "item2"])
        #expect(result.resumeToken == "eyJOZXh0VG9rZW4iOiAicDEifQ==")
    }

    @Test func pageSizeSetsMaxResults() async throws {
        let fake = PagedFake(count: 2, pageSize: 5)
        _ = try await Paginator(resultKey: "StepExecutions", options: PagingOptions(pageSize: 5))
            .pages(request: [:]) { await fake.send($0) }
        #expect(await fake.requests.first?["MaxResults"] == .number("5"))
    }

    /// json.dumps escapes everything outside printable ASCII, DEL (0x7F) included.
    @Test func tokensEscapeAsJSONDumpsDoes() throws {
        let token = Paginator.encode(nextToken: "a\u{7F}é", truncate: nil)
        let json = try #require(Data(base64Encoded: token)).map { Character(UnicodeScalar($0)) }
        #expect(String(json) == #"{"NextToken": "a\u007f\u00e9"}"#)
    }

    @Test func badStartingTokenIsBadInput() async {
        await #expect(throws: CLIFailure.self) {
            _ = try await Paginator(resultKey: "StepExecutions", options: PagingOptions(startingToken: "not a token"))
                .pages(request: [:]) { _ in .object([]) }
        }
    }

    /// argparse would take `--max-items -1`; a count below one has no meaning, so it is refused before sending.
    @Test(arguments: ["-1", "0"])
    func maxItemsBelowOneIsBadInput(value: String) {
        do {
            _ = try ArgumentScanner.scan(["--max-items", value], operation: .describeAutomationExecutions)
            Issue.record("accepted --max-items \(value)")
        } catch {
            #expect(error.exitCode == 252)
            #expect(error.description.contains("--max-items must be at least 1"), "\(error.description)")
        }
    }

    @Test func paginatorRefusesMaxItemsBelowOneInsteadOfTrapping() async {
        let fake = PagedFake(count: 7, pageSize: 3)
        await #expect(throws: CLIFailure.self) {
            _ = try await Paginator(resultKey: "StepExecutions", options: PagingOptions(maxItems: -1))
                .pages(request: [:]) { await fake.send($0) }
        }
        #expect(await fake.requests.isEmpty)
    }

    /// --page-size becomes MaxResults, so it gets MaxResults' check (1 to 50) before anything is sent, as
    /// botocore's parameter validation does. Nothing is configured here: a send would fail another way.
    @Test(arguments: ["0", "-5", "51"])
    func pageSizeOutsideMaxResultsIsBadInputBeforeSending(value: String) async {
        let captured = Captured()
        let command = OperationCommand(
            operation: .describeAutomationExecutions, environment: ["HOME": NSTemporaryDirectory()],
            standardOutput: { captured.writeOut($0) }, standardError: { captured.writeErr($0) })
        let code = await command.run(["--page-size", value])
        #expect(code == 252)
        #expect(captured.standardError.contains("Invalid value for parameter MaxResults, value: \(value)"), "\(captured.standardError)")
    }
}
