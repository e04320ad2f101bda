import AutomationModel
import Foundation

/// Reads the AWS error out of a JSON-protocol error response.
enum AWSJSONErrorDecoder {
    /// The error code alone, for retry decisions; nil when the response does not name one.
    static func errorCode(_ response: AWSHTTPResponse) -> String? {
        let body = jsonObject(response.body)
        if let type = body?["__type"] as? String, !type.isEmpty { return normalize(type) }
        if let header = response.header("X-Amzn-Errortype"), !header.isEmpty { return normalize(header) }
        return nil
    }

    /// The service error of a non-2xx response. A body that is not JSON and names no error code is an
    /// `AWSWireError` of kind `.malformedResponse` that gives the status.
    static func serviceError(_ response: AWSHTTPResponse, operation: String) -> Error {
        let body = jsonObject(response.body)
        guard let code = errorCode(response) else {
            let shape = body == nil && !response.body.isEmpty ? "a body that is not JSON" : "no error code (__type or X-Amzn-ErrorType)"
            return AWSWireError(
                .malformedResponse,
                "\(operation) failed with HTTP \(response.status) and \(shape): \(response.bodyPreview). The endpoint may not speak the AWS JSON protocol; check the endpoint URL.",
                httpStatus: response.status)
        }
        let message = (body?["message"] as? String) ?? (body?["Message"] as? String) ?? ""
        return ServiceError(ServiceError.Code(rawValue: code), message.isEmpty ? "HTTP \(response.status) with no message." : message)
    }

    /// `com.amazon.coral.service#ThrottlingException` and `ThrottlingException:http://…` both become
    /// `ThrottlingException`.
    static func normalize(_ code: String) -> String {
        var result = Substring(code)
        if let colon = result.firstIndex(of: ":") { result = result[..<colon] }
        if let hash = result.lastIndex(of: "#") { result = result[result.index(after: hash)...] }
        return result.trimmingCharacters(in: .whitespaces)
    }

    private static func jsonObject(_ data: Data) -> [String: Any]? {
        guard !data.isEmpty else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
