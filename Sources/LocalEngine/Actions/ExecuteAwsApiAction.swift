import AutomationDocuments
import AutomationModel

extension EngineAction {
    /// Answers a Step Functions task (`ExecuteAwsApiRunner`), the one AWS API call the local engine makes.
    /// Its outputs are only those the step declares.
    static let executeAwsApi = EngineAction(
        name: .executeAwsApi, builtInOutputs: [], checkInputs: ActionSpecification.noDocumentRules,
        localScope: "for Service stepfunctions with Api SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat",
        localProblem: { step in
            if let service = step.literalInput("Service"), !LocalActionSupport.isStepFunctionsService(service) {
                return "Service \(service) is not supported; only Step Functions (stepfunctions) is"
            }
            if let api = step.literalInput("Api"), StepFunctionsTaskApi(apiName: api) == nil {
                return "Api \(api) is not supported; only SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat are"
            }
            return nil
        },
        run: .runner { configuration in ExecuteAwsApiRunner(stepFunctions: configuration.stepFunctions) })
}
