import AutomationModel
import Foundation

@testable import Console

/// Answers shaped like AWS's, written from the API reference (GetAutomationExecution and
/// DescribeAutomationStepExecutions as JSON 1.1 bodies, timestamps in epoch seconds) and decoded through the
/// same types the wire client decodes: cross-account runs, loop iterations, variables, alarms, 150 steps, huge
/// and non-ASCII values, and text with control and bidirectional characters.
enum AWSShapedFixtures {
    /// Epoch seconds `ago` before the fixtures' clock.
    static func at(_ ago: TimeInterval) -> String { String(Fixtures.now.timeIntervalSince1970 - ago) }

    /// A fixture as the service sends it: the GetAutomationExecution and DescribeAutomationStepExecutions
    /// bodies (the end-to-end tests serve these same bodies, from `Fixtures/aws-shaped/`).
    typealias Answers = (execution: String, steps: String)

    static func decoded(_ answers: Answers) -> (AutomationExecution, [StepExecution]) {
        (execution(answers.execution), steps(answers.steps))
    }

    static func execution(_ json: String) -> AutomationExecution {
        try! AWSJSON.decode(GetAutomationExecutionResponse.self, from: Data(json.utf8)).automationExecution!
    }

    static func steps(_ json: String) -> [StepExecution] {
        try! AWSJSON.decode(DescribeAutomationStepExecutionsResponse.self, from: Data(json.utf8)).stepExecutions!
    }

    /// Every fixture, by name, for the tests that run over all of them.
    static var all: [(name: String, loaded: (AutomationExecution, [StepExecution]))] {
        allAnswers.map { ($0.name, decoded($0.answers)) }
    }

    static var allAnswers: [(name: String, answers: Answers)] {
        [
            ("aws-cross-account", crossAccountAnswers), ("aws-cross-account-url-only", crossAccountURLOnlyAnswers),
            ("aws-loop", loopAnswers), ("aws-150-steps", hundredFiftyStepsAnswers),
            ("aws-huge-non-ascii", hugeNonASCIIAnswers), ("aws-control-characters", controlCharactersAnswers),
            ("aws-future-members", futureMembersAnswers),
        ]
    }

    /// The file the end-to-end tests serve a fixture from: both bodies under their operation's name.
    static func recordedFile(_ answers: Answers) -> String {
        "{\"GetAutomationExecution\": \(answers.execution),\n \"DescribeAutomationStepExecutions\": \(answers.steps)}\n"
    }

    /// A cross-account run of AWS-RestartEC2Instance: two accounts, two Regions, alarms (one triggered),
    /// variables, a member this model does not know, and one aws:executeAutomation step per location.
    static var crossAccount: (AutomationExecution, [StepExecution]) { decoded(crossAccountAnswers) }

