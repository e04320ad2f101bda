import AutomationModel
import Foundation

/// Calls the Step Functions API on behalf of aws:executeAwsApi steps.
public protocol StepFunctionsCalling: Sendable {
    /// `operation` is the PascalCase name such as `SendTaskSuccess`; `input` has the API's lowerCamel
    /// members. Throws a `ServiceError` carrying the AWS error code when AWS answers with an error.
    func callStepFunctions(operation: String, input: [String: JSONValue]) async throws -> JSONValue
}

/// The Step Functions task callbacks a runbook can send.
enum StepFunctionsTaskApi: String, Sendable, CaseIterable {
    case sendTaskSuccess = "SendTaskSuccess"
    case sendTaskFailure = "SendTaskFailure"
    case sendTaskHeartbeat = "SendTaskHeartbeat"

    /// PascalCase (`SendTaskSuccess`) or snake_case (`send_task_success`), in any case.
    init?(apiName: String) {
        let folded = apiName.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
            .lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == folded }) else { return nil }
        self = match
    }

    /// The API's members, required ones first.
    var members: [String] {
        switch self {
        case .sendTaskSuccess: return ["taskToken", "output"]
        case .sendTaskFailure: return ["taskToken", "error", "cause"]
        case .sendTaskHeartbeat: return ["taskToken"]
        }
    }

    var requiredMembers: [String] {
        switch self {
        case .sendTaskSuccess: return ["taskToken", "output"]
        case .sendTaskFailure, .sendTaskHeartbeat: return ["taskToken"]
        }
    }
}
