import AutomationModel
import Foundation

/// Replaces `{{ }}` references in step inputs with parameter values, step outputs and execution variables.
public enum Interpolator {
    /// A string that is exactly one reference becomes the referenced value with its JSON type
    /// (a StringList stays a list); a reference inside longer text is replaced by the value's text.
    /// Arrays and object values are interpolated recursively; object keys are left as they are.
    public static func interpolate(_ value: JSONValue, in context: InterpolationContext) throws(ServiceError) -> JSONValue {
        switch value {
        case .string(let text):
            let segments = TemplateSegment.split(text)
            if segments.count == 1, case .reference(let body) = segments[0] {
                return try resolve(body, in: context)
            }
            var result = ""
            for segment in segments {
                switch segment {
                case .text(let literal): result += literal
                case .reference(let body): result += try resolve(body, in: context).displayText
                }
            }
            return .string(result)
        case .array(let items):
            var interpolated: [JSONValue] = []
            for item in items { interpolated.append(try interpolate(item, in: context)) }
            return .array(interpolated)
        case .object(let members):
            var interpolated: [String: JSONValue] = [:]
            for (key, member) in members { interpolated[key] = try interpolate(member, in: context) }
            return .object(interpolated)
        case .number, .bool, .null:
            return value
        }
    }

    /// Every reference body in `value` (such as `Step.Output` or `global:REGION`), each once, in order
    /// of appearance (object members by key).
    public static func references(in value: JSONValue) -> [String] {
        var found: [String] = []
        collect(value, into: &found)
        return found
    }

    private static func collect(_ value: JSONValue, into found: inout [String]) {
        switch value {
        case .string(let text):
            for case .reference(let body) in TemplateSegment.split(text) where !found.contains(body) {
                found.append(body)
            }
        case .array(let items):
            for item in items { collect(item, into: &found) }
        case .object(let members):
            for (_, member) in members.sorted(by: { $0.key < $1.key }) { collect(member, into: &found) }
        case .number, .bool, .null:
            break
        }
    }

    static func resolve(_ body: String, in context: InterpolationContext) throws(ServiceError) -> JSONValue {
        guard let target = ReferenceTarget(body) else {
            throw ServiceError(
                .validationException,
                "{{ \(body) }} is not a reference Automation understands; use \(ReferenceTarget.validForms).")
        }
        switch target {
        case .parameter(let name):
            guard let value = context.parameters[name] else {
                throw ServiceError(
                    .validationException,
                    "{{ \(body) }} cannot be resolved: the execution has no parameter named \(name). Declare it under the document's parameters."
                )
            }
            return value
        case .stepOutput(let step, let output):
            guard let value = context.stepOutputs[step]?[output] else {
                throw ServiceError(
                    .validationException,
                    "{{ \(body) }} cannot be resolved: step \(step) has not produced an output named \(output) (it has not run, or failed before producing it)."
                )
            }
            return value
        case .variable(let name):
            guard let value = context.variables[name] else {
                throw ServiceError(
                    .validationException,
                    "{{ \(body) }} cannot be resolved: the document declares no variable named \(name). Declare it under the document's variables."
                )
            }
            return value
        case .executionId:
            return .string(context.executionId)
        case .global(let variable):
            return .string(try globalValue(variable, body: body, in: context))
        }
    }

    private static func globalValue(
        _ variable: GlobalVariable, body: String, in context: InterpolationContext
    ) throws(ServiceError) -> String {
        switch variable {
        case .accountId: return context.accountId
        case .awsPartition: return context.partition
        case .region:
            guard let region = context.region, !region.isEmpty else {
                throw ServiceError(
                    .validationException,
                    "{{ \(body) }} cannot be resolved: no region is configured. Set AWS_REGION or the profile's region.")
            }
            return region
        case .date:
            let parts = utcParts(of: context.now)
            return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        case .dateTime:
            let parts = utcParts(of: context.now)
            return String(
                format: "%04d-%02d-%02d_%02d.%02d.%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        }
    }

    private static func utcParts(of date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }
}