    static var crossAccountAnswers: Answers {
        let execution = (
            """
            {"AutomationExecution": {
              "AutomationExecutionId": "\(Fixtures.id(21))",
              "DocumentName": "AWS-RestartEC2Instance", "DocumentVersion": "1",
              "ExecutionStartTime": \(at(600)), "AutomationExecutionStatus": "InProgress",
              "Parameters": {"InstanceId": ["i-0123456789abcdef0"], "AutomationAssumeRole": ["arn:aws:iam::111122223333:role/AWS-SystemsManager-AutomationAdministrationRole"]},
              "Outputs": {}, "Mode": "Auto", "ExecutedBy": "\(Fixtures.alice)",
              "CurrentStepName": "restart", "CurrentAction": "aws:executeAutomation",
              "TargetLocations": [
                {"Accounts": ["111122223333", "444455556666"], "Regions": ["us-east-1", "eu-west-1"],
                 "TargetLocationMaxConcurrency": "2", "TargetLocationMaxErrors": "1",
                 "ExecutionRoleName": "AWS-SystemsManager-AutomationExecutionRole"}
              ],
              "ProgressCounters": {"TotalSteps": 4, "SuccessSteps": 2, "FailedSteps": 0, "CancelledSteps": 0, "TimedOutSteps": 0},
              "AlarmConfiguration": {"IgnorePollAlarmFailure": false, "Alarms": [{"Name": "cpu-high"}, {"Name": "errors-5xx"}]},
              "TriggeredAlarms": [{"Name": "cpu-high", "State": "ALARM"}],
              "Variables": {"RestartCount": ["2"]},
              "ChangeFreezeWindow": {"Name": "year-end", "Until": "2027-01-04"}
            }}
            """)
        func location(_ account: String, _ region: String, _ status: String, _ ago: TimeInterval, _ end: TimeInterval?) -> String {
            """
            {"StepName": "restart", "Action": "aws:executeAutomation", "StepStatus": "\(status)",
             "ExecutionStartTime": \(at(ago)), \(end.map { "\"ExecutionEndTime\": \(at($0)), " } ?? "")
             "StepExecutionId": "step-\(account)-\(region)",
             "Outputs": {"ExecutionId": ["child-\(account)-\(region)"]},
             "TargetLocation": {"Accounts": ["\(account)"], "Regions": ["\(region)"],
               "TargetLocationMaxConcurrency": "2", "TargetLocationMaxErrors": "1",
               "ExecutionRoleName": "AWS-SystemsManager-AutomationExecutionRole"}}
            """
        }
        let steps = (
            """
            {"StepExecutions": [
              \(location("111122223333", "us-east-1", "Success", 590, 400)),
              \(location("111122223333", "eu-west-1", "Success", 590, 380)),
              \(location("444455556666", "us-east-1", "InProgress", 390, nil)),
              {"StepName": "restart", "Action": "aws:executeAutomation", "StepStatus": "InProgress",
               "ExecutionStartTime": \(at(370)), "StepExecutionId": "step-444455556666-eu-west-1",
               "TargetLocation": {"Accounts": ["444455556666"], "Regions": ["eu-west-1"]},
               "TriggeredAlarms": [{"Name": "cpu-high", "State": "ALARM"}],
               "StepCostCenter": "ops-42"}
            ]}
            """)
        return (execution, steps)
    }

    /// A cross-account run whose targets come from a URL: no step rows, only progress counters.
    static var crossAccountURLOnly: (AutomationExecution, [StepExecution]) { decoded(crossAccountURLOnlyAnswers) }

    static var crossAccountURLOnlyAnswers: Answers {
        let execution = (
            """
            {"AutomationExecution": {
              "AutomationExecutionId": "\(Fixtures.id(22))", "DocumentName": "AWS-PatchInstanceWithRollback",
              "DocumentVersion": "4", "ExecutionStartTime": \(at(1200)), "AutomationExecutionStatus": "InProgress",
              "Mode": "Auto", "ExecutedBy": "\(Fixtures.alice)",
              "TargetLocationsURL": "https://s3.amazonaws.com/ops-targets/patch-wave-3.json",
              "ProgressCounters": {"TotalSteps": 12, "SuccessSteps": 7, "FailedSteps": 1, "CancelledSteps": 0, "TimedOutSteps": 1}
            }}
            """)
        return (execution, "{\"StepExecutions\": []}")
    }

    /// An aws:loop over three instances with two nested steps, listed by start time as the service does, so
    /// the iterations come interleaved with a later step.
    static var loop: (AutomationExecution, [StepExecution]) { decoded(loopAnswers) }

