import Foundation

/// Reads a JSON 1.1 request body as an operation's input, turning decoding failures into the errors AWS answers
/// with: SerializationException for text that is not a JSON object or a member of the wrong type,
/// ValidationException for a required member that is missing or null. Every message names the member by its
/// path (`Filters[0].Values`) and the type the API expects, in the API's words.
///
/// A key given twice in one object takes its last value, as botocore, Python's json and Jackson (the default of
/// AWS's Java services) read it: `{"MaxResults":1,"MaxResults":3}` asks for 3.
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
            return try AWSJSON.decoder().decode(Input.self, from: lastValuesWin(parsed, text: text))
        } catch let error as DecodingError {
            throw serviceError(for: error, operation: operation, body: parsed)
        } catch {
            throw ServiceError(serializationException, "The \(operation) request body could not be read: \(error).")
        }
    }

    /// The body as JSONSerialization read it (where a repeated key's last value wins) when it repeats a key;
    /// otherwise the text as it came. Foundation's decoder alone would keep the first value.
    private static func lastValuesWin(_ parsed: Any, text: Data) throws -> Data {
        guard keyCount(parsed) < rawKeyCount(text) else { return text }
        return try JSONSerialization.data(withJSONObject: parsed)
    }

    /// How many object members the parsed body holds, at every depth.
    private static func keyCount(_ value: Any) -> Int {
        switch value {
        case let object as [String: Any]: return object.count + object.values.reduce(0) { $0 + keyCount($1) }
        case let array as [Any]: return array.reduce(0) { $0 + keyCount($1) }
        default: return 0
        }
    }

    /// How many object members the text writes: strings followed by a colon, outside other strings.
    private static func rawKeyCount(_ text: Data) -> Int {
        var count = 0
        var inString = false
        var escaped = false
        var justClosedString = false
        for byte in text {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    justClosedString = true
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: ":") where justClosedString: count += 1
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default: break
            }
            justClosedString = false
        }
        return count
    }

    private static func serviceError(for error: DecodingError, operation: String, body: Any) -> ServiceError {
        switch error {
        case .keyNotFound(let key, let context):
            return missing(path(context.codingPath + [key]), operation: operation)
        case .valueNotFound(_, let context):
            return missing(path(context.codingPath), operation: operation)
        case .typeMismatch(let expected, let context):
            return ServiceError(
                serializationException,
                "\(operation): \(member(context.codingPath)) must be \(describe(expected)); got \(found(at: context.codingPath, in: body)).")
        case .dataCorrupted(let context):
            return ServiceError(
                serializationException,
                "\(operation): \(member(context.codingPath)) holds \(found(at: context.codingPath, in: body)), which is not a value it takes.")
        @unknown default:
            return ServiceError(serializationException, "The \(operation) request body could not be read.")
        }
    }

    /// "member 'Filters[0].Values'", or "the request body" for the top level.
    private static func member(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the request body" : "member '\(path(keys))'"
    }

    /// What the body holds at `keys`: "a string (\"ten\")", "a list", "null".
    private static func found(at keys: [any CodingKey], in body: Any) -> String {
        var value: Any? = body
        for key in keys {
            if let index = key.intValue, let array = value as? [Any] {
                value = array.indices.contains(index) ? array[index] : nil
            } else {
                value = (value as? [String: Any])?[key.stringValue]
            }
        }
        guard let value else { return "nothing" }
        if let text = value as? String { return "a string (\"\(text.prefix(40))\")" }
        return kind(of: value)
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

    /// The expected type in the API's words.
    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "a boolean (true or false)"
        case is Date.Type: "a timestamp (epoch seconds)"
        case is [Any].Type: "a list"
        default: "\(type)".hasPrefix("Array") ? "a list" : "a structure or map ({...})"
        }
    }

    private static func kind(of value: Any) -> String {
        switch value {
        case is [Any]: "a list"
        case is [String: Any]: "a structure or map"
        case is String: "a string"
        // JSONSerialization reads true and false as its own boolean number class.
        case let number as NSNumber where "\(type(of: number))".contains("Boolean"): "a boolean"
        case is NSNumber: "a number"
        default: "null"
        }
    }
}
