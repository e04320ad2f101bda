import Foundation
import Testing

@testable import AutomationCLI

/// `file://` and `fileb://` values read whatever can be read to its end (FIFOs, /dev/null), and every failure
/// names the file and the operating system's reason, as awscli words it.
@Suite struct ParamFileTests {
    final class Directory: @unchecked Sendable {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("paramfile-\(UUID().uuidString)").path
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test func aFIFOIsReadToItsEnd() async throws {
        let directory = try Directory()
        let fifo = directory.path + "/payload"
        #expect(mkfifo(fifo, 0o600) == 0)
        // The writer opens the FIFO on another thread; the read blocks until it does, as Python's open() does.
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)!
            handle.write(Data("Comment=from a pipe\r\n".utf8))
            try? handle.close()
        }
        writer.start()
        #expect(try ParamFile.load("file://" + fifo) == .text("Comment=from a pipe\n"))
    }

    @Test func devNullIsEmptyAndFilebKeepsBytes() throws {
        #expect(try ParamFile.load("file:///dev/null") == .text(""))
        let directory = try Directory()
        let path = directory.path + "/raw"
        try Data([0x61, 0x0D, 0x0A, 0xFF]).write(to: URL(fileURLWithPath: path))
        #expect(try ParamFile.load("fileb://" + path) == .bytes([0x61, 0x0D, 0x0A, 0xFF]))
        #expect(try ParamFile.load("plain text") == nil)
    }

    @Test func failuresNameTheFileAndTheRealReason() throws {
        let directory = try Directory()
        #expect(message("file://" + directory.path + "/missing")
            == "Unable to load paramfile file://\(directory.path)/missing: [Errno 2] No such file or directory: '\(directory.path)/missing'")
        #expect(message("fileb://" + directory.path)
            == "Unable to load paramfile fileb://\(directory.path): [Errno 21] Is a directory: '\(directory.path)'")
        let binary = directory.path + "/binary"
        try Data([0xFF, 0xFE]).write(to: URL(fileURLWithPath: binary))
        #expect(message("file://" + binary).contains("text contents could not be decoded"))
    }

    @Test func filebForAStringMemberIsBotocoresValidationError() throws {
        let directory = try Directory()
        let path = directory.path + "/id"
        try Data("12345678-1234-1234-1234-123456789012\n".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ParameterInput.value(
                ["fileb://" + path], shape: .string, parameter: "--automation-execution-id", member: "AutomationExecutionId")
            Issue.record("bytes were accepted for a string")
        } catch {
            #expect(error.message == "\nParameter validation failed:\nInvalid type for parameter AutomationExecutionId, value: b'12345678-1234-1234-1234-123456789012\\n', type: <class 'bytes'>, valid types: <class 'str'>")
        }
        do {
            _ = try ParameterInput.value(["fileb://" + path], shape: .map(value: .list(.string)), parameter: "--payload")
            Issue.record("bytes were accepted for a map")
        } catch {
            #expect(error.message.contains("use file://\(path)") || error.message.contains("Use file://\(path)"))
        }
    }

    @Test func pythonBytesRepr() {
        #expect(PythonBytes.repr(Array("it's".utf8)) == #"b"it's""#)
        #expect(PythonBytes.repr([0x27, 0x22, 0x5C, 0x00, 0x7F, 0x41]) == #"b'\'"\\\x00\x7fA'"#)
    }

    private func message(_ value: String) -> String {
        do {
            _ = try ParamFile.load(value)
            return "loaded"
        } catch {
            return error.message
        }
    }
}
