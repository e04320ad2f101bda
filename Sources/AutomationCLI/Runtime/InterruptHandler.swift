import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C ends a subcommand with exit status 130, as the AWS CLI does, whatever it was waiting on. The local
/// engine needs no shutdown for this: every transition is already on disk.
public enum InterruptHandler {
    nonisolated(unsafe) private static var source: DispatchSourceSignal?

    public static func install() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            FileHandle.standardError.write(Data("\n".utf8))
            exit(CLIExitCode.interrupted)
        }
        source.resume()
        Self.source = source
    }
}
