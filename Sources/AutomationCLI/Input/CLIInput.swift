import AutomationModel
import Foundation
import Yams

/// `--cli-input-json` / `--cli-input-yaml`: a whole request as one document, which flags on the command line
/// override member by member.
public enum CLIInput {
    /// The `--cli-input-json` / `--cli-input-yaml` document (inline text or `file://path`), checked against
    /// the operation's input members: unknown keys and wrong types are errors worded as the AWS CLI words them.
    /// Both given: an error. Neither: empty.
    public static func load(json: String?, yaml: String?, operation: OperationShape) throws(CommandLineInputError) -> [String: JSONValue] {
        let document: JSONValue
        switch (json, yaml) {
        case (nil, nil):
            return [:]
        case (.some, .some):
            throw CommandLineInputError("--cli-input-json and --cli-input-yaml cannot be given together: "
                + "pass the request in one of them (flags on the command line can still override its members).")
        case (let json?, nil):
            let text = try contents(json, parameter: "--cli-input-json")
            do {
                document = try JSONValue.parse(text)
            } catch {
                throw .parameter("--cli-input-json", "Invalid JSON: \(JSONText.reason(error))\nJSON received: \(text)")
            }
        case (nil, let yaml?):
            let text = try contents(yaml, parameter: "--cli-input-yaml")
            document = try YAMLDocument.parse(text, parameter: "--cli-input-yaml")
        }
        guard case .object(let members) = document else {
            let flag = json != nil ? "--cli-input-json" : "--cli-input-yaml"
            throw .parameter(flag, "the document must be a mapping of \(operation.apiName)'s members, as "
                + "`--generate-cli-skeleton \(json != nil ? "input" : "yaml-input")` prints it; got \(document.jsonText)")
        }
        let problems = InputDocumentCheck.problems(in: members, members: operation.input, path: "")
        guard problems.isEmpty else {
            throw CommandLineInputError("Parameter validation failed:\n" + problems.joined(separator: "\n")
                + "\nWrite the document as `\(operation.cliName) --generate-cli-skeleton input` shows it.")
        }
        return members
    }

    /// Merges: flags given on the command line override the document's members.
    public static func merge(document: [String: JSONValue], flags: [String: JSONValue]) -> [String: JSONValue] {
        document.merging(flags) { _, flag in flag }
    }

    /// The text itself, or the file's contents for `file://path` or `fileb://path` (awscli reads no URLs here).
    /// json.loads takes fileb://'s bytes as UTF-8 text, so they are read as such.
    private static func contents(_ value: String, parameter: String) throws(CommandLineInputError) -> String {
        let loaded: ParamFile.Contents?
        do {
            loaded = try ParamFile.load(value)
        } catch {
            throw .parameter(parameter, error.message)
        }
        switch loaded {
        case nil: return value
        case .text(let text): return text
        case .bytes(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .parameter(parameter, "\(value) is not UTF-8 text; save the document as UTF-8.")
            }
            return text
        }
    }
}

/// YAML as JSON values: mappings with string keys, sequences, and scalars resolved as YAML 1.1 resolves them.
enum YAMLDocument {
    static func parse(_ text: String, parameter: String) throws(CommandLineInputError) -> JSONValue {
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw .parameter(parameter, "Invalid YAML: \(error)")
        }
        guard let loaded else { return .object([:]) }
        return try value(loaded, parameter: parameter)
    }

    private static func value(_ node: Any, parameter: String) throws(CommandLineInputError) -> JSONValue {
        switch node {
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .number(Double(number))
        case let number as Double: return .number(number)
        case let date as Date: return .string(ISO8601DateFormatter().string(from: date))
        case is NSNull: return .null
        case let items as [Any]:
            var values: [JSONValue] = []
            for item in items { values.append(try value(item, parameter: parameter)) }
            return .array(values)
        case let mapping as [AnyHashable: Any]:
            var object: [String: JSONValue] = [:]
            for (key, item) in mapping {
                guard let name = key.base as? String else {
                    throw .parameter(parameter, "mapping keys must be strings, got \(key.base)")
                }
                object[name] = try value(item, parameter: parameter)
            }
            return .object(object)
        default:
            throw .parameter(parameter, "unsupported YAML value \(node)")
        }
    }
}
