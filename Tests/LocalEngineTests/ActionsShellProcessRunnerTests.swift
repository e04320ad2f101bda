import Foundation
import Testing

@testable import LocalEngine

#if canImport(Glibc)
import Glibc
#endif

@Suite("Shell process runner")
struct ActionsShellProcessRunnerTests {
    private func runner(_ directory: ActionsTestDirectory, grace: Double = 0.5) -> ShellProcessRunner {
        ShellProcessRunner(dataDirectory: directory.url, terminationGrace: grace, outputDrainGrace: 0.5)
    }

    @Test func capturesStdoutStderrAndExitCode() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let result = try await runner(directory).run(
            .shell("echo out; echo err >&2; exit 3", stepExecutionId: "s-1"))
        #expect(result.ending == .exited(3))
        #expect(result.exitCode == 3)
        #expect(result.stopReason == nil)
        #expect(result.standardOutput.text == "out\n")
        #expect(result.standardError.text == "err\n")
        #expect(!result.succeeded)
    }

    @Test func largeOutputOnBothStreamsDoesNotDeadlockAndIsBounded() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        // 2 MB on each stream at the same time, far more than a pipe buffer holds.
        let script = "head -c 2000000 /dev/zero | tr '\\0' a & head -c 2000000 /dev/zero | tr '\\0' b >&2; wait"
        let result = try await runner(directory).run(.shell(script, stepExecutionId: "s-big"))
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.totalBytes == 2_000_000)
        #expect(result.standardError.totalBytes == 2_000_000)
        #expect(result.standardOutput.isTruncated && result.standardError.isTruncated)
        #expect(result.standardOutput.text.count == 24_000)
        #expect(result.standardOutput.text.allSatisfy { $0 == "a" })
        #expect(result.standardError.text.allSatisfy { $0 == "b" })
    }

    @Test func truncationNeverSplitsACharacter() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        var request = ProcessRequest.shell("printf 'aé'", stepExecutionId: "s-utf8")
        request.standardOutputLimit = 2
        let result = try await runner(directory).run(request)
        #expect(result.standardOutput.text == "a")
        #expect(result.standardOutput.isTruncated)
        #expect(result.standardOutput.totalBytes == 3)
    }

    @Test func usesWorkingDirectoryEnvironmentAndEmptyStdin() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let result = try await runner(directory).run(
            .shell(
                "pwd; echo \"$GREETING\"; cat; echo end", stepExecutionId: "s-env",
                environment: ["GREETING": "hello there", "PATH": "/usr/bin:/bin"], workingDirectory: directory.path))
        let expectedDirectory = URL(fileURLWithPath: directory.path).resolvingSymlinksInPath().path
        #expect(result.standardOutput.text == "\(expectedDirectory)\nhello there\nend\n")
    }

    @Test func runsInItsOwnSessionAndProcessGroup() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let result = try await runner(directory).run(
            .shell("echo $$ $(cut -d' ' -f5,6 /proc/$$/stat)", stepExecutionId: "s-sid"))
        let fields = result.standardOutput.text.split(whereSeparator: \.isWhitespace)
        #expect(fields.count == 3)
        #expect(Set(fields).count == 1, "pid, process group and session should all be the shell's pid: \(fields)")
        #expect(String(fields[0]) != String(getpid()))
    }

    @Test func timeoutStopsTheWholeGroup() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let pidFile = directory.url.appendingPathComponent("child.pid").path
        let started = Date()
        let result = try await runner(directory).run(
            .shell("sleep 30 & echo $! > '\(pidFile)'; wait", stepExecutionId: "s-timeout", timeout: 0.5))
        #expect(result.stopReason == .timedOut)
        #expect(Date().timeIntervalSince(started) < 5)
        let child = try #require(pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(await ActionsTest.waitUntilGone(child))
    }

    @Test func processesIgnoringSIGTERMAreKilledAfterTheGracePeriod() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let started = Date()
        let result = try await runner(directory, grace: 0.5).run(
            .shell("trap '' TERM; sleep 30", stepExecutionId: "s-stubborn", timeout: 0.3))
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.stopReason == .timedOut)
        #expect(result.ending == .signalled(SIGKILL))
        #expect(elapsed >= 0.7 && elapsed < 5, "took \(elapsed) s")
    }

    @Test func cancellingTheTaskKillsTheGroupAndReturnsPromptly() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let pidFile = directory.url.appendingPathComponent("child.pid").path
        let processes = runner(directory)
        let task = Task {
            try await processes.run(.shell("sleep 30 & echo $! > '\(pidFile)'; wait", stepExecutionId: "s-cancel"))
        }
        let child = try #require(await ActionsTest.readWhenWritten(pidFile).flatMap { pid_t($0) })
        let cancelledAt = Date()
        task.cancel()
        let result = try await task.value
        #expect(Date().timeIntervalSince(cancelledAt) < 2)
        #expect(result.stopReason == .cancelled)
        #expect(await ActionsTest.waitUntilGone(child))
        #expect(directory.processRecords.isEmpty)
    }

    /// A child that leaves the step's session with setsid and ignores SIGTERM, writing its PID to `pidFile`.
    private static func escapingChild(_ pidFile: String) -> String {
        "setsid sh -c 'trap \"\" TERM; echo $$ > \(pidFile).tmp; mv \(pidFile).tmp \(pidFile); exec sleep 300' </dev/null >/dev/null 2>&1 &"
    }

    private static func escapedPID(_ pidFile: String) async throws -> pid_t {
        let text = await ActionsTest.readWhenWritten(pidFile, seconds: 10)
        return try #require(text.flatMap { pid_t($0) }, "the setsid child did not write its PID")
    }

    @Test func aSetsidChildIgnoringSIGTERMIsGoneAfterTheTimeout() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let pidFile = directory.url.appendingPathComponent("escaped.pid").path
        let result = try await runner(directory).run(
            .shell("\(Self.escapingChild(pidFile)) sleep 300", stepExecutionId: "s-setsid-timeout-\(UUID())", timeout: 1))
        #expect(result.stopReason == .timedOut)
        let escaped = try await Self.escapedPID(pidFile)
        #expect(await ActionsTest.waitUntilGone(escaped), "the setsid child \(escaped) outlived the step's timeout")
    }

    @Test func aSetsidChildIgnoringSIGTERMIsGoneAfterCancel() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let pidFile = directory.url.appendingPathComponent("escaped.pid").path
        let processes = runner(directory)
        let task = Task {
            try await processes.run(.shell("\(Self.escapingChild(pidFile)) sleep 300", stepExecutionId: "s-setsid-cancel-\(UUID())"))
        }
        let escaped = try await Self.escapedPID(pidFile)
        task.cancel()
        let result = try await task.value
        #expect(result.stopReason == .cancelled)
        #expect(await ActionsTest.waitUntilGone(escaped), "the setsid child \(escaped) outlived the cancelled step")
    }

    @Test func aSetsidChildIsGoneWhenItsStepEnds() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let pidFile = directory.url.appendingPathComponent("escaped.pid").path
        let result = try await runner(directory).run(
            .shell(
                "\(Self.escapingChild(pidFile)) while [ ! -s \(pidFile) ]; do sleep 0.05; done; echo done",
                stepExecutionId: "s-setsid-end-\(UUID())"))
        #expect(result.exitCode == 0)
        let escaped = try await Self.escapedPID(pidFile)
        #expect(await ActionsTest.waitUntilGone(escaped), "the setsid child \(escaped) outlived its step")
    }

    @Test func anAlreadyCancelledTaskStartsNothing() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let marker = directory.url.appendingPathComponent("ran").path
        let processes = runner(directory)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await processes.run(.shell("touch '\(marker)'", stepExecutionId: "s-pre"))
        }
        let result = try await task.value
        #expect(result.stopReason == .cancelled)
        #expect(result.ending == .notStarted)
        try await Task.sleep(nanoseconds: 200_000_000)
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func backgroundProcessesHoldingTheOutputDoNotHangTheStep() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let pidFile = directory.url.appendingPathComponent("child.pid").path
        let started = Date()
        let result = try await runner(directory).run(
            .shell("sleep 30 & echo $! > '\(pidFile)'; echo done", stepExecutionId: "s-bg"))
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.text == "done\n")
        #expect(Date().timeIntervalSince(started) < 4)
        let child = try #require(pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(await ActionsTest.waitUntilGone(child))
    }

    @Test func waitingDoesNotOccupyTheConcurrencyPool() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let processes = runner(directory)
        let started = Date()
        // Far more waits than the cooperative pool has threads; they must overlap.
        try await withThrowingTaskGroup(of: Int32?.self) { group in
            for index in 0..<12 {
                group.addTask { try await processes.run(.shell("sleep 1", stepExecutionId: "s-\(index)")).exitCode }
            }
            for try await code in group { #expect(code == 0) }
        }
        #expect(Date().timeIntervalSince(started) < 4)
    }

    @Test func recordsTheLiveGroupAndForgetsItAfterwards() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let processes = runner(directory)
        let gate = directory.url.appendingPathComponent("gate").path
        let task = Task {
            try await processes.run(
                .shell("while [ ! -e '\(gate)' ]; do sleep 0.05; done", stepExecutionId: "step-exec-42"))
        }
        var records: [String] = []
        for _ in 0..<100 where records.isEmpty {
            records = directory.processRecords
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        let record = try #require(records.first)
        let text = try String(
            contentsOf: directory.url.appendingPathComponent("processes").appendingPathComponent(record), encoding: .utf8)
        #expect(text.split(separator: "\n").first == "step-exec-42")
        #expect(pid_t(record) != nil)
        _ = FileManager.default.createFile(atPath: gate, contents: nil)
        _ = try await task.value
        #expect(directory.processRecords.isEmpty)
    }

    @Test func reportsWhyAProcessCannotStart() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let missing = ProcessRequest(
            executable: "/nonexistent/tool", arguments: [], environment: [:], workingDirectory: nil, timeout: nil,
            stepExecutionId: "s-missing")
        await #expect(throws: ProcessLaunchError.self) { try await runner(directory).run(missing) }
        do {
            _ = try await runner(directory).run(missing)
        } catch {
            #expect(error.message.contains("/nonexistent/tool"))
            #expect(error.message.contains("No such file"))
        }
        #expect(directory.processRecords.isEmpty)
    }
}

