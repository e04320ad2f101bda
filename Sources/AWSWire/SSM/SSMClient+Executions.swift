import AutomationModel

/// The execution operations, each checked against `ClientLimits` first as the AWS CLI does.
extension SSMClient {
    public func describeAutomationExecutions(_ request: DescribeAutomationExecutionsRequest) async throws
        -> DescribeAutomationExecutionsResponse
    {
        try await call(.describeAutomationExecutions, request)
    }

    public func getAutomationExecution(_ request: GetAutomationExecutionRequest) async throws
        -> GetAutomationExecutionResponse
    {
        try ClientLimits.checkExecutionId(request.automationExecutionId)
        return try await call(.getAutomationExecution, request)
    }

    public func describeAutomationStepExecutions(_ request: DescribeAutomationStepExecutionsRequest) async throws
        -> DescribeAutomationStepExecutionsResponse
    {
        try ClientLimits.checkExecutionId(request.automationExecutionId)
        return try await call(.describeAutomationStepExecutions, request)
    }

    public func sendAutomationSignal(_ request: SendAutomationSignalRequest) async throws -> SendAutomationSignalResponse {
        _ = try ClientLimits.checkSignal(request)
        return try await call(.sendAutomationSignal, request)
    }

    public func startAutomationExecution(_ request: StartAutomationExecutionRequest) async throws
        -> StartAutomationExecutionResponse
    {
        if let parameters = request.parameters {
            try ClientLimits.checkParameterMap(parameters, field: "Parameters")
        }
        return try await call(.startAutomationExecution, request)
    }

    public func stopAutomationExecution(_ request: StopAutomationExecutionRequest) async throws
        -> StopAutomationExecutionResponse
    {
        try ClientLimits.checkExecutionId(request.automationExecutionId)
        return try await call(.stopAutomationExecution, request)
    }
}
