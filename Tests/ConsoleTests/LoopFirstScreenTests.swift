import AutomationModel
@testable import Console
import Foundation
import Testing

/// Work that must not delay the first screen (seeding the local demo) runs once that screen is drawn.
@Suite("ConsoleLoop's first screen")
struct LoopFirstScreenTests {
    @Test("firstScreenShown runs once, after the first frame and before any input is handled")
    func firstScreenShownRunsOnceAfterTheFirstFrame() throws {
        let screen = FakeScreen()
        screen.script = [[.key(.character("x"))], [.key(.character("q"))]]
        let calls = LockedValue<[(frames: Int, keys: Int)]>([])
        var loop: ConsoleLoop<Counter>!
        loop = ConsoleLoop(
            state: Counter(), program: Counter.program, screen: screen, mailbox: try ConsoleMailbox(),
            submit: { _ in }, tickInterval: .seconds(3600),
            firstScreenShown: { calls.withLock { $0.append((screen.frames.count, loop.state.keys.count)) } })
        #expect(loop.run() == .quit)
        let seen = calls.withLock { $0 }
        #expect(seen.count == 1)
        #expect(seen.first?.frames == 1)
        #expect(seen.first?.keys == 0)
    }
}
