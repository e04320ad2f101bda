/// A mouse event as the console sees it, in screen cells from the top left. The terminal backend translates
/// curses' mouse events into these, and only when the config file turns the mouse on.
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case wheelUp, wheelDown
        case click
        case doubleClick
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
