import AutomationModel
import Connection
import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C ends a subcommand with exit status 130, as the AWS CLI does, whatever it was waiting on. With
/// --local the engine runs in this process and its steps' commands run in sessions of their own, which the
/// process's exit would not end: the open connection is closed first (its shutdown stops the steps and leaves
/// their executions on disk for the next engine), for at most a few seconds.
public enum InterruptHandler {
    nonisolated(unsafe) private static var source: DispatchSourceSignal?
    private static let open = LockedValue<ServiceConnection?>(nil)
    /// How long a shutdown may hold up the exit once Ctrl-C is pressed.
    static let closeTimeout: DispatchTimeInterval = .seconds(5)

    public static func install() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            FileHandle.standardError.write(Data("\n".utf8))
            guard let connection = open.withLock({ $0 }) else { exit(CLIExitCode.interrupted) }
            DispatchQueue.global().asyncAfter(deadline: .now() + closeTimeout) { exit(CLIExitCode.interrupted) }
            Task {
                await connection.close()
                exit(CLIExitCode.interrupted)
            }
        }
        source.resume()
        Self.source = source
    }

    /// Ctrl-C closes `connection` before exiting, until `forget` is called.
    static func closeOnInterrupt(_ connection: ServiceConnection) {
        open.withLock { $0 = connection }
    }

    static func forget(_ connection: ServiceConnection) {
        open.withLock { if $0 === connection { $0 = nil } }
    }
}
