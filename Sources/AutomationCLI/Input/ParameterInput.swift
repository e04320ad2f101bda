import AutomationModel
import Foundation

/// One flag's value read as the AWS CLI v1 reads it (awscli.paramfile, ParamShorthandParser, unpack_cli_arg).
public enum ParameterInput {
    /// One flag's value as the AWS CLI reads it for `shape`: `file://` loads the file; for list/map/structure
    /// shapes, text starting with `{` or `[` (after spaces) is JSON, anything else is shorthand, with
    /// awscli's model-driven wrapping (a scalar where the model wants a list becomes a one-element list).
    /// For a list of structures the flag takes several values (`--targets Key=a,Values=b Key=c,Values=d`),
    /// hence `[String]`. Scalars are checked against the shape (integer, boolean, timestamp).
    /// `parameter` is the flag name used in error messages, e.g. "--payload".
    /// `member` names the member in botocore's validation wording (a `fileb://` string), default the flag.
    public static func value(
        _ arguments: [String], shape: Shape, parameter: String, member: String? = nil
    ) throws(CommandLineInputError) -> JSONValue {
        guard let first = arguments.first else {
            throw .parameter(parameter, "expected a value: \(parameter) \(example(for: shape))")
        }
        if case .list = shape {} else if arguments.count > 1 {
            throw .parameter(parameter, "expected one value, got \(arguments.count): \(arguments.joined(separator: " ")). "
                + "Quote a value that contains spaces.")
        }
        // awscli loads a file only when the flag has one value; its text then stands for all of them.
        var text: String?
        if arguments.count == 1 {
            let loaded: ParamFile.Contents?
            do {
                loaded = try ParamFile.load(first)
            } catch {
                throw .parameter(parameter, error.message)
            }
            switch loaded {
            case nil: break
            case .text(let contents): text = contents
            case .bytes(let bytes): throw binaryValue(bytes, shape: shape, parameter: parameter, member: member, source: first)
            }
        }
        let raw: RawValue = text.map(RawValue.one) ?? (isList(shape) ? .many(arguments) : .one(first))
        if shouldParseAsShorthand(raw, shape: shape) {
            return try shorthand(raw, shape: shape, parameter: parameter)
        }
        return try unpack(raw, shape: shape, parameter: parameter)
    }

    /// `fileb://` hands the AWS CLI bytes, which no Automation member takes. For a string member botocore's
    /// validation refuses them, and that is the error given; for other shapes awscli fails in its own code
    /// with no useful message, so the error here says what to write instead.
    private static func binaryValue(
        _ bytes: [UInt8], shape: Shape, parameter: String, member: String?, source: String
    ) -> CommandLineInputError {
        if shape == .string {
            return CommandLineInputError(
                "\nParameter validation failed:\nInvalid type for parameter \(member ?? parameter), value: "
                    + "\(PythonBytes.repr(bytes)), type: <class 'bytes'>, valid types: <class 'str'>")
        }
        let textForm = "file://" + source.dropFirst("fileb://".count)
        return .parameter(
            parameter, "\(source) gives raw bytes, and \(parameter) takes text (\(example(for: shape))). "
                + "Use \(textForm) to read the file as text.")
    }

    /// What argparse hands awscli: one string, or a list of them for a list-shaped flag.
    enum RawValue {
        case one(String)
        case many([String])
    }

    private static func isList(_ shape: Shape) -> Bool {
        if case .list = shape { return true }
        return false
    }

    /// Shorthand unless the (first) value looks like JSON, and only for complex shapes that are not lists of scalars.
    private static func shouldParseAsShorthand(_ raw: RawValue, shape: Shape) -> Bool {
        let check: String? = switch raw {
        case .one(let value): value
        case .many(let values): values.first
        }
        if let check, let start = PythonText.strip(check).unicodeScalars.first, start == "[" || start == "{" {
            return false
        }
        switch shape {
        case .structure, .map: return true
        case .list(.structure), .list(.list), .list(.map): return true
        default: return false
        }
    }

