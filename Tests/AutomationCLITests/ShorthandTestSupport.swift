import AutomationModel
import Foundation
import Testing

/// The installed AWS CLI (python3 + awscli) as a test oracle, and the fixture files next to these tests.
enum AWSCLIOracle {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs a program and returns its standard output; a missing program or a failure is a test failure that says
    /// how to get the AWS CLI, never a silent pass.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        process.environment = merged
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            throw Failure(description: "\(arguments[0]) is not installed: install the AWS CLI v1 with "
                + "`python3 -m pip install awscli` (scripts/test does this). \(String(decoding: errors, as: UTF8.self))")
        }
        return (String(decoding: output, as: UTF8.self), process.terminationStatus)
    }

    /// The oracle script's answers for a corpus, one per input.
    static func answers(mode: String, corpus: String) throws -> [JSONValue] {
        let script = fixtures.appendingPathComponent("shorthand_oracle.py").path
        let corpusPath = fixtures.appendingPathComponent(corpus).path
        let (output, status) = try run(["python3", script, mode, corpusPath, fixtures.path])
        guard status == 0, case .array(let answers) = try JSONValue.parse(output) else {
            throw Failure(description: "the AWS CLI oracle failed (status \(status)); is awscli installed? "
                + "Install it with `python3 -m pip install awscli` (scripts/test does this). Output: \(output.prefix(500))")
        }
        return answers
    }

    static func corpus(_ name: String) throws -> JSONValue {
        try JSONValue.parse(String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8))
    }

    /// "{FIXTURES}" in a corpus input stands for the fixtures folder, as in the oracle script.
    static func substitute(_ text: String) -> String {
        text.replacingOccurrences(of: "{FIXTURES}", with: fixtures.path)
    }
}