    static var loopAnswers: Answers {
        let execution = (
            """
            {"AutomationExecution": {
              "AutomationExecutionId": "\(Fixtures.id(23))", "DocumentName": "Ops-RestartEach",
              "DocumentVersion": "2", "ExecutionStartTime": \(at(300)), "AutomationExecutionStatus": "InProgress",
              "Mode": "Auto", "ExecutedBy": "\(Fixtures.alice)", "CurrentStepName": "restartEach",
              "CurrentAction": "aws:loop", "Variables": {"Restarted": ["i-0a1", "i-0b2"]},
              "ProgressCounters": {"TotalSteps": 8, "SuccessSteps": 5}
            }}
            """)
        func nested(_ name: String, _ action: String, _ iteration: Int, _ value: String, _ status: String, _ ago: TimeInterval) -> String {
            """
            {"StepName": "\(name)", "Action": "\(action)", "StepStatus": "\(status)", "ExecutionStartTime": \(at(ago)),
             \(status == "InProgress" ? "" : "\"ExecutionEndTime\": \(at(ago - 20)), ")
             "StepExecutionId": "step-\(name)-\(iteration)",
             "ParentStepDetails": {"StepExecutionId": "step-loop", "StepName": "restartEach", "Action": "aws:loop",
               "Iteration": \(iteration), "IteratorValue": "\(value)"}}
            """
        }
        let steps = (
            """
            {"StepExecutions": [
              {"StepName": "prepare", "Action": "aws:executeScript", "StepStatus": "Success",
               "ExecutionStartTime": \(at(300)), "ExecutionEndTime": \(at(295)), "StepExecutionId": "step-prepare"},
              {"StepName": "restartEach", "Action": "aws:loop", "StepStatus": "InProgress",
               "ExecutionStartTime": \(at(290)), "StepExecutionId": "step-loop",
               "Inputs": {"Iterators": "[\\"i-0a1\\",\\"i-0b2\\",\\"i-0c3\\"]", "IteratorDataType": "\\"String\\""}},
              \(nested("stop", "aws:changeInstanceState", 1, "i-0a1", "Success", 280)),
              \(nested("start", "aws:changeInstanceState", 1, "i-0a1", "Success", 250)),
              \(nested("stop", "aws:changeInstanceState", 2, "i-0b2", "Success", 200)),
              \(nested("start", "aws:changeInstanceState", 2, "i-0b2", "Success", 150)),
              {"StepName": "markRestarted", "Action": "aws:updateVariable", "StepStatus": "Success",
               "ExecutionStartTime": \(at(140)), "ExecutionEndTime": \(at(139)), "StepExecutionId": "step-mark",
               "ParentStepDetails": {"StepExecutionId": "step-loop", "StepName": "restartEach", "Action": "aws:loop", "Iteration": 2, "IteratorValue": "i-0b2"}},
              \(nested("stop", "aws:changeInstanceState", 3, "i-0c3", "InProgress", 100))
            ]}
            """)
        return (execution, steps)
    }

    /// 150 steps, 140 done and the last 10 running, as DescribeAutomationStepExecutions pages them (three pages
    /// of 50 joined); GetAutomationExecution says its own list is truncated.
    static var hundredFiftySteps: (AutomationExecution, [StepExecution]) { decoded(hundredFiftyStepsAnswers) }

    static var hundredFiftyStepsAnswers: Answers {
        let execution = (
            """
            {"AutomationExecution": {
              "AutomationExecutionId": "\(Fixtures.id(24))", "DocumentName": "Ops-LongRunbook", "DocumentVersion": "9",
              "ExecutionStartTime": \(at(3000)), "AutomationExecutionStatus": "InProgress", "Mode": "Auto",
              "ExecutedBy": "\(Fixtures.alice)", "CurrentStepName": "check141", "CurrentAction": "aws:executeScript",
              "StepExecutionsTruncated": true,
              "ProgressCounters": {"TotalSteps": 150, "SuccessSteps": 140}
            }}
            """)
        let rows = (1...150).map { number in
            let running = number > 140
            let start = 3000 - Double(number) * 19
            return """
                {"StepName": "check\(number)", "Action": "aws:executeScript", "StepStatus": "\(running ? "InProgress" : "Success")",
                 "ExecutionStartTime": \(at(start)), \(running ? "" : "\"ExecutionEndTime\": \(at(start - 18)), ")
                 "StepExecutionId": "step-\(number)", "MaxAttempts": 1, "OnFailure": "Abort"}
                """
        }
        return (execution, "{\"StepExecutions\": [\(rows.joined(separator: ","))]}")
    }

