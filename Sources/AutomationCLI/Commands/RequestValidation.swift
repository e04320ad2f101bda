import AutomationModel
import Foundation

/// The checks made before anything is sent: the request must read as the operation's input, and stay within
/// the API's limits (ID length, map sizes, signal types and the payload key each signal needs). A failure is
/// bad input (exit 252) and says how to write the request correctly.
public enum RequestValidation {
    public static func check(_ operation: OperationShape, request: Data) throws(CLIFailure) {
        do {
            switch operation.apiName {
            case OperationShape.sendAutomationSignal.apiName:
                _ = try ClientLimits.checkSignal(try decode(SendAutomationSignalRequest.self, from: request))
            case OperationShape.startAutomationExecution.apiName:
                let start = try decode(StartAutomationExecutionRequest.self, from: request)
                if let parameters = start.parameters { try ClientLimits.checkParameterMap(parameters, field: "Parameters") }
            case OperationShape.stopAutomationExecution.apiName:
                try ClientLimits.checkExecutionId(try decode(StopAutomationExecutionRequest.self, from: request).automationExecutionId)
            case OperationShape.getAutomationExecution.apiName:
                try ClientLimits.checkExecutionId(try decode(GetAutomationExecutionRequest.self, from: request).automationExecutionId)
            case OperationShape.describeAutomationExecutions.apiName:
                try checkMaxResults(try decode(DescribeAutomationExecutionsRequest.self, from: request).maxResults)
            case OperationShape.describeAutomationStepExecutions.apiName:
                let steps = try decode(DescribeAutomationStepExecutionsRequest.self, from: request)
                try ClientLimits.checkExecutionId(steps.automationExecutionId)
                try checkMaxResults(steps.maxResults)
            default:
                break
            }
        } catch let failure as CLIFailure {
            throw failure
        } catch let error as ServiceError {
            throw CLIFailure.input("\nParameter validation failed:\n\(error.message)")
        } catch {
            throw CLIFailure.input("\nParameter validation failed:\n\(error)")
        }
    }

    private static func checkMaxResults(_ value: Int?) throws(CLIFailure) {
        guard let value, !(1...50).contains(value) else { return }
        throw CLIFailure.input(
            "\nParameter validation failed:\nInvalid value for parameter MaxResults, value: \(value), valid min value: 1, valid max value: 50. Use --page-size or --max-items to control how many results are fetched or printed.")
    }

    /// Reads the request JSON as the typed input, naming the member that is missing or of the wrong type.
    static func decode<Request: Decodable>(_ type: Request.Type, from data: Data) throws(CLIFailure) -> Request {
        do {
            return try AWSJSON.decoder().decode(type, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw CLIFailure.input("\nParameter validation failed:\nMissing required parameter in input: \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(expected, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw CLIFailure.input("\nParameter validation failed:\nInvalid type for parameter \(path): expected \(expected).")
        } catch let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw CLIFailure.input("\nParameter validation failed:\nParameter \(path) is null; give it a value or leave it out.")
        } catch {
            throw CLIFailure.input("\nParameter validation failed:\n\(error)")
        }
    }
}

extension RequestValidation {
    /// The request body: the members as JSON, integral numbers without a fraction.
    public static func encode(_ request: [String: JSONValue]) -> Data {
        Data(WireJSON(.object(request)).compactText.utf8)
    }

    static func encodeWire(_ request: [String: WireJSON]) -> Data {
        Data(WireJSON.object(request.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }).compactText.utf8)
    }
}