@Suite("Leftover process groups")
struct ActionsLeftoverProcessTests {
    /// Starts a group the way the runner does, but records it as owned by an engine that has died.
    private func orphanedGroup(_ directory: ActionsTestDirectory, stepExecutionId: String, ownerAlive: Bool)
        throws -> SpawnedProcess
    {
        try ProcessGroupRegistry.prepare(in: directory.url)
        let spawned = try ProcessSpawner.spawn(
            executable: "/bin/sh", arguments: ["-c", "sleep 60 & sleep 60"], environment: [:], workingDirectory: nil)
        var record = ProcessGroupRecord(stepExecutionId: stepExecutionId, processGroupId: spawned.pid)
        if !ownerAlive {
            // An owner ID that cannot be a running process of this boot.
            record.owner = ProcessIdentity(pid: spawned.pid, startTicks: 1)
        }
        try ProcessGroupRegistry.register(record, in: directory.url)
        return spawned
    }

    private func reap(_ spawned: SpawnedProcess) {
        var status: Int32 = 0
        waitpid(spawned.pid, &status, 0)
        close(spawned.standardOutput)
        close(spawned.standardError)
    }

    @Test func killsGroupsLeftByADeadEngineAndReturnsTheirSteps() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let spawned = try orphanedGroup(directory, stepExecutionId: "lost-step", ownerAlive: false)
        defer { reap(spawned) }
        #expect(ActionsTest.isRunning(spawned.pid))
        let killed = ShellProcessRunner.killLeftoverProcesses(in: directory.url)
        #expect(killed == ["lost-step"])
        #expect(kill(-spawned.pid, 0) == -1 || !ActionsTest.isRunning(spawned.pid))
        #expect(await ActionsTest.waitUntilGone(spawned.pid))
        #expect(directory.processRecords.isEmpty)
    }

    @Test func leavesGroupsOfARunningEngineAlone() throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let spawned = try orphanedGroup(directory, stepExecutionId: "live-step", ownerAlive: true)
        defer {
            kill(-spawned.pid, SIGKILL)
            reap(spawned)
        }
        #expect(ShellProcessRunner.killLeftoverProcesses(in: directory.url).isEmpty)
        #expect(ActionsTest.isRunning(spawned.pid))
        #expect(directory.processRecords == [String(spawned.pid)])
    }

    @Test func forgetsRecordsWhoseGroupIsAlreadyGone() throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let spawned = try orphanedGroup(directory, stepExecutionId: "gone-step", ownerAlive: false)
        kill(-spawned.pid, SIGKILL)
        reap(spawned)
        #expect(ShellProcessRunner.killLeftoverProcesses(in: directory.url) == ["gone-step"])
        #expect(directory.processRecords.isEmpty)
    }

    @Test func aRecordParsesBackToWhatWasWritten() {
        let record = ProcessGroupRecord(stepExecutionId: "abc", processGroupId: getpid())
        let parsed = ProcessGroupRecord(text: record.text, processGroupId: getpid())
        #expect(parsed == record)
        #expect(record.text.hasPrefix("abc\n"))
        #expect(ProcessGroupRecord(text: "", processGroupId: 5) == nil)
    }

    @Test func emptyOrMissingRegistryIsFine() throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        #expect(ShellProcessRunner.killLeftoverProcesses(in: directory.url).isEmpty)
    }
}
