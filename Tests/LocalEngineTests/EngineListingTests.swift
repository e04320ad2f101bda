import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// DescribeAutomationExecutions and DescribeAutomationStepExecutions: pages, order and filters.
@Suite struct EngineListingTests {
    typealias Docs = EngineDocuments

    /// A document whose Interactive executions wait without running anything.
    static let idleDocument = Docs.document(steps: [Docs.shellStep("Only", ["echo only"])])

    static func list(
        _ engine: EngineHarness, _ filters: [AutomationExecutionFilter]? = nil, maxResults: Int? = nil,
        nextToken: String? = nil
    ) async throws -> DescribeAutomationExecutionsResponse {
        try await engine.service.describeAutomationExecutions(
            DescribeAutomationExecutionsRequest(filters: filters, maxResults: maxResults, nextToken: nextToken))
    }

    static func ids(_ engine: EngineHarness, _ filters: [AutomationExecutionFilter]) async throws -> [String] {
        try await list(engine, filters).automationExecutionMetadataList?.map(\.automationExecutionId) ?? []
    }

    @Test func sixtyExecutionsComeInPagesOf50And10NewestFirstWithStableTokens() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Idle", yaml: Self.idleDocument)
            var started: [String] = []
            for _ in 0..<60 { started.append(try await engine.start("Idle", mode: .interactive)) }
            let newestFirst = Array(started.reversed())

            let first = try await Self.list(engine)
            #expect(first.automationExecutionMetadataList?.map(\.automationExecutionId) == Array(newestFirst[0..<50]))
            let token = try #require(first.nextToken)
            // The same page asked twice carries the same token, byte for byte.
            #expect(try await Self.list(engine).nextToken == token)

            // Executions started after the token was issued do not move the next page.
            for _ in 0..<3 { _ = try await engine.start("Idle", mode: .interactive) }
            let second = try await Self.list(engine, nextToken: token)
            #expect(second.automationExecutionMetadataList?.map(\.automationExecutionId) == Array(newestFirst[50..<60]))
            #expect(second.nextToken == nil)

            let fresh = try await Self.list(engine)
            #expect(fresh.automationExecutionMetadataList?.count == 50)
            #expect(fresh.automationExecutionMetadataList?.dropFirst(3).first?.automationExecutionId == newestFirst[0])

