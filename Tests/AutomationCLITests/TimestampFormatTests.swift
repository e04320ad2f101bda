import Foundation
import Testing

@testable import AutomationCLI

/// `cli_timestamp_format = iso8601`: Python's datetime.fromtimestamp(value, tzlocal()).isoformat(), checked
/// against python3 itself in several time zones (TZ is set for the child and for this process's localtime_r).
@Suite(.serialized) struct TimestampFormatTests {
    static let values = ["1763770226.48", "1763770226", "0.0000005", "0.0000015", "1763770226.9999996", "-1.5", "951782400.123456"]

    static func python(_ literal: String, zone: String) throws -> String {
        let script = "import sys, json; from dateutil.tz import tzlocal; import datetime; "
            + "print(datetime.datetime.fromtimestamp(json.loads(sys.argv[1]), tzlocal()).isoformat(), end='')"
        return try AWSCLIOracle.run(["python3", "-c", script, literal], environment: ["TZ": zone]).output
    }

    @Test(arguments: ["UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"])
    func matchesPython(zone: String) throws {
        let previous = ProcessInfo.processInfo.environment["TZ"]
        setenv("TZ", zone, 1)
        tzset()
        defer {
            if let previous { setenv("TZ", previous, 1) } else { unsetenv("TZ") }
            tzset()
        }
        for literal in Self.values {
            let ours = TimestampFormat.iso8601.apply(to: .number(literal))
            #expect(ours == .string(try Self.python(literal, zone: zone)), "\(literal) in \(zone)")
        }
    }

    @Test func wireLeavesTimestampsAndIsoLeavesOtherMembers() throws {
        #expect(TimestampFormat.wire.apply(to: .number("1.5")) == .number("1.5"))
        let answer = try WireJSON.parse(Data(#"{"AutomationExecution": {"ExecutionStartTime": 0, "TimeoutSeconds": 5, "StepExecutions": [{"TimeoutSeconds": 7, "ExecutionEndTime": 0}]}}"#.utf8))
        let ordered = ModelOrder.apply(OperationShape.getAutomationExecution.output, to: answer, timestamps: .iso8601)
        let execution = ordered["AutomationExecution"]
        #expect(execution?["ExecutionStartTime"]?.stringValue?.hasPrefix("19") == true)
        #expect(execution?["StepExecutions"]?.arrayValue?.first?["TimeoutSeconds"] == .number("7"))
        #expect(execution?["StepExecutions"]?.arrayValue?.first?["ExecutionEndTime"]?.stringValue != nil)
    }
}
