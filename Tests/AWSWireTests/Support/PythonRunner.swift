import Foundation

/// Runs a python3 script (botocore is installed there) with `input` on stdin and returns its stdout.
enum PythonRunner {
    static func run(script: String, input: Data) async throws -> Data {
        let result = try await ChildProcess.run(["python3", "-c", script], input: input)
        guard result.status == 0 else {
            throw ChildProcess.Failure(
                description: "python3 failed (\(result.status)): \(String(decoding: result.errors, as: UTF8.self))")
        }
        return result.output
    }
}
