import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file per live step process group, `<dataDirectory>/processes/<pgid>`, so an engine that restarts
/// after dying can find and kill what the previous one left running.
///
/// The file's first line is the step execution ID; the next lines identify the boot, the group leader and
/// the engine that owns the group, so a reused process ID or a still-running engine is never mistaken for
/// a leftover.
struct ProcessGroupRecord: Sendable, Hashable {
    var stepExecutionId: String
    var processGroupId: pid_t
    var bootId: String?
    var leader: ProcessIdentity
    var owner: ProcessIdentity

    var text: String {
        """
        \(stepExecutionId)
        boot=\(bootId ?? "")
        leader-start=\(leader.startTicks.map(String.init) ?? "")
        owner=\(owner.pid):\(owner.startTicks.map(String.init) ?? "")

        """
    }

    init(stepExecutionId: String, processGroupId: pid_t) {
        self.stepExecutionId = stepExecutionId
        self.processGroupId = processGroupId
        bootId = ProcessIdentity.bootId
        leader = ProcessIdentity.of(processGroupId)
        owner = ProcessIdentity.of(getpid())
    }

    init?(text: String, processGroupId: pid_t) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, !first.isEmpty else { return nil }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        stepExecutionId = first
        self.processGroupId = processGroupId
        bootId = fields["boot"].flatMap { $0.isEmpty ? nil : $0 }
        leader = ProcessIdentity(pid: processGroupId, startTicks: fields["leader-start"].flatMap { UInt64($0) })
        let ownerParts = (fields["owner"] ?? "").split(separator: ":", omittingEmptySubsequences: false)
        guard let ownerPid = ownerParts.first.flatMap({ pid_t($0) }) else { return nil }
        owner = ProcessIdentity(pid: ownerPid, startTicks: ownerParts.dropFirst().first.flatMap { UInt64($0) })
    }
}

enum ProcessGroupRegistry {
    static func directory(in dataDirectory: URL) -> URL {
        dataDirectory.appendingPathComponent("processes", isDirectory: true)
    }

    static func prepare(in dataDirectory: URL) throws(ProcessLaunchError) {
        let folder = directory(in: dataDirectory)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ProcessLaunchError(
                message: "could not create the process registry folder \(folder.path): \(error.localizedDescription); check that the data directory is writable")
        }
    }

    static func register(_ record: ProcessGroupRecord, in dataDirectory: URL) throws(ProcessLaunchError) {
        let file = directory(in: dataDirectory).appendingPathComponent(String(record.processGroupId))
        do {
            try record.text.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            throw ProcessLaunchError(
                message: "could not record the process group in \(file.path): \(error.localizedDescription); check that the data directory is writable")
        }
    }

    static func unregister(processGroupId: pid_t, in dataDirectory: URL) {
        let file = directory(in: dataDirectory).appendingPathComponent(String(processGroupId))
        try? FileManager.default.removeItem(at: file)
    }

    /// Records whose owning engine is gone, oldest group ID first.
    static func leftovers(in dataDirectory: URL) -> [(file: URL, record: ProcessGroupRecord?)] {
        let folder = directory(in: dataDirectory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.compactMap { name -> (URL, ProcessGroupRecord?)? in
            guard let pgid = pid_t(name), pgid > 1 else { return nil }
            let file = folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { return (file, nil) }
            let record = ProcessGroupRecord(text: text, processGroupId: pgid)
            if let record, record.bootId == ProcessIdentity.bootId, record.owner.isAlive { return nil }
            return (file, record)
        }.sorted { ($0.1?.processGroupId ?? 0) < ($1.1?.processGroupId ?? 0) }
    }
}

extension ShellProcessRunner {
    /// Kills the process groups a previous engine left running in `dataDirectory` and forgets them.
    /// Groups still owned by a running engine are left alone; a group whose leader ID now belongs to an
    /// unrelated process, or that predates a reboot, is forgotten without signalling anyone.
    /// Returns the step execution IDs of every leftover group found, whether or not it was still alive:
    /// each of those steps lost its process.
    public static func killLeftoverProcesses(in dataDirectory: URL) -> [String] {
        let found = ProcessGroupRegistry.leftovers(in: dataDirectory)
        var signalled: [pid_t] = []
        for (_, record) in found {
            guard let record, record.bootId == ProcessIdentity.bootId else { continue }
            let leaderReused = record.leader.startTicks != nil
                && ProcessIdentity.startTicks(of: record.processGroupId).map { $0 != record.leader.startTicks } == true
            guard !leaderReused else { continue }
            if kill(-record.processGroupId, SIGTERM) == 0 { signalled.append(record.processGroupId) }
        }
        // Give the groups a moment to exit cleanly, then force the rest.
        let deadline = Date().addingTimeInterval(1)
        while Date() < deadline, signalled.contains(where: { kill(-$0, 0) == 0 }) { usleep(20_000) }
        for group in signalled { kill(-group, SIGKILL) }
        // Processes that left their group (setsid) still carry their step's marker.
        for case let (_, record?) in found where record.bootId == ProcessIdentity.bootId {
            StepProcessTree.signal(
                SIGKILL, StepProcessTree.leftoverMarker(stepExecutionId: record.stepExecutionId), leader: nil,
                anywhere: true)
        }
        for (file, _) in found { try? FileManager.default.removeItem(at: file) }
        return found.compactMap { $0.record?.stepExecutionId }
    }
}