    /// A step whose outputs are long, multi-line (a script with indentation and tabs) and in many scripts:
    /// CJK, emoji with joiners, combining marks, zero-width characters, and a value of 20,000 characters.
    static var hugeNonASCII: (AutomationExecution, [StepExecution]) { decoded(hugeNonASCIIAnswers) }

    static var hugeNonASCIIAnswers: Answers {
        let execution = (
            """
            {"AutomationExecution": {
              "AutomationExecutionId": "\(Fixtures.id(25))", "DocumentName": "Ops-Inventory-日本語",
              "DocumentVersion": "1", "ExecutionStartTime": \(at(90)), "AutomationExecutionStatus": "Success",
              "ExecutionEndTime": \(at(30)), "Mode": "Auto", "ExecutedBy": "\(Fixtures.alice)",
              "Parameters": {"Note": ["Zoë's café — naïve façade, Ünïcödé"], "Blob": ["\(String(repeating: "0123456789abcdef", count: 1250))"]},
              "Outputs": {"collect.Summary": ["服务器 web-1 正常 ✅", "👩‍💻 team: 🇯🇵 Tokyo"]}
            }}
            """)
        let steps = (
            """
            {"StepExecutions": [
              {"StepName": "collect-データ", "Action": "aws:executeScript", "StepStatus": "Success",
               "ExecutionStartTime": \(at(90)), "ExecutionEndTime": \(at(30)), "StepExecutionId": "step-collect",
               "Inputs": {"Script": "\\"def handler(events, context):\\\\n    for host in events['Hosts']:\\\\n        if host:\\\\n\\\\t\\\\treturn {'ok': True}\\\\n    return {}\\"", "Runtime": "\\"python3.11\\""},
               "Outputs": {"collect.Hosts": ["ｗｅｂ－１ (full width)", "e\\u0301 a\\u0308 (combining)", "zero\\u200bwidth\\u200cjoiner\\ufeffbom"],
                           "collect.Family": ["👨‍👩‍👧 family 🏳️‍🌈 flag"],
                           "collect.Report": ["Report:\\n  hosts: 3\\n    web-1: ok, and a line long enough to wrap inside the details pane at eighty columns\\n\\tweb-2: tab-indented"]}}
            ]}
            """)
        return (execution, steps)
    }

    /// Text that would act on a terminal: ANSI escapes, a carriage return, a bell, a backspace, and
    /// bidirectional overrides and isolates in names, outputs and the failure message.
    static var controlCharacters: (AutomationExecution, [StepExecution]) { decoded(controlCharactersAnswers) }

    static var controlCharactersAnswers: Answers {
        let execution = (
            """
            {"AutomationExecution": {
              "AutomationExecutionId": "\(Fixtures.id(26))", "DocumentName": "Ops-\\u202eevil\\u202c-doc",
              "DocumentVersion": "1", "ExecutionStartTime": \(at(60)), "ExecutionEndTime": \(at(10)),
              "AutomationExecutionStatus": "Failed", "Mode": "Auto", "ExecutedBy": "\(Fixtures.alice)",
              "FailureMessage": "Step fails\\u001b[2J\\u001b[31m red \\r overwritten \\u0007 bell \\b back \\u2066isolate\\u2069 \\u2028 sep",
              "Outputs": {"run.Log": ["line one\\nline two\\r\\n\\u001b]2;pwned\\u0007 title"]}
            }}
            """)
        let steps = (
            """
            {"StepExecutions": [
              {"StepName": "run\\u202egnp.exe\\u202c", "Action": "aws:executeScript", "StepStatus": "Failed",
               "ExecutionStartTime": \(at(60)), "ExecutionEndTime": \(at(10)), "StepExecutionId": "step-run",
               "Outputs": {"run.Output": ["\\u200fRTL mark\\u200e and \\u061c arabic mark \\u202dLRO\\u202c \\u0085 next line \\u009b CSI"]},
               "FailureMessage": "\\u001b[1mbold\\u001b[0m then \\t tab",
               "FailureDetails": {"FailureStage": "Execution", "FailureType": "Verification",
                 "Details": {"ErrorMessage": ["\\u202eTerrible\\u202c"]}}}
            ]}
            """)
        return (execution, steps)
    }

