import AutomationModel
import Foundation

/// The console's update: a pure function of (state, event) that says what to do next. It never does I/O;
/// time comes from events, work goes out as effects.
public enum ConsoleUpdate {
    /// How long a flash message stays in the status line.
    static let flashSeconds: TimeInterval = 5
    /// Within this many rows of the last loaded row, the next page is asked for.
    static let pagingMargin = 5

    /// The effects to run at start (the first list refresh).
    public static func start(_ state: inout ConsoleState) -> [ConsoleEffect] {
        refreshList(&state)
    }

    /// Changes `state` for one event and says what to do.
    public static func update(_ state: inout ConsoleState, _ event: ConsoleEvent) -> [ConsoleEffect] {
        switch event {
        case .key(let key):
            return handleKey(key, &state)
        case .mouse(let event):
            return handleMouse(event, &state)
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
            clampScrolling(&state)
            clampMessageScroll(&state)
            return []
        case .tick(let now):
            return tick(now, &state)
        case .result(let result, let at):
            state.now = max(state.now, at)
            return handle(result, &state)
        case .notice(let notice, let at):
            state.now = max(state.now, at)
            handle(notice, &state)
            return []
        case .demoSeeded(let at):
            state.now = max(state.now, at)
            return reloadList(&state)
        }
    }

    static func flash(_ text: String, _ kind: Flash.Kind, _ state: inout ConsoleState) {
        state.flash = Flash(text: text, kind: kind, expires: state.now.addingTimeInterval(flashSeconds))
    }
}
