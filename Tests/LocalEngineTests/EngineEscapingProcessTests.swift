import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// A step's command whose child leaves the session with setsid and ignores SIGTERM is gone once the step times
/// out, and once its execution is cancelled.
@Suite struct EngineEscapingProcessTests {
    typealias Docs = EngineDocuments

    /// The command goes on to sleep only once the child has written its PID, so a timeout cannot come first.
    static func escaping(_ pidFile: String) -> String {
        "setsid sh -c 'trap \"\" TERM; echo $$ > \(pidFile).tmp; mv \(pidFile).tmp \(pidFile); exec sleep 300' </dev/null >/dev/null 2>&1 & while [ ! -s \(pidFile) ]; do sleep 0.1; done; sleep 300"
    }

    static func escapedPID(_ path: String) async throws -> pid_t {
        try #require(await ActionsTest.readWhenWritten(path, seconds: 20).flatMap { pid_t($0) })
    }

    @Test func aSetsidChildIsGoneAfterTheStepTimesOut() async throws {
        try await EngineHarness.with { engine in
            let pidFile = engine.path("escaped.pid")
            try await engine.createDocument(
                "Escape", yaml: Docs.document(steps: [Docs.shellStep("Run", [Self.escaping(pidFile)], ["timeoutSeconds: 10"])]))
            let id = try await engine.start("Escape")
            let escaped = try await Self.escapedPID(pidFile)
            let execution = try await engine.waitUntilEnded(id, timeout: .seconds(60))
            #expect(execution.automationExecutionStatus == .timedOut)
            #expect(await ActionsTest.waitUntilGone(escaped), "the setsid child \(escaped) outlived the step's timeout")
        }
    }

    @Test func aSetsidChildIsGoneAfterCancel() async throws {
        try await EngineHarness.with { engine in
            let pidFile = engine.path("escaped.pid")
            try await engine.createDocument(
                "Escape", yaml: Docs.document(steps: [Docs.shellStep("Run", [Self.escaping(pidFile)])]))
            let id = try await engine.start("Escape")
            let escaped = try await Self.escapedPID(pidFile)
            try await engine.stop(id)
            let execution = try await engine.waitUntilEnded(id, timeout: .seconds(60))
            #expect(execution.automationExecutionStatus == .cancelled)
            #expect(await ActionsTest.waitUntilGone(escaped), "the setsid child \(escaped) outlived the cancelled execution")
        }
    }
}
