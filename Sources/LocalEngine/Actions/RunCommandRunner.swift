import AutomationModel
import Foundation

/// Runs aws:runCommand steps with AWS-RunShellScript on this computer, once per selected managed
/// instance, each instance in its own directory `<dataDirectory>/instances/<instance-id>/` by default.
public struct RunCommandRunner: StepActionRunner {
    public let actions: Set<String> = [AutomationActionName.runCommand.rawValue]
    let dataDirectory: URL
    let registry: ManagedInstanceRegistry
    let region: String?
    let processes: ShellProcessRunner
    let baseEnvironment: [String: String]
    /// Where the commands it sends are kept for the Run Command reads.
    let commands: CommandStore

    public init(dataDirectory: URL, instances: ManagedInstanceRegistry = ManagedInstanceRegistry(), region: String?) {
        self.init(dataDirectory: dataDirectory, instances: instances, region: region, terminationGrace: 2)
    }

    init(
        dataDirectory: URL, instances: ManagedInstanceRegistry, region: String?, terminationGrace: Double,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.dataDirectory = dataDirectory
        registry = instances
        self.region = region
        processes = ShellProcessRunner(dataDirectory: dataDirectory, terminationGrace: terminationGrace)
        baseEnvironment = environment
        commands = CommandStore(dataDirectory: dataDirectory)
    }

    /// Where commands for `instanceId` run when the step names no workingDirectory.
    public static func defaultDirectory(for instanceId: String, in dataDirectory: URL) -> URL {
        dataDirectory.appendingPathComponent("instances", isDirectory: true)
            .appendingPathComponent(instanceId, isDirectory: true)
    }

    public func run(_ invocation: ActionInvocation) async -> ActionOutcome {
        let request: RunCommandRequest
        do {
            request = try RunCommandRequest(inputs: invocation.inputs, registry: registry)
        } catch {
            return Self.failedBeforeRunning(error)
        }
        let commandId = UUID().uuidString.lowercased()
        let directories: [String: String]
        do {
            directories = try workingDirectories(for: request)
        } catch {
            return Self.failedBeforeRunning(error)
        }
        let progress = CommandProgress(store: commands, record: commandRecord(commandId, request: request))
        invocation.reportOutputs(["CommandId": .string(commandId)])
        let results = await withTaskGroup(of: InstanceCommandResult.self) { group in
            for instance in request.instances {
                group.addTask {
                    progress.updateInvocation(instance.id) { $0.started(at: Date()) }
                    let result = await runCommand(
                        request, on: instance, in: directories[instance.id] ?? "",
                        stepExecutionId: invocation.stepExecutionId,
                        outputFiles: commands.outputFiles(commandId: commandId, instanceId: instance.id))
                    progress.updateInvocation(instance.id) {
                        $0.ended(CommandStatus(rawValue: result.status.rawValue), responseCode: result.responseCode, at: Date())
                    }
                    return result
                }
            }
            var collected: [InstanceCommandResult] = []
            for await result in group { collected.append(result) }
            let order = request.instances.map(\.id)
            return collected.sorted { order.firstIndex(of: $0.instanceId)! < order.firstIndex(of: $1.instanceId)! }
        }
        return outcome(of: results, commandId: commandId, request: request)
    }

    /// The command as Run Command lists it when it is sent: every instance Pending.
    private func commandRecord(_ commandId: String, request: RunCommandRequest) -> CommandRecord {
        let requested = Date()
        var command = Command(commandId: commandId)
        command.documentName = LocalActionSupport.runShellScriptDocument
        command.documentVersion = "$DEFAULT"
        command.comment = ""
        command.parameters = [
            "commands": request.commands, "executionTimeout": [String(request.executionTimeout)],
        ]
        if !request.workingDirectory.isEmpty { command.parameters?["workingDirectory"] = [request.workingDirectory] }
        command.instanceIds = request.instances.map(\.id)
        command.targets = []
        command.requestedDateTime = requested
        command.timeoutSeconds = RunCommandRequest.deliveryTimeout
        command.expiresAfter = requested.addingTimeInterval(TimeInterval(RunCommandRequest.deliveryTimeout))
        command.outputS3Region = region ?? ""
        command.outputS3BucketName = ""
        command.outputS3KeyPrefix = ""
        command.maxConcurrency = "50"
        command.maxErrors = "0"
        command.serviceRole = ""
        command.notificationConfig = NotificationConfig(notificationArn: "", notificationEvents: [], notificationType: "")
        command.cloudWatchOutputConfig = CloudWatchOutputConfig(cloudWatchLogGroupName: "", cloudWatchOutputEnabled: false)
        let invocations = request.instances.map {
            InvocationRecord(instanceId: $0.id, instanceName: $0.tags["Name"] ?? "")
        }
        return CommandRecord(command: command, invocations: invocations)
    }

    /// A step that failed before any command ran still has its outputs, as SSM's do, so the step its
    /// onFailure leads to (such as SendTaskFailure) can report them.
    static func failedBeforeRunning(_ failure: ActionFailure) -> ActionOutcome {
        .failed(
            ActionResult(
                outputs: ["CommandId": "", "Status": "Failed", "ResponseCode": -1, "Output": .string(failure.message)],
                responseCode: "-1", failureMessage: failure.message, failureDetails: failure.failureDetails))
    }

