/// Every SSM operation ssm-console sends or answers, each declared once: its name, whether it changes anything,
/// its quota class, its request and response types, the `AutomationService` method behind it and the limits a
/// client checks first. `serve`, the CLI, the pacing wrapper and the wire client all read this table; no other
/// source file spells an operation's name.
///
/// A new operation: declare its request and response in the model, add its method to `AutomationService`
/// (and to `SSMClient` and `EngineSession`), then add an entry here and to `all`.
public enum OperationCatalog {
    // MARK: Automation executions

    public static let describeAutomationExecutions = ServiceOperation<
        DescribeAutomationExecutionsRequest, DescribeAutomationExecutionsResponse
    >("DescribeAutomationExecutions", quota: .automationReadsAndSignals) { try await $0.describeAutomationExecutions($1) }

    public static let getAutomationExecution = ServiceOperation<
        GetAutomationExecutionRequest, GetAutomationExecutionResponse
    >(
        "GetAutomationExecution", quota: .automationReadsAndSignals,
        limits: { request throws(ServiceError) in try ClientLimits.checkExecutionId(request.automationExecutionId) }
    ) { try await $0.getAutomationExecution($1) }

    public static let describeAutomationStepExecutions = ServiceOperation<
        DescribeAutomationStepExecutionsRequest, DescribeAutomationStepExecutionsResponse
    >(
        "DescribeAutomationStepExecutions", quota: .automationReadsAndSignals,
        limits: { request throws(ServiceError) in try ClientLimits.checkExecutionId(request.automationExecutionId) }
    ) { try await $0.describeAutomationStepExecutions($1) }

    public static let sendAutomationSignal = ServiceOperation<SendAutomationSignalRequest, SendAutomationSignalResponse>(
        "SendAutomationSignal", changesState: true, quota: .automationReadsAndSignals,
        limits: { request throws(ServiceError) in _ = try ClientLimits.checkSignal(request) }
    ) { try await $0.sendAutomationSignal($1) }

    public static let startAutomationExecution = ServiceOperation<
        StartAutomationExecutionRequest, StartAutomationExecutionResponse
    >(
        "StartAutomationExecution", changesState: true, quota: .automationStartsAndStops,
        limits: { request throws(ServiceError) in
            if let parameters = request.parameters { try ClientLimits.checkParameterMap(parameters, field: "Parameters") }
        }
    ) { try await $0.startAutomationExecution($1) }

    public static let stopAutomationExecution = ServiceOperation<
        StopAutomationExecutionRequest, StopAutomationExecutionResponse
    >(
        "StopAutomationExecution", changesState: true, quota: .automationStartsAndStops,
        limits: { request throws(ServiceError) in try ClientLimits.checkExecutionId(request.automationExecutionId) }
    ) { try await $0.stopAutomationExecution($1) }

    // MARK: Documents

    public static let getDocument = ServiceOperation<GetDocumentRequest, GetDocumentResponse>("GetDocument") {
        try await $0.getDocument($1)
    }

    public static let describeDocument = ServiceOperation<DescribeDocumentRequest, DescribeDocumentResponse>(
        "DescribeDocument"
    ) { try await $0.describeDocument($1) }

    public static let listDocuments = ServiceOperation<ListDocumentsRequest, ListDocumentsResponse>("ListDocuments") {
        try await $0.listDocuments($1)
    }

    public static let createDocument = ServiceOperation<CreateDocumentRequest, CreateDocumentResponse>(
        "CreateDocument", changesState: true
    ) { try await $0.createDocument($1) }

    public static let updateDocument = ServiceOperation<UpdateDocumentRequest, UpdateDocumentResponse>(
        "UpdateDocument", changesState: true
    ) { try await $0.updateDocument($1) }

    public static let deleteDocument = ServiceOperation<DeleteDocumentRequest, DeleteDocumentResponse>(
        "DeleteDocument", changesState: true
    ) { try await $0.deleteDocument($1) }

    // MARK: Managed instances

    public static let describeInstanceInformation = ServiceOperation<
        DescribeInstanceInformationRequest, DescribeInstanceInformationResponse
    >("DescribeInstanceInformation") { try await $0.describeInstanceInformation($1) }

    // MARK: Run Command

    public static let listCommands = ServiceOperation<ListCommandsRequest, ListCommandsResponse>(
        "ListCommands", limits: { request throws(ServiceError) in
            try ClientLimits.checkCommandQuery(
                commandId: request.commandId, instanceId: request.instanceId, maxResults: request.maxResults,
                filters: request.filters)
        }
    ) { try await $0.listCommands($1) }

    public static let listCommandInvocations = ServiceOperation<
        ListCommandInvocationsRequest, ListCommandInvocationsResponse
    >(
        "ListCommandInvocations", limits: { request throws(ServiceError) in
            try ClientLimits.checkCommandQuery(
                commandId: request.commandId, instanceId: request.instanceId, maxResults: request.maxResults,
                filters: request.filters)
        }
    ) { try await $0.listCommandInvocations($1) }

    public static let getCommandInvocation = ServiceOperation<GetCommandInvocationRequest, GetCommandInvocationResponse>(
        "GetCommandInvocation", limits: { request throws(ServiceError) in
            try ClientLimits.checkCommandQuery(
                commandId: request.commandId, instanceId: request.instanceId, maxResults: nil, filters: nil)
        }
    ) { try await $0.getCommandInvocation($1) }

    /// Every operation, in the order the API reference groups them.
    public static var all: [any AnyServiceOperation] { listed.map { $0.entry() } }

    /// Each entry with its name, made an `any AnyServiceOperation` only when asked for: that instantiates the
    /// entry's generic type, which looks up its request's and response's conformances, and doing so for every
    /// entry cost a CLI command 2 ms when it needs one.
    private static let listed: [(name: String, entry: @Sendable () -> any AnyServiceOperation)] = [
        lazily(describeAutomationExecutions), lazily(getAutomationExecution), lazily(describeAutomationStepExecutions),
        lazily(sendAutomationSignal), lazily(startAutomationExecution), lazily(stopAutomationExecution),
        lazily(getDocument), lazily(describeDocument), lazily(listDocuments), lazily(createDocument),
        lazily(updateDocument), lazily(deleteDocument), lazily(describeInstanceInformation), lazily(listCommands),
        lazily(listCommandInvocations), lazily(getCommandInvocation),
    ]

    @inline(__always)
    private static func lazily<Request, Response>(_ entry: ServiceOperation<Request, Response>)
        -> (name: String, entry: @Sendable () -> any AnyServiceOperation)
    {
        (entry.operation.name, { entry })
    }

    /// The entry for an X-Amz-Target operation name, if the catalog has it.
    public static func entry(named name: String) -> (any AnyServiceOperation)? {
        listed.first { $0.name == name }?.entry()
    }

    /// The operation named `name`, if the catalog has it.
    public static func operation(named name: String) -> SSMOperation? {
        entry(named: name)?.operation
    }

    /// The names, sorted, for error messages that list what is supported.
    public static var names: [String] { listed.map(\.name).sorted() }
}
