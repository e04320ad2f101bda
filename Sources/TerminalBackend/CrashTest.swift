/// A deliberate crash of the UI thread, once the console has drawn its first frame, for the end-to-end test
/// that every crash restores the terminal: `SSM_CONSOLE_CRASH_TEST=stack-overflow` or `=trap` in the
/// environment. Nothing sets it but that test.
enum CrashTest: String {
    case stackOverflow = "stack-overflow"
    case trap

    static let variable = "SSM_CONSOLE_CRASH_TEST"

    func crash() -> Never {
        switch self {
        case .stackOverflow:
            _ = Self.recurse(1)
            fatalError("the recursion returned")
        case .trap:
            fatalError("crash test: a trap on the UI thread")
        }
    }

    /// Not a tail call (it adds after the call returns), so every level takes a frame.
    @inline(never)
    private static func recurse(_ depth: Int) -> Int {
        var frame = (depth, depth, depth, depth)
        return withUnsafeMutablePointer(to: &frame) { recurse($0.pointee.0 &+ 1) &+ $0.pointee.3 }
    }
}
