import AutomationModel
import Console
import Foundation

/// Runs the console on this process's terminal: curses on a thread of its own (the UI thread), the client
/// core beside it, until the operator quits or a signal asks it to stop. The terminal is restored on every
/// way out.
public enum TerminalConsole {
    public struct Settings: Sendable {
        public var target: ConsoleTarget
        public var readOnly: Bool
        public var refreshInterval: Duration
        public var noColor: Bool
        public var auditLog: AuditLog
        public var describeError: ServiceErrorDescriber
        /// Ring the bell when an approval starts waiting on you (`--no-bell` turns it off).
        public var bell: Bool
        /// Show how many approvals wait on you in the terminal title (`--no-title` turns it off).
        public var title: Bool
        /// The colours (the config file's `skin` and `colors`).
        public var skin = Skin()
        /// The operator's keys (the config file's `keys`).
        public var keys = KeyMap()
        /// Copy keys write OSC 52 (the config file's `clipboard`).
        public var clipboard = true
        /// Take mouse events (the config file's `mouse`).
        public var mouse = false
        /// The config file's warnings, shown in the status line at start.
        public var startupWarnings: [String] = []
        /// Opens the connection `:profile` and `:region` switch to; nil where the target cannot change.
        public var connect: TargetConnector?
        /// What `:profile` and `:region` offer.
        public var targetChoices = TargetChoices()
        /// Called once the first screen is drawn: the local demo is seeded from here, so it never delays it.
        public var firstScreenShown: (@Sendable () -> Void)?

        public init(
            target: ConsoleTarget, readOnly: Bool, refreshInterval: Duration, noColor: Bool, auditLog: AuditLog,
            describeError: @escaping ServiceErrorDescriber = ServiceErrorDescription.standard, bell: Bool = true,
            title: Bool = true
        ) {
            self.bell = bell
            self.title = title
            self.target = target
            self.readOnly = readOnly
            self.refreshInterval = refreshInterval
            self.noColor = noColor
            self.auditLog = auditLog
            self.describeError = describeError
        }
    }

    /// Whether stdin and stdout are both terminals, which curses needs.
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// Runs the console and returns how it ended. `mailbox` is the one the service client's notices and the
    /// termination signals already post to.
    public static func run(service: any AutomationService, settings: Settings, mailbox: ConsoleMailbox) async throws
        -> ConsoleExit
    {
        try await withCheckedThrowingContinuation { continuation in
            // The loop blocks in poll(2); on a thread of its own it never holds up the tasks the core runs.
            let thread = Thread {
                continuation.resume(with: Result { try runOnThisThread(service: service, settings: settings, mailbox: mailbox) })
            }
            thread.name = "ssm-console UI"
            thread.start()
        }
    }

    private static func runOnThisThread(service: any AutomationService, settings: Settings, mailbox: ConsoleMailbox)
        throws -> ConsoleExit
    {
        let screen = try CursesScreen(noColor: settings.noColor, skin: settings.skin, mouse: settings.mouse)
        let core = ClientCore(
            service: service, target: settings.target, auditLog: settings.auditLog, readOnly: settings.readOnly,
            describeError: settings.describeError, connect: settings.connect, post: mailbox.post)
        // The terminal first: waiting for changes in flight can take seconds, and a second termination signal
        // in that time ends the process at once, which must not leave curses owning the terminal.
        defer {
            screen.restore()
            core.shutdown()
        }
        let options = ConsoleOptions(
            readOnly: settings.readOnly, refreshInterval: settings.refreshInterval, glyphs: screen.isUTF8 ? .unicode : .ascii,
            bell: settings.bell, title: settings.title, keys: settings.keys, clipboard: settings.clipboard)
        var state = ConsoleState(
            target: settings.target, options: options, width: screen.width, height: screen.height, now: Date())
        state.targetChoices = settings.targetChoices
        if let first = settings.startupWarnings.first {
            let more = settings.startupWarnings.count > 1 ? " (and \(settings.startupWarnings.count - 1) more; ssm-console config lists them)" : ""
            state.flash = Flash(text: "Config: \(first)\(more)", kind: .warning, expires: Date().addingTimeInterval(15))
        }
        let loop = ConsoleLoop(
            state: state, program: .console, screen: screen, mailbox: mailbox, submit: core.submit,
            firstScreenShown: settings.firstScreenShown)
        return loop.run()
    }
}
