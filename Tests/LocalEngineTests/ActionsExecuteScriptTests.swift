import AutomationDocuments
import AutomationModel
import Foundation
import Testing

@testable import LocalEngine

@Suite("aws:executeScript runner")
struct ActionsExecuteScriptTests {
    private func runner(_ directory: ActionsTestDirectory) -> ExecuteScriptRunner {
        ExecuteScriptRunner(
            dataDirectory: directory.url, region: "us-east-2", pythonExecutable: nil, terminationGrace: 0.5)
    }

    private func inputs(_ script: String, handler: String = "script_handler", payload: JSONValue? = nil)
        -> [String: JSONValue]
    {
        var inputs: [String: JSONValue] = ["Runtime": "python3.8", "Handler": .string(handler), "Script": .string(script)]
        if let payload { inputs["InputPayload"] = payload }
        return inputs
    }

    private func run(
        _ directory: ActionsTestDirectory, _ inputs: [String: JSONValue], outputs: [OutputSelector] = []
    ) async -> ActionOutcome {
        await runner(directory).run(ActionsTest.invocation("aws:executeScript", inputs, outputs: outputs))
    }

    @Test func returnsThePayloadAndDeclaredOutputs() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let script = """
            def script_handler(events, context):
                print("working on", events["name"])
                return {"message": "hello " + events["name"], "count": events["count"] + 1, "tags": ["a", "b"]}
            """
        let outcome = await run(
            directory, inputs(script, payload: ["name": "world", "count": 41]),
            outputs: [
                OutputSelector(name: "message", selector: "$.Payload.message", type: "String"),
                OutputSelector(name: "count", selector: "$.Payload.count", type: "Integer"),
                OutputSelector(name: "tags", selector: "$.Payload.tags", type: "StringList"),
            ])
        #expect(outcome.succeeded, "\(outcome.result.failureMessage ?? "")")
        let outputs = outcome.result.outputs
        #expect(outputs["message"] == "hello world")
        #expect(outputs["count"] == .number(42))
        #expect(outputs["tags"] == ["a", "b"])
        #expect(outputs["Payload"] == ["message": "hello world", "count": 42, "tags": ["a", "b"]])
        #expect(outputs["OutputPayload"] == .string(#"{"Payload":{"count":42,"message":"hello world","tags":["a","b"]}}"#))
        #expect(outcome.result.response == "working on world\n")
        #expect(directory.processRecords.isEmpty)
    }

    @Test func printsThatLookLikeResultsStayInTheLog() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let script = """
            import subprocess
            def script_handler(events, context):
                print('{"Payload": "fake"}')
                subprocess.run(["echo", "from a child"])
                return "real"
            """
        let outcome = await run(directory, inputs(script))
        #expect(outcome.result.outputs["Payload"] == "real")
        #expect(outcome.result.response?.contains(#"{"Payload": "fake"}"#) == true)
        #expect(outcome.result.response?.contains("from a child") == true)
    }

    @Test func scalarListAndNoneResults() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let list = await run(directory, inputs("def script_handler(e, c):\n    return [1, 'two', None]\n"))
        #expect(list.result.outputs["Payload"] == [1, "two", .null])
        let none = await run(directory, inputs("def script_handler(e, c):\n    pass\n"))
        #expect(none.succeeded)
        #expect(none.result.outputs["Payload"] == .null)
    }

    @Test func contextCarriesTheExecution() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let outcome = await run(
            directory, inputs("def script_handler(events, context):\n    return context\n"))
        #expect(outcome.result.outputs["Payload"]?["automation:EXECUTION_ID"] == "00000000-0000-4000-8000-000000000001")
        #expect(outcome.result.outputs["Payload"]?["global:REGION"] == "us-east-2")
    }

    @Test func anExceptionFailsWithTypeMessageAndTraceback() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let script = """
            def check(value):
                raise ValueError("value %s is too big" % value)

            def script_handler(events, context):
                print("checking")
                check(events["value"])
            """
        let outcome = await run(directory, inputs(script, payload: ["value": 99]))
        #expect(!outcome.succeeded)
        let message = try #require(outcome.result.failureMessage)
        #expect(message.contains("raised ValueError: value 99 is too big"))
        #expect(message.contains("Traceback (most recent call last)"))
        #expect(message.contains(#"File "script.py", line 2, in check"#))
        #expect(message.contains(#"raise ValueError("value %s is too big" % value)"#))
        let details = try #require(outcome.result.failureDetails)
        #expect(details.failureType == "Action")
        #expect(details.details?["ErrorType"] == ["ValueError"])
        #expect(details.details?["ErrorMessage"] == ["value 99 is too big"])
        #expect(details.details?["StackTrace"]?.contains(#"  File "script.py", line 6, in script_handler"#) == true)
        #expect(outcome.result.response == "checking\n")
    }

    @Test func mistakesInTheScriptAreExplained() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let missing = await run(directory, inputs("def other(e, c):\n    return 1\n", handler: "script_handler"))
        #expect(missing.result.failureMessage?.contains("no function named 'script_handler'") == true)
        #expect(missing.result.failureMessage?.contains("other") == true)
        let syntax = await run(directory, inputs("def script_handler(e, c)\n    return 1\n"))
        #expect(syntax.result.failureMessage?.contains("SyntaxError") == true)
        #expect(syntax.result.failureDetails?.failureType == "Verification")
        let notJSON = await run(directory, inputs("def script_handler(e, c):\n    return {1, 2}\n"))
        #expect(notJSON.result.failureMessage?.contains("cannot be written as JSON") == true)
        let exits = await run(directory, inputs("import sys\ndef script_handler(e, c):\n    sys.exit(4)\n"))
        #expect(exits.result.failureMessage?.contains("SystemExit") == true)
    }

    @Test func onlyInlinePython3IsAccepted() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        for runtime: JSONValue in ["python3.11", "python3.6", "Python3.12"] {
            var accepted = inputs("def script_handler(e, c):\n    return 'ok'\n")
            accepted["Runtime"] = runtime
            #expect(await run(directory, accepted).result.outputs["Payload"] == "ok")
        }
        for runtime: JSONValue in ["PowerShell 7.4", "python2.7", "python3", "nodejs"] {
            var refused = inputs("def script_handler(e, c):\n    return 'ok'\n")
            refused["Runtime"] = runtime
            let outcome = await run(directory, refused)
            #expect(outcome.result.failureMessage?.contains("Python 3 scripts only") == true)
        }
        var attachment = inputs("def script_handler(e, c):\n    return 'ok'\n")
        attachment["Attachment"] = "code.zip"
        #expect(await run(directory, attachment).result.failureMessage?.contains("Attachment is not supported") == true)
        var noScript = inputs("")
        noScript["Script"] = nil
        #expect(await run(directory, noScript).result.failureMessage?.contains("needs an inline Script") == true)
        #expect(await run(directory, inputs("x = 1", payload: "[1]")).result.failureMessage?
            .contains("InputPayload must be a map") == true)
    }

    @Test func inputPayloadMayBeJSONText() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let outcome = await run(
            directory, inputs("def script_handler(e, c):\n    return e['a']\n", payload: #"{"a": [1, 2]}"#))
        #expect(outcome.result.outputs["Payload"] == [1, 2])
    }

    @Test func aSelectorThatFindsNothingFailsTheStep() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let outcome = await run(
            directory, inputs("def script_handler(e, c):\n    return {'a': 1}\n"),
            outputs: [OutputSelector(name: "missing", selector: "$.Payload.b", type: "String")])
        #expect(!outcome.succeeded)
        #expect(outcome.result.failureDetails?.failureStage == "PostVerification")
        #expect(outcome.result.failureMessage?.contains("missing") == true)
    }

    @Test func cancellingStopsTheScriptPromptly() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let pidFile = directory.url.appendingPathComponent("python.pid").path
        let scripts = runner(directory)
        let script = """
            import os, time
            def script_handler(e, c):
                with open(\(JSONValue.string(pidFile).jsonText), "w") as f:
                    f.write(str(os.getpid()) + "\\n")
                time.sleep(60)
            """
        let task = Task { await scripts.run(ActionsTest.invocation("aws:executeScript", inputs(script))) }
        let pid = try #require(await ActionsTest.readWhenWritten(pidFile).flatMap { Int32($0) })
        let cancelledAt = Date()
        task.cancel()
        let outcome = await task.value
        #expect(Date().timeIntervalSince(cancelledAt) < 2)
        #expect(!outcome.succeeded)
        #expect(outcome.result.failureMessage?.contains("step was stopped") == true)
        #expect(await ActionsTest.waitUntilGone(pid))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent("scripts").path)
        #expect(leftovers.isEmpty)
    }

    @Test func aMissingPythonIsReported() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let runner = ExecuteScriptRunner(
            dataDirectory: directory.url, region: nil, pythonExecutable: nil, terminationGrace: 0.5,
            environment: ["PATH": directory.path])
        let outcome = await runner.run(
            ActionsTest.invocation("aws:executeScript", inputs("def script_handler(e, c):\n    return 1\n")))
        #expect(outcome.result.failureMessage?.contains("needs python3, which is not on PATH") == true)
    }
}
