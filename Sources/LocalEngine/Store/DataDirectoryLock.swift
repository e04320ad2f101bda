import AutomationModel
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive lock on an engine's data directory, so two engines never run the same executions.
/// The kernel drops it when the process dies, however it dies.
final class DataDirectoryLock: Sendable {
    /// The locked file's descriptor; -1 once released.
    private let descriptor: LockedValue<Int32>

    init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("engine.lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DataDirectoryInUse(message: "Cannot open \(path): \(String(cString: strerror(errno))). Check the directory's permissions.")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            let who = holder.map { " (process \($0))" } ?? ""
            throw DataDirectoryInUse(
                message: "Another ssm-console engine\(who) is using \(directory.path). Stop it, or give this one another --data-dir.")
        }
        ftruncate(descriptor, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(descriptor, $0, strlen($0)) }
        self.descriptor = LockedValue(descriptor)
    }

    func release() {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
    }

    deinit { release() }
}

/// The data directory is locked by another engine.
public struct DataDirectoryInUse: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
