import Foundation

/// A deliberate crash, once the console has drawn its first frame, for the end-to-end tests that every crash
/// restores the terminal: `SSM_CONSOLE_CRASH_TEST=stack-overflow`, `=trap` (both on the UI thread) or
/// `=engine-thread-stack-overflow` in the environment. Nothing sets it but those tests.
enum CrashTest: String {
    case stackOverflow = "stack-overflow"
    case trap
    /// A stack overflow on a thread of the Swift concurrency pool, where the engine and the client core run.
    /// That thread has no alternate signal stack, so the crash handler cannot run there and the process dies
    /// of the SIGSEGV at once: only the supervisor can put the terminal back.
    case engineThreadStackOverflow = "engine-thread-stack-overflow"

    static let variable = "SSM_CONSOLE_CRASH_TEST"

    func crash() -> Never {
        switch self {
        case .stackOverflow:
            _ = Self.recurse(1)
            fatalError("the recursion returned")
        case .trap:
            fatalError("crash test: a trap on the UI thread")
        case .engineThreadStackOverflow:
            Task.detached { _ = Self.recurse(1) }
            // The UI thread waits for the crash, drawing nothing more.
            while true { sleep(60) }
        }
    }

    /// Not a tail call (it adds after the call returns), so every level takes a frame.
    @inline(never)
    private static func recurse(_ depth: Int) -> Int {
        var frame = (depth, depth, depth, depth)
        return withUnsafeMutablePointer(to: &frame) { recurse($0.pointee.0 &+ 1) &+ $0.pointee.3 }
    }
}