    private static func shorthand(_ raw: RawValue, shape: Shape, parameter: String) throws(CommandLineInputError) -> JSONValue {
        do {
            switch raw {
            case .many(let values):
                var parsed: [JSONValue] = []
                for value in values { parsed.append(try Shorthand.parse(value)) }
                return try ShorthandModelConversion.convert(.array(parsed), shape: shape) ?? .array(parsed)
            case .one(let value):
                let parsed = try Shorthand.parse(value)
                // A list-shaped flag whose text came from one file: awscli wraps it in a throwaway parent,
                // so the parsed value is returned as parsed.
                if isList(shape) { return parsed }
                return try ShorthandModelConversion.convert(parsed, shape: shape) ?? parsed
            }
        } catch let error as ShorthandError {
            throw .parameter(parameter, error.description)
        } catch let error as CommandLineInputError {
            throw .parameter(parameter, error.message)
        } catch {
            throw .parameter(parameter, "\(error)")
        }
    }

    /// awscli's unpack_cli_arg: JSON for complex shapes, conversion for scalars.
    private static func unpack(_ raw: RawValue, shape: Shape, parameter: String) throws(CommandLineInputError) -> JSONValue {
        switch (shape, raw) {
        case (.structure, .one(let value)), (.map, .one(let value)):
            guard PythonText.lstrip(value).hasPrefix("{") else {
                throw .parameter(parameter, "Invalid JSON:\n\(value)\nWrite JSON ('{\"Key\": …}') or shorthand "
                    + "(\(example(for: shape))).")
            }
            return try json(value, parameter: parameter)
        case (.list(let element), .one(let value)):
            if PythonText.lstrip(value).hasPrefix("[") { return try json(value, parameter: parameter) }
            // awscli iterates a string's characters here; this only happens with a file's text.
            return .array(try value.unicodeScalars.map { scalar throws(CommandLineInputError) in
                try unpack(.one(String(scalar)), shape: element, parameter: parameter)
            })
        case (.list(let element), .many(let values)):
            if values.count == 1, PythonText.strip(values[0]).hasPrefix("[") {
                return try json(values[0], parameter: parameter)
            }
            var result: [JSONValue] = []
            for value in values {
                result.append(try unpack(.one(value), shape: element, parameter: parameter))
            }
            return .array(result)
        case (_, .many(let values)):
            throw .parameter(parameter, "expected one value, got \(values.count)")
        case (.integer, .one(let value)):
            guard let number = PythonText.int(value) else {
                throw .parameter(parameter, "invalid literal for int() with base 10: '\(value)'. Give a whole number, "
                    + "for example \(parameter) 10.")
            }
            return .number(Double(number))
        case (.boolean, .one(let value)):
            switch value.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw .parameter(parameter, "'\(value)' is not a boolean: write true or false.")
            }
        case (.timestamp, .one(let value)):
            guard Timestamp.isValid(value) else {
                throw .parameter(parameter, "'\(value)' is not a timestamp: write ISO 8601 (2024-05-01T12:00:00Z) "
                    + "or seconds since the epoch.")
            }
            return .string(value)
        case (.string, .one(let value)):
            return .string(value)
        }
    }

    private static func json(_ text: String, parameter: String) throws(CommandLineInputError) -> JSONValue {
        do {
            return try JSONValue.parse(text)
        } catch {
            throw .parameter(parameter, "Invalid JSON: \(JSONText.reason(error))\nJSON received: \(text)")
        }
    }

    /// A one-line shorthand example for a shape, for error messages (awscli's shorthand documentation style).
    static func example(for shape: Shape, depth: Int = 0) -> String {
        switch shape {
        case .string: return "string"
        case .integer: return "integer"
        case .boolean: return "boolean"
        case .timestamp: return "timestamp"
        case .list(let element):
            let item = example(for: element, depth: depth + 1)
            if case .structure = element, depth == 0 { return item + " " + item }
            return depth == 0 ? "\(item),\(item)" : "[\(item),\(item)]"
        case .map(let value):
            let item = example(for: value, depth: depth + 1)
            let pairs = "KeyName1=\(item),KeyName2=\(item)"
            return depth == 0 ? pairs : "{\(pairs)}"
        case .structure(let members):
            let pairs = members.map { "\($0.name)=\(example(for: $0.shape, depth: depth + 1))" }.joined(separator: ",")
            return depth == 0 ? pairs : "{\(pairs)}"
        }
    }
}
