import Foundation

/// Reads a JSON 1.1 request body as an operation's input, turning decoding failures into the errors AWS answers
/// with: SerializationException for text that is not a JSON object or a member of the wrong type,
/// ValidationException for a required member that is missing or null.
public enum RequestDecoding {
    public static let serializationException = ServiceError.Code(rawValue: "SerializationException")

    public static func decode<Input: Decodable>(_ type: Input.Type, from body: Data, operation: String)
        throws(ServiceError) -> Input
    {
        let text = body.isEmpty ? Data("{}".utf8) : body
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: text, options: [.fragmentsAllowed])
        } catch {
            throw ServiceError(
                serializationException,
                "The \(operation) request body is not valid JSON (\(String(decoding: body.prefix(80), as: UTF8.self))). Send a JSON object such as {}.")
        }
        guard parsed is [String: Any] else {
            throw ServiceError(
                serializationException, "The \(operation) request body must be a JSON object ({...}), not \(kind(of: parsed)).")
        }
        do {
            return try AWSJSON.decoder().decode(Input.self, from: text)
        } catch let error as DecodingError {
            throw serviceError(for: error, operation: operation)
        } catch {
            throw ServiceError(serializationException, "The \(operation) request body could not be read: \(error).")
        }
    }

    private static func serviceError(for error: DecodingError, operation: String) -> ServiceError {
        switch error {
        case .keyNotFound(let key, let context):
            return missing(path(context.codingPath + [key]), operation: operation)
        case .valueNotFound(_, let context):
            return missing(path(context.codingPath), operation: operation)
        case .typeMismatch(let expected, let context):
            return ServiceError(
                serializationException,
                "\(operation): member '\(path(context.codingPath))' must be \(describe(expected)). \(context.debugDescription)")
        case .dataCorrupted(let context):
            return ServiceError(
                serializationException,
                "\(operation): member '\(path(context.codingPath))' could not be read: \(context.debugDescription)")
        @unknown default:
            return ServiceError(serializationException, "The \(operation) request body could not be read: \(error).")
        }
    }

    private static func missing(_ member: String, operation: String) -> ServiceError {
        ServiceError(
            .validationException,
            "1 validation error detected: Value null at '\(member)' failed to satisfy constraint: Member must not be null. \(operation) requires \(member).")
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is Date.Type: "a timestamp (epoch seconds)"
        default: "\(type)".contains("Array") ? "a JSON array" : "a JSON object"
        }
    }

    private static func kind(of value: Any) -> String {
        switch value {
        case is [Any]: "an array"
        case is String: "a string"
        case is NSNumber: "a number"
        default: "null"
        }
    }
}
