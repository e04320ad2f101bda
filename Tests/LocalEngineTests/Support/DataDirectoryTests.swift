import Foundation
import LocalEngine
import Testing

/// What the tests that open, kill and reopen an engine on one data directory share.
protocol DataDirectoryTests {}

extension DataDirectoryTests {
    func configuration(_ directory: URL) -> EngineConfiguration {
        EngineConfiguration(dataDirectory: directory, stepFunctions: nil, installShippedRunbooks: false)
    }

    /// Polls `condition` until it holds; records an issue and throws when `timeout` passes first.
    func waitFor(_ what: String, timeout: Duration = .seconds(30), _ condition: () throws -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("Timed out waiting for \(what)")
        throw CancellationError()
    }
}
