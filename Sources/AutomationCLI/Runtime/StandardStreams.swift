import Foundation

/// Unbuffered writes to stdout and stderr, so output and errors interleave as they happen.
public enum StandardStreams {
    public static let writeOutput: @Sendable (String) -> Void = { text in
        guard !text.isEmpty else { return }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public static let writeError: @Sendable (String) -> Void = { text in
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
