import AutomationModel
import Foundation

/// Runs aws:executeAwsApi steps that answer a Step Functions task: SendTaskSuccess, SendTaskFailure or
/// SendTaskHeartbeat. Declared outputs select from the API's response.
public struct ExecuteAwsApiRunner: StepActionRunner {
    public let actions: Set<String> = [AutomationActionName.executeAwsApi.rawValue]
    let stepFunctions: (any StepFunctionsCalling)?

    /// Without `stepFunctions`, steps are still checked but fail saying the engine has no Step Functions access.
    public init(stepFunctions: (any StepFunctionsCalling)?) {
        self.stepFunctions = stepFunctions
    }

    public func run(_ invocation: ActionInvocation) async -> ActionOutcome {
        do throws(ActionFailure) {
            let request = try ExecuteAwsApiRequest(inputs: invocation.inputs)
            let response = try await call(request)
            let outputs = try OutputSelection.apply(
                invocation.outputSelectors, to: response, action: ExecuteAwsApiRequest.action)
            return .succeeded(ActionResult(outputs: outputs, response: response.jsonText))
        } catch {
            return error.outcome
        }
    }

    private func call(_ request: ExecuteAwsApiRequest) async throws(ActionFailure) -> JSONValue {
        let operation = request.api.rawValue
        guard let stepFunctions else {
            throw ActionFailure(
                "\(AutomationActionName.executeAwsApi) cannot call Step Functions \(operation): this local engine was started without Step Functions access. Configure a region and AWS credentials for the engine, then run the step again.",
                stage: .preVerification, type: ActionFailure.FailureType.verification,
                details: ["Service": ["stepfunctions"], "Api": [operation]])
        }
        do {
            return try await stepFunctions.callStepFunctions(operation: operation, input: request.input)
        } catch let error as ServiceError {
            throw ActionFailure(
                "\(AutomationActionName.executeAwsApi) Step Functions \(operation) failed with \(error.code.rawValue): \(error.message)",
                stage: .invocation, type: ActionFailure.FailureType.awsApiError,
                details: [
                    "ErrorCode": [error.code.rawValue], "ErrorMessage": [error.message], "Service": ["stepfunctions"],
                    "Api": [operation],
                ])
        } catch {
            if Task.isCancelled || error is CancellationError {
                throw ActionFailure.stopped("the Step Functions \(operation) call")
            }
            throw ActionFailure(
                "\(AutomationActionName.executeAwsApi) could not call Step Functions \(operation): \(error). Check the network, the endpoint and the credentials.",
                stage: .invocation, type: ActionFailure.FailureType.awsApiError,
                details: ["Service": ["stepfunctions"], "Api": [operation]])
        }
    }
}
