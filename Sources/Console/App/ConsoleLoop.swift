import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The three pure functions the loop drives: the console's update and view, or a test's.
public struct ConsoleProgram<State> {
    public var start: (inout State) -> [ConsoleEffect]
    public var update: (inout State, ConsoleEvent) -> [ConsoleEffect]
    public var render: (State) -> CellBuffer

    public init(
        start: @escaping (inout State) -> [ConsoleEffect], update: @escaping (inout State, ConsoleEvent) -> [ConsoleEffect],
        render: @escaping (State) -> CellBuffer
    ) {
        self.start = start
        self.update = update
        self.render = render
    }
}

/// The UI thread: waits for keys, background events or the next tick; feeds them to the update; hands the
/// requests to the client core; draws only when the rendered screen changed. Everything that touches the
/// terminal happens on the thread that calls `run`.
public final class ConsoleLoop<State> {
    public private(set) var state: State
    /// Frames handed to the screen, for tests.
    public private(set) var framesDrawn = 0

    private let screen: any TerminalScreen
    private let mailbox: ConsoleMailbox
    private let program: ConsoleProgram<State>
    private let submit: (ServiceRequest) -> Void
    private let tickInterval: Duration
    private let now: () -> Date
    private let firstScreenShown: (() -> Void)?
    private var lastDrawn: CellBuffer?

    /// - Parameters:
    ///   - submit: where requests go (the client core's `submit`, which returns at once).
    ///   - tickInterval: how often `.tick` is sent while nothing else happens.
    ///   - firstScreenShown: called once the first screen is drawn, for work that must not delay it.
    public init(
        state: State, program: ConsoleProgram<State>, screen: any TerminalScreen, mailbox: ConsoleMailbox,
        submit: @escaping (ServiceRequest) -> Void, tickInterval: Duration = .seconds(1),
        now: @escaping () -> Date = { Date() }, firstScreenShown: (() -> Void)? = nil
    ) {
        self.firstScreenShown = firstScreenShown
        self.state = state
        self.program = program
        self.screen = screen
        self.mailbox = mailbox
        self.submit = submit
        self.tickInterval = tickInterval
        self.now = now
    }

    /// Runs until the update asks to quit or a stop is requested; returns which.
    public func run() -> ConsoleExit {
        let clock = ContinuousClock()
        if perform(program.start(&state)) { return .quit }
        drawIfChanged()
        firstScreenShown?()
        var nextTick = clock.now + tickInterval
        while true {
            let timeout = max(.zero, nextTick - clock.now)
            screen.waitForInput(orWake: mailbox.wakeDescriptor, timeout: timeout)
            var events: [ConsoleEvent] = []
            for input in screen.readInput() {
                switch input {
                case .key(let key): events.append(.key(key))
                case .mouse(let event): events.append(.mouse(event))
                case .resize(let width, let height): events.append(.resize(width: width, height: height))
                case .hangup: return .signal(SIGHUP)
                }
            }
            let posted = mailbox.take()
            if let stop = posted.stop { return stop }
            events += posted.events
            if clock.now >= nextTick {
                events.append(.tick(now()))
                nextTick = clock.now + tickInterval
            }
            for event in events where perform(program.update(&state, event)) {
                return .quit
            }
            drawIfChanged()
        }
    }

    /// Runs the effects; returns whether one of them was quit.
    private func perform(_ effects: [ConsoleEffect]) -> Bool {
        for effect in effects {
            switch effect {
            case .request(let request): submit(request)
            case .quit: return true
            case .bell: screen.ringBell()
            case .title(let title): screen.setTitle(title)
            case .copy(let text): screen.copyToClipboard(text)
            case .repaint:
                screen.repaint()
                lastDrawn = nil
            }
        }
        return false
    }

    private func drawIfChanged() {
        let frame = program.render(state)
        guard frame != lastDrawn else { return }
        screen.draw(frame)
        lastDrawn = frame
        framesDrawn += 1
    }
}
