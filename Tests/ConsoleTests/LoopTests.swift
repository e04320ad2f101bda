import AutomationModel
@testable import Console
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A terminal that replays scripted input and records what was drawn.
final class FakeScreen: TerminalScreen {
    var width = 40
    var height = 5
    var script: [[TerminalInput]] = []
    private(set) var frames: [CellBuffer] = []
    private(set) var restored = 0

    func draw(_ buffer: CellBuffer) { frames.append(buffer) }

    func waitForInput(orWake wakeDescriptor: Int32, timeout: Duration) {
        guard script.isEmpty else { return }
        var descriptor = pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        _ = poll(&descriptor, 1, Int32(clamping: milliseconds))
    }

    func readInput() -> [TerminalInput] { script.isEmpty ? [] : script.removeFirst() }

    func restore() { restored += 1 }
    var bells = 0
    var repaints = 0
    var titles: [String] = []
    func ringBell() { bells += 1 }
    func repaint() { repaints += 1 }
    func setTitle(_ title: String) { titles.append(title) }
    var copied: [String] = []
    func copyToClipboard(_ text: String) { copied.append(text) }
}

/// A tiny program: `r` asks for the documents, `q` quits, a result counts; ticks are counted but not shown,
/// and the twentieth quits.
struct Counter {
    var keys: [KeyPress] = []
    var results = 0
    var ticks = 0
    var size = (width: 40, height: 5)

    static var program: ConsoleProgram<Counter> {
        ConsoleProgram<Counter>(
        start: { _ in [.request(.listExecutions(.all, pageSize: 10))] },
        update: { state, event in
            switch event {
            case .key(.character("q")): return [.quit]
            case .key(.control("l")): return [.repaint]
            case .key(.character("r")):
                state.keys.append(.character("r"))
                return [.request(.listDocuments)]
            case .key(let key): state.keys.append(key)
            case .result: state.results += 1
            case .tick:
                state.ticks += 1
                if state.ticks == 20 { return [.quit] }
            case .resize(let width, let height): state.size = (width, height)
            case .notice, .mouse, .demoSeeded: break
            }
            return []
        },
        render: { state in
            var buffer = CellBuffer(width: state.size.width, height: state.size.height)
            buffer.write("keys \(state.keys.count) results \(state.results)", x: 0, y: 0)
            return buffer
        })
    }
}

@Suite("ConsoleLoop with a fake screen")
struct LoopTests {
    let screen = FakeScreen()
    let mailbox: ConsoleMailbox
    let submitted = LockedValue<[ServiceRequest]>([])

    init() throws {
        mailbox = try ConsoleMailbox()
    }

    func loop(tick: Duration = .seconds(3600)) -> ConsoleLoop<Counter> {
        let submitted = submitted
        return ConsoleLoop(
            state: Counter(), program: Counter.program, screen: screen, mailbox: mailbox,
            submit: { request in submitted.withLock { $0.append(request) } }, tickInterval: tick)
    }

    @Test("keys go in, requests come out, q quits")
    func keysAndEffects() {
        screen.script = [[.key(.character("x")), .key(.character("r"))], [.key(.character("q"))]]
        let loop = loop()
        #expect(loop.run() == .quit)
        #expect(submitted.withLock { $0 } == [.listExecutions(.all, pageSize: 10), .listDocuments])
        #expect(loop.state.keys == [.character("x"), .character("r")])
        #expect(screen.frames.last?.rowText(0).hasPrefix("keys 2 results 0") == true)
        #expect(screen.restored == 0)  // restoring is the session's job, after the loop
    }

    @Test("a repaint draws the unchanged screen again, all of it")
    func repaintRedraws() {
        screen.script = [[.key(.control("l"))], [.key(.character("q"))]]
        let loop = loop()
        #expect(loop.run() == .quit)
        #expect(screen.repaints == 1)
        #expect(screen.frames.count == 2)
        #expect(screen.frames.first == screen.frames.last)
    }

    @Test("nothing is drawn when the rendered screen did not change")
    func noRedundantDraws() {
        let loop = loop(tick: .milliseconds(2))
        #expect(loop.run() == .quit)
        #expect(loop.state.ticks == 20)
        #expect(screen.frames.count == 1)
        #expect(loop.framesDrawn == 1)
    }

    @Test("events posted from another thread wake the loop at once")
    func wakeFromAnotherThread() {
        let loop = loop()
        let mailbox = mailbox
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) {
            mailbox.post(.result(.documents([]), at: Date()))
            mailbox.post(.key(.character("q")))
        }
        let started = ContinuousClock.now
        #expect(loop.run() == .quit)
        #expect(ContinuousClock.now - started < .seconds(60))  // the hour-long tick never came
        #expect(loop.state.results == 1)
    }

    @Test("a resize reaches the update and redraws at the new size")
    func resize() {
        screen.script = [[.resize(width: 20, height: 3)], [.key(.character("q"))]]
        let loop = loop()
        #expect(loop.run() == .quit)
        #expect(screen.frames.last?.width == 20)
        #expect(screen.frames.last?.height == 3)
    }

    @Test("a terminal that hung up ends the loop as SIGHUP would")
    func hangup() {
        screen.script = [[.key(.character("x")), .hangup]]
        #expect(loop().run() == .signal(SIGHUP))
    }

    @Test("a stop request ends the loop with the signal's exit status")
    func exitCodes() {
        mailbox.requestStop(.signal(SIGINT))
        mailbox.requestStop(.signal(SIGTERM))  // the first request wins
        #expect(loop().run() == .signal(SIGINT))
        #expect(ConsoleExit.signal(SIGINT).exitCode == 130)
        #expect(ConsoleExit.signal(SIGTERM).exitCode == 143)
        #expect(ConsoleExit.signal(SIGHUP).exitCode == 129)
        #expect(ConsoleExit.quit.exitCode == 0)
    }
}
