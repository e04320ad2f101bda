import AutomationModel
import Foundation

/// The checks made before anything is sent: the request must read as the operation's input, and stay within
/// the API's limits (ID length, map sizes, signal types and the payload key each signal needs). A failure is
/// bad input (exit 252) and says how to write the request correctly.
public enum RequestValidation {
    public static func check(_ operation: OperationShape, request: Data) throws(CLIFailure) {
        guard let entry = OperationCatalog.entry(named: operation.apiName) else { return }
        do {
            try entry.checkRequest(request)
        } catch let error as DecodingError {
            throw failure(error)
        } catch let error as ServiceError {
            throw CLIFailure.input("\nParameter validation failed:\n\(error.message)")
        } catch {
            throw CLIFailure.input("\nParameter validation failed:\n\(error)")
        }
        if operation.input.contains(where: { $0.name == "MaxResults" }) {
            try checkMaxResults(try decode(MaxResultsMember.self, from: request).maxResults)
        }
    }

    /// The one member the paging check reads from any request.
    private struct MaxResultsMember: Decodable {
        let maxResults: Int?
        enum CodingKeys: String, CodingKey { case maxResults = "MaxResults" }
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
        } catch let error as DecodingError {
            throw failure(error)
        } catch {
            throw CLIFailure.input("\nParameter validation failed:\n\(error)")
        }
    }

    private static func failure(_ error: DecodingError) -> CLIFailure {
        switch error {
        case .keyNotFound(let key, _):
            return .input("\nParameter validation failed:\nMissing required parameter in input: \"\(key.stringValue)\"")
        case .typeMismatch(let expected, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return .input("\nParameter validation failed:\nInvalid type for parameter \(path): expected \(expected).")
        case .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return .input("\nParameter validation failed:\nParameter \(path) is null; give it a value or leave it out.")
        default:
            return .input("\nParameter validation failed:\n\(error)")
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