    /// The answer of a later version of the API: members this model does not know at several depths, in the
    /// execution (top level, AlarmConfiguration, an alarm of it, TargetLocations, ProgressCounters) and in a step (top level, FailureDetails with an object value, TargetLocation,
    /// ParentStepDetails, Targets, TriggeredAlarms), beside the members AWS documents today.
    static var futureMembers: (AutomationExecution, [StepExecution]) { decoded(futureMembersAnswers) }

    static var futureMembersAnswers: Answers {
        let execution = (
            """
            {"AutomationExecution": {
              "AutomationExecutionId": "\(Fixtures.id(27))", "DocumentName": "AWS-RestartEC2Instance",
              "DocumentVersion": "3", "ExecutionStartTime": \(at(900)), "AutomationExecutionStatus": "Failed",
              "ExecutionEndTime": \(at(300)), "Mode": "Auto", "ExecutedBy": "\(Fixtures.alice)",
              "Parameters": {"InstanceId": ["i-0123456789abcdef0"]}, "Outputs": {},
              "TargetLocations": [
                {"Accounts": ["111122223333"], "Regions": ["us-east-1"], "ExecutionRoleName": "AutomationRole",
                 "RegionOrder": "Sequential"}
              ],
              "ProgressCounters": {"TotalSteps": 3, "SuccessSteps": 1, "FailedSteps": 1, "CancelledSteps": 0,
                "TimedOutSteps": 0, "SkippedSteps": 1},
              "AlarmConfiguration": {"IgnorePollAlarmFailure": true,
                "Alarms": [{"Name": "cpu-high", "Region": "us-west-2"}], "EvaluationPeriodSeconds": 60},
              "CostEstimate": {"Currency": "USD", "Amount": 0.42},
              "Priority": 3
            }}
            """)
        let steps = (
            """
            {"StepExecutions": [
              {"StepName": "eachInstance", "Action": "aws:loop", "StepStatus": "Failed",
               "ExecutionStartTime": \(at(895)), "ExecutionEndTime": \(at(300)), "StepExecutionId": "step-loop",
               "FailureMessage": "Iteration 1: Step startInstances failed."},
              {"StepName": "stopInstances", "Action": "aws:changeInstanceState", "StepStatus": "Success",
               "ExecutionStartTime": \(at(890)), "ExecutionEndTime": \(at(600)), "StepExecutionId": "step-stop",
               "Targets": [{"Key": "InstanceIds", "Values": ["i-0123456789abcdef0"], "MatchMode": "Exact"}],
               "TargetLocation": {"Accounts": ["111122223333"], "Regions": ["us-east-1"], "RegionOrder": "Sequential"},
               "ParentStepDetails": {"StepExecutionId": "step-loop", "Iteration": 1, "Action": "aws:loop",
                 "StepName": "eachInstance", "IteratorValue": "i-0123456789abcdef0", "IterationLabel": "first"},
               "EnergyUsedWattHours": 12.5},
              {"StepName": "startInstances", "Action": "aws:changeInstanceState", "StepStatus": "Failed",
               "ExecutionStartTime": \(at(590)), "ExecutionEndTime": \(at(300)), "StepExecutionId": "step-start",
               "ParentStepDetails": {"StepExecutionId": "step-loop", "Iteration": 1, "Action": "aws:loop",
                 "StepName": "eachInstance", "IteratorValue": "i-0123456789abcdef0"},
               "FailureMessage": "Step fails when it is verifying the instance state.",
               "FailureDetails": {"FailureStage": "Verification", "FailureType": "Verification",
                 "Details": {"ErrorMessage": ["timed out"]},
                 "Cause": {"Code": "InstanceLimitExceeded", "RetryAfterSeconds": 30}},
               "TriggeredAlarms": [{"Name": "cpu-high", "State": "ALARM", "StateReason": "Threshold crossed"}],
               "RemediationHint": "Raise the instance limit."}
            ]}
            """)
        return (execution, steps)
    }
}