            let small = try await Self.list(engine, maxResults: 7)
            #expect(small.automationExecutionMetadataList?.count == 7)
            await expectEngineError(.validationException, containing: ["MaxResults"]) {
                try await Self.list(engine, maxResults: 51)
            }
            await expectEngineError(.invalidNextToken) { try await Self.list(engine, nextToken: "not-a-token") }
        }
    }

    @Test func filtersByStatusNamePrefixIdStartTimeAndTag() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Alpha-Restart", yaml: Self.idleDocument)
            try await engine.createDocument("alpha-lower", yaml: Self.idleDocument)
            try await engine.createDocument("Beta-Restart", yaml: Self.idleDocument)

            let waiting = try await engine.start("Alpha-Restart", mode: .interactive, tags: [AutomationModel.Tag(key: "Team", value: "web")])
            let completed = try await engine.start("alpha-lower", mode: .interactive)
            try await engine.stop(completed, .complete)
            let cancelled = try await engine.start("Beta-Restart", mode: .interactive, tags: [AutomationModel.Tag(key: "Owner", value: "ops")])
            try await engine.stop(cancelled, .cancel)

            #expect(try await Self.ids(engine, [.init(key: .executionStatus, values: ["Waiting"])]) == [waiting])
            #expect(
                Set(try await Self.ids(engine, [.init(key: .executionStatus, values: ["Success", "Cancelled"])]))
                    == [completed, cancelled])
            #expect(try await Self.ids(engine, [.init(key: .documentNamePrefix, values: ["Alpha"])]) == [waiting])
            #expect(try await Self.ids(engine, [.init(key: .documentNamePrefix, values: ["alpha"])]) == [completed])
            #expect(try await Self.ids(engine, [.init(key: .executionId, values: [cancelled])]) == [cancelled])
            #expect(try await Self.ids(engine, [.init(key: .tagKey, values: ["Team"])]) == [waiting])
            #expect(
                try await Self.ids(
                    engine,
                    [.init(key: .documentNamePrefix, values: ["Alpha", "Beta"]), .init(key: .tagKey, values: ["Owner"])])
                    == [cancelled])

            // Times between the starts, as epoch seconds, so rounding cannot put a start on the boundary.
            var starts: [Double] = []
            for id in [waiting, completed, cancelled] {
                starts.append(try #require(try await engine.execution(id).executionStartTime).timeIntervalSince1970)
            }
            let afterWaiting = String((starts[0] + starts[1]) / 2)
            let afterCompleted = String((starts[1] + starts[2]) / 2)
            #expect(try await Self.ids(engine, [.init(key: .startTimeAfter, values: [afterCompleted])]) == [cancelled])
            #expect(try await Self.ids(engine, [.init(key: .startTimeBefore, values: [afterWaiting])]) == [waiting])
            #expect(
                try await Self.ids(
                    engine,
                    [.init(key: .startTimeAfter, values: [afterWaiting]), .init(key: .startTimeBefore, values: [afterCompleted])])
                    == [completed])
            let future = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3600))
            #expect(try await Self.ids(engine, [.init(key: .startTimeAfter, values: [future])]).isEmpty)
            #expect(try await Self.ids(engine, [.init(key: .startTimeBefore, values: [future])]).count == 3)

            await expectEngineError(.invalidFilterKey, containing: ["Colour"]) {
                try await Self.ids(engine, [.init(key: "Colour", values: ["red"])])
            }
            await expectEngineError(.invalidFilterValue, containing: ["Sleepy"]) {
                try await Self.ids(engine, [.init(key: .executionStatus, values: ["Sleepy"])])
            }
            await expectEngineError(.invalidFilterValue, containing: ["yesterday"]) {
                try await Self.ids(engine, [.init(key: .startTimeAfter, values: ["yesterday"])])
            }
        }
    }

    @Test func stepExecutionsFilterReverseAndPage() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Steps", yaml: Docs.document(steps: [
                    Docs.shellStep("One", ["echo one"]),
                    Docs.shellStep("Two", ["exit 1"], ["onFailure: Continue", "isCritical: false"]),
                    Docs.shellStep("Three", ["echo three"]),
                    Docs.step("Four", "action: aws:pause\ninputs: {}\n"),
                    Docs.shellStep("Five", ["echo five"]),
                ]))
            let id = try await engine.start("Steps")
            try await engine.waitForStep(id, "Four", .waiting)

            func names(
                _ filters: [StepExecutionFilter]? = nil, maxResults: Int? = nil, nextToken: String? = nil,
                reverse: Bool? = nil
            ) async throws -> (names: [String], token: String?) {
                let response = try await engine.service.describeAutomationStepExecutions(
                    DescribeAutomationStepExecutionsRequest(
                        automationExecutionId: id, filters: filters, nextToken: nextToken, maxResults: maxResults,
                        reverseOrder: reverse))
                return (response.stepExecutions?.compactMap(\.stepName) ?? [], response.nextToken)
            }

            #expect(try await names().names == ["One", "Two", "Three", "Four", "Five"])
            #expect(try await names(reverse: true).names == ["Five", "Four", "Three", "Two", "One"])
            #expect(try await names([.init(key: .stepName, values: ["Two", "Four"])]).names == ["Two", "Four"])
            #expect(try await names([.init(key: .stepExecutionStatus, values: ["Success"])]).names == ["One", "Three"])
            #expect(try await names([.init(key: .stepExecutionStatus, values: ["Pending"])]).names == ["Five"])
            #expect(try await names([.init(key: .action, values: ["aws:pause"])]).names == ["Four"])
            let twoId = try #require(try await engine.execution(id).step("Two")?.stepExecutionId)
            #expect(try await names([.init(key: .stepExecutionId, values: [twoId])]).names == ["Two"])

            let page1 = try await names(maxResults: 2, reverse: true)
            #expect(page1.names == ["Five", "Four"])
            let token1 = try #require(page1.token)
            let page2 = try await names(maxResults: 2, nextToken: token1, reverse: true)
            #expect(page2.names == ["Three", "Two"])
            let token2 = try #require(page2.token)
            let page3 = try await names(maxResults: 2, nextToken: token2, reverse: true)
            #expect(page3.names == ["One"])
            #expect(page3.token == nil)

            await expectEngineError(.invalidFilterKey, containing: ["Colour"]) {
                try await names([.init(key: "Colour", values: ["red"])])
            }
            await expectEngineError(.invalidFilterValue, containing: ["Sleepy"]) {
                try await names([.init(key: .stepExecutionStatus, values: ["Sleepy"])])
            }
            await expectEngineError(.invalidNextToken) { try await names(nextToken: "garbage") }
            await expectEngineError(.automationExecutionNotFoundException) {
                try await engine.service.describeAutomationStepExecutions(
                    DescribeAutomationStepExecutionsRequest(automationExecutionId: UUID().uuidString.lowercased()))
            }
        }
    }
}
