import AutomationModel
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a process wrote to one stream: the first `limit` bytes as text, and how much there was in all.
struct CapturedOutput: Sendable, Hashable {
    var text: String
    var isTruncated: Bool
    var totalBytes: Int

    static let empty = CapturedOutput(text: "", isTruncated: false, totalBytes: 0)
}

/// Files that receive what a process writes as it writes it (the bounded head that is kept), so its output can be
/// read while it runs, as Run Command's GetCommandInvocation does.
struct ProcessOutputFiles: Sendable, Hashable {
    var standardOutput: URL
    var standardError: URL
}

/// Drains a child's stdout and stderr together on its own thread, so a child filling one pipe while the
/// engine waits on the other cannot deadlock. Keeps a bounded head of each stream and discards the rest,
/// copying the head into `files` as it arrives when there are any.
final class ProcessOutputReader: Sendable {
    private let done = DispatchGroup()
    private let stopRequested = LockedValue(false)
    private let captured = LockedValue<[CapturedOutput]>([.empty, .empty])

    init(standardOutput: Int32, standardError: Int32, limits: (Int, Int), files: ProcessOutputFiles? = nil) {
        done.enter()
        let copies: [Int32] = files.map { [Self.openCopy($0.standardOutput), Self.openCopy($0.standardError)] } ?? [-1, -1]
        let thread = Thread { [self] in
            drain(fds: [standardOutput, standardError], limits: [limits.0, limits.1], copies: copies)
            copies.filter { $0 >= 0 }.forEach { close($0) }
            done.leave()
        }
        thread.name = "step process output"
        thread.start()
    }

    /// True when both streams reached their end (or reading was stopped) within `seconds`.
    func waitUntilDone(timeout seconds: Double) -> Bool {
        done.wait(timeout: .now() + seconds) == .success
    }

    /// Ends reading even though some process outside the group still holds a pipe open.
    func stop() {
        stopRequested.withLock { $0 = true }
    }

    var output: (standardOutput: CapturedOutput, standardError: CapturedOutput) {
        captured.withLock { ($0[0], $0[1]) }
    }

    /// A descriptor to copy a stream into, or -1 when the file cannot be opened (the output is then only
    /// known when the process ends).
    private static func openCopy(_ url: URL) -> Int32 {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }

    private func drain(fds: [Int32], limits: [Int], copies: [Int32]) {
        var buffers: [[UInt8]] = [[], []]
        var totals = [0, 0]
        var open = [true, true]
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while open.contains(true), !stopRequested.withLock({ $0 }) {
            var polls = fds.enumerated().map { index, fd in
                pollfd(fd: open[index] ? fd : -1, events: Int16(POLLIN), revents: 0)
            }
            let ready = poll(&polls, nfds_t(polls.count), 100)
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else { continue }
            for index in fds.indices where open[index] && polls[index].revents != 0 {
                let count = chunk.withUnsafeMutableBytes { read(fds[index], $0.baseAddress, $0.count) }
                if count > 0 {
                    totals[index] += count
                    let room = limits[index] - buffers[index].count
                    if room > 0 {
                        let kept = min(room, count)
                        buffers[index].append(contentsOf: chunk[0..<kept])
                        if copies[index] >= 0 {
                            _ = chunk.withUnsafeBytes { write(copies[index], $0.baseAddress, kept) }
                        }
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open[index] = false
                }
            }
        }
        fds.forEach { close($0) }
        publish(buffers: buffers, totals: totals)
    }

    private func publish(buffers: [[UInt8]], totals: [Int]) {
        let outputs = buffers.indices.map { index in
            CapturedOutput(
                text: Self.text(buffers[index], truncated: totals[index] > buffers[index].count),
                isTruncated: totals[index] > buffers[index].count, totalBytes: totals[index])
        }
        captured.withLock { $0 = outputs }
    }

    /// UTF-8 text; a character cut in two by the limit is dropped rather than shown as garbage.
    private static func text(_ bytes: [UInt8], truncated: Bool) -> String {
        var end = bytes.count
        if truncated {
            var continuation = 0
            while continuation < 3, end - continuation > 0, bytes[end - continuation - 1] & 0xC0 == 0x80 {
                continuation += 1
            }
            let leadIndex = end - continuation - 1
            if leadIndex >= 0, bytes[leadIndex] >= 0xC0 {
                let lead = bytes[leadIndex]
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                if continuation + 1 < length { end = leadIndex }
            }
        }
        return String(decoding: bytes[0..<end], as: UTF8.self)
    }
}
