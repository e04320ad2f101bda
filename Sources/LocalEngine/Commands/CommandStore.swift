import AutomationModel
import Foundation

/// The local Run Command's records, in `<dataDirectory>/commands/<command-id>/`: `command.json` (a
/// `CommandRecord`) and, per instance, `<instance-id>/stdout` and `stderr`, which grow as the command writes
/// them, so a read while it runs sees what it has written so far. Files rather than the engine's database so
/// the runner, which runs outside the engine's actor, writes them as the command goes.
struct CommandStore: Sendable {
    let directory: URL

    init(dataDirectory: URL) {
        directory = dataDirectory.appendingPathComponent("commands", isDirectory: true)
    }

    private func recordFile(_ commandId: String) -> URL {
        directory.appendingPathComponent(commandId, isDirectory: true).appendingPathComponent("command.json")
    }

    func outputFiles(commandId: String, instanceId: String) -> ProcessOutputFiles {
        let base = directory.appendingPathComponent(commandId, isDirectory: true)
            .appendingPathComponent(instanceId, isDirectory: true)
        return ProcessOutputFiles(
            standardOutput: base.appendingPathComponent("stdout"), standardError: base.appendingPathComponent("stderr"))
    }

    func save(_ record: CommandRecord) throws {
        let file = recordFile(record.commandId)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AWSJSON.encode(record).write(to: file, options: .atomic)
    }

    /// The record of `commandId`, or nil when there is none.
    func record(_ commandId: String) -> CommandRecord? {
        guard let data = try? Data(contentsOf: recordFile(commandId)) else { return nil }
        return try? AWSJSON.decoder().decode(CommandRecord.self, from: data)
    }

    /// Every command, newest first.
    func records() -> [CommandRecord] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.compactMap(record).sorted {
            ($0.command.requestedDateTime ?? .distantPast, $0.commandId) > ($1.command.requestedDateTime ?? .distantPast, $1.commandId)
        }
    }

    /// What one instance's command has written so far to stdout and stderr.
    func output(commandId: String, instanceId: String) -> (standardOutput: String, standardError: String) {
        let files = outputFiles(commandId: commandId, instanceId: instanceId)
        func text(_ url: URL) -> String {
            guard let data = try? Data(contentsOf: url) else { return "" }
            return String(decoding: data, as: UTF8.self)
        }
        return (text(files.standardOutput), text(files.standardError))
    }

    /// Ends the invocations a stopped engine left running: their processes were killed with it.
    func endInterruptedInvocations(at time: Date) {
        for var record in records() where !(record.command.status ?? .pending).isTerminal {
            for index in record.invocations.indices where !record.invocations[index].status.isTerminal {
                record.invocations[index].ended(.failed, responseCode: -1, at: time)
            }
            record.summarize()
            try? save(record)
        }
    }
}

/// A command's record as its instances' tasks change it: each change is written at once, one at a time.
final class CommandProgress: Sendable {
    private let store: CommandStore
    private let record: LockedValue<CommandRecord>

    init(store: CommandStore, record: CommandRecord) {
        self.store = store
        self.record = LockedValue(record)
        update { _ in }
    }

    func update(_ change: (inout CommandRecord) -> Void) {
        record.withLock { record in
            change(&record)
            record.summarize()
            // A record that cannot be written leaves the reads behind; the step's own result is unaffected.
            try? store.save(record)
        }
    }

    func updateInvocation(_ instanceId: String, _ change: (inout InvocationRecord) -> Void) {
        update { record in
            guard let index = record.invocations.firstIndex(where: { $0.instanceId == instanceId }) else { return }
            change(&record.invocations[index])
        }
    }
}