    /// The directory each instance's command starts in; the defaults are created, an explicit one must exist.
    private func workingDirectories(for request: RunCommandRequest) throws(ActionFailure) -> [String: String] {
        var directories: [String: String] = [:]
        for instance in request.instances {
            let defaultDirectory = Self.defaultDirectory(for: instance.id, in: dataDirectory)
            if request.workingDirectory.isEmpty {
                do {
                    try FileManager.default.createDirectory(at: defaultDirectory, withIntermediateDirectories: true)
                } catch {
                    throw ActionFailure(
                        "\(AutomationActionName.runCommand) could not create the default working directory \(defaultDirectory.path) for \(instance.id): \(error.localizedDescription). Check that the data directory is writable.",
                        stage: .invocation, type: ActionFailure.FailureType.internal)
                }
                directories[instance.id] = defaultDirectory.path
                continue
            }
            let path = request.workingDirectory.hasPrefix("/")
                ? request.workingDirectory
                : defaultDirectory.appendingPathComponent(request.workingDirectory).path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ActionFailure(
                    "\(AutomationActionName.runCommand) workingDirectory '\(request.workingDirectory)' does not exist on \(instance.id) (looked for \(path)). Create the directory, or leave workingDirectory empty to use \(defaultDirectory.path).",
                    stage: .invocation, type: ActionFailure.FailureType.verification,
                    details: ["WorkingDirectory": [path], "InstanceIds": [instance.id]])
            }
            directories[instance.id] = path
        }
        return directories
    }

    private func runCommand(
        _ request: RunCommandRequest, on instance: ManagedInstance, in directory: String, stepExecutionId: String,
        outputFiles: ProcessOutputFiles
    ) async -> InstanceCommandResult {
        var environment = baseEnvironment
        environment["AWS_SSM_INSTANCE_ID"] = instance.id
        if let region, !region.isEmpty { environment["AWS_SSM_REGION_NAME"] = region }
        var processRequest = ProcessRequest.shell(
            request.script, stepExecutionId: stepExecutionId, environment: environment, workingDirectory: directory,
            timeout: Double(request.executionTimeout))
        processRequest.outputFiles = outputFiles
        do {
            let result = try await processes.run(processRequest)
            let status: InstanceCommandResult.Status
            switch result.stopReason {
            case .timedOut?: status = .timedOut
            case .cancelled?: status = .cancelled
            case nil: status = result.exitCode == 0 ? .success : .failed
            }
            return InstanceCommandResult(
                instanceId: instance.id, status: status, responseCode: result.exitCode.map(Int.init) ?? -1,
                standardOutput: result.standardOutput.text, standardError: result.standardError.text)
        } catch {
            return InstanceCommandResult(
                instanceId: instance.id, status: .failed, responseCode: -1, standardOutput: "",
                standardError: "", launchFailure: error.message)
        }
    }

    private func outcome(
        of results: [InstanceCommandResult], commandId: String, request: RunCommandRequest
    ) -> ActionOutcome {
        let status = RunCommandOutput.status(for: results)
        let responseCode = RunCommandOutput.responseCode(for: results)
        let outputs: [String: JSONValue] = [
            "CommandId": .string(commandId),
            "Status": .string(status.rawValue),
            "ResponseCode": .number(Double(responseCode)),
            "Output": .string(RunCommandOutput.text(for: results)),
        ]
        let instanceList = results.map(\.instanceId).joined(separator: ", ")
        var result = ActionResult(
            outputs: outputs, response: "Command \(commandId) ended \(status.rawValue) on \(instanceList).",
            responseCode: String(responseCode))
        guard status != .success else { return .succeeded(result) }

        let details: [String: [String]] = [
            "CommandId": [commandId], "Status": [status.rawValue], "ResponseCode": [String(responseCode)],
            "InstanceIds": results.filter { $0.status != .success }.map(\.instanceId),
        ]
        if status == .cancelled {
            let failure = ActionFailure.stopped("command \(commandId) on \(instanceList)", details: details)
            result.failureMessage = failure.message
            result.failureDetails = failure.failureDetails
            return .failed(result)
        }
        let reasons = results.filter { $0.status != .success }.map { describeFailure($0, request: request) }
        let failure = ActionFailure(
            "\(AutomationActionName.runCommand) command \(commandId) ended \(status.rawValue). " + reasons.joined(separator: " "),
            stage: .invocation,
            type: status == .timedOut ? ActionFailure.FailureType.timedOut : ActionFailure.FailureType.action,
            details: details)
        result.failureMessage = failure.message
        result.failureDetails = failure.failureDetails
        return .failed(result)
    }

    private func describeFailure(_ result: InstanceCommandResult, request: RunCommandRequest) -> String {
        if let launchFailure = result.launchFailure {
            return "On \(result.instanceId) the command could not start: \(launchFailure)."
        }
        let stderr = RunCommandOutput.tail(result.standardError)
        let stderrNote = stderr.isEmpty ? " It wrote nothing to stderr." : " Last lines of stderr:\n\(stderr)"
        switch result.status {
        case .timedOut:
            return "On \(result.instanceId) the command ran longer than its executionTimeout of \(request.executionTimeout) seconds and was stopped; raise Parameters.executionTimeout if it needs longer.\(stderrNote)"
        default:
            return "On \(result.instanceId) the command exited with code \(result.responseCode).\(stderrNote)"
        }
    }
}
