import AutomationDocuments
import AutomationModel
import Foundation

/// The start form's rate-control rows: run one child execution per target, so many at a time, stopping after
/// so many errors. Left empty, the document runs once without rate control.
public enum RateControlField: String, Sendable, Hashable, CaseIterable {
    case targets = "Targets"
    case targetParameterName = "TargetParameterName"
    case maxConcurrency = "MaxConcurrency"
    case maxErrors = "MaxErrors"

    var about: String {
        switch self {
        case .targets:
            return "Rate control: run one child per target. KEY=VALUE,VALUE, several apart with spaces: tag:Env=prod, "
                + "ParameterValues=i-1,i-2, InstanceIds=i-1 or ResourceGroup=web. Empty runs the document once."
        case .targetParameterName: return "The parameter each child gets its target in (needed with Targets)."
        case .maxConcurrency: return "Children running at once: a number or a percentage of the targets (default 10)."
        case .maxErrors: return "Errors after which no new child starts: a number or a percentage (0 stops at the first)."
        }
    }
}

/// Rate control as the form's rows give it, checked as the service checks it (botocore's patterns and AWS's
/// rules for the combinations) before anything is sent.
public struct RateControl: Sendable, Hashable {
    public var targets: [Target]
    public var targetParameterName: String
    public var maxConcurrency: String?
    public var maxErrors: String?

    /// At most 5 targets, as the API allows.
    static let maximumTargets = 5

    /// Reads the rows: nil when none is filled in (no rate control), else the rate control or what is wrong.
    static func read(
        targets: String, targetParameterName: String, maxConcurrency: String, maxErrors: String
    ) -> Result<RateControl?, FormProblem> {
        let text = [targets, targetParameterName, maxConcurrency, maxErrors].map { $0.trimmingCharacters(in: .whitespaces) }
        if text.allSatisfy(\.isEmpty) { return .success(nil) }
        guard !text[0].isEmpty else {
            return .failure(FormProblem(
                "TargetParameterName, MaxConcurrency and MaxErrors apply only with Targets: give Targets (such as tag:Env=prod) or clear them"))
        }
        let parsed: [Target]
        switch parseTargets(text[0]) {
        case .failure(let problem): return .failure(problem)
        case .success(let value): parsed = value
        }
        guard !text[1].isEmpty else {
            return .failure(FormProblem("Targets needs TargetParameterName: choose the parameter each child gets its target in"))
        }
        if !text[2].isEmpty, !isValid(text[2], allowingZero: false) {
            return .failure(FormProblem(
                "MaxConcurrency must be a number from 1 or a percentage from 1% to 100%, such as 10 or 25%; got '\(text[2])'"))
        }
        if !text[3].isEmpty, !isValid(text[3], allowingZero: true) {
            return .failure(FormProblem(
                "MaxErrors must be a number from 0 or a percentage from 0% to 100%, such as 3 or 10%; got '\(text[3])'"))
        }
        return .success(RateControl(
            targets: parsed, targetParameterName: text[1], maxConcurrency: text[2].isEmpty ? nil : text[2],
            maxErrors: text[3].isEmpty ? nil : text[3]))
    }

    /// "tag:Env=prod,staging ParameterValues=a,b" as Targets.
    static func parseTargets(_ text: String) -> Result<[Target], FormProblem> {
        var targets: [Target] = []
        for item in text.split(whereSeparator: \.isWhitespace) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let values = parts.count == 2 ? parts[1].split(separator: ",").map(String.init).filter { !$0.isEmpty } : []
            guard parts.count == 2, !parts[0].isEmpty, !values.isEmpty else {
                return .failure(FormProblem("Targets takes KEY=VALUE[,VALUE] such as tag:Env=prod or ParameterValues=i-1,i-2; got '\(item)'"))
            }
            let key = String(parts[0])
            guard key.hasPrefix("tag:") || ["ParameterValues", "InstanceIds", "ResourceGroup"].contains(key), key != "tag:" else {
                return .failure(FormProblem(
                    "Target key '\(key)' is not one Automation takes: use tag:KEY, ParameterValues, InstanceIds or ResourceGroup"))
            }
            targets.append(Target(key: key, values: values))
        }
        guard targets.count <= maximumTargets else {
            return .failure(FormProblem("Targets takes at most \(maximumTargets) targets; got \(targets.count)"))
        }
        return .success(targets)
    }

    /// botocore's MaxConcurrency pattern `^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$` (7 characters at most), and
    /// MaxErrors', which also allows 0 and 0% to 9%.
    static func isValid(_ text: String, allowingZero: Bool) -> Bool {
        guard text.count <= 7, !text.isEmpty else { return false }
        let percent = text.hasSuffix("%")
        let digits = percent ? String(text.dropLast()) : text
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return false }
        if digits.count > 1 && digits.hasPrefix("0") { return false }
        if percent { return value <= 100 && (allowingZero || value >= 1) }
        return allowingZero || value >= 1
    }

    /// How many targets the parameter values and instance IDs name without asking anyone; nil when a tag or
    /// resource group must be resolved by the service.
    var countWithoutLookup: Int? {
        guard targets.allSatisfy({ $0.key == "ParameterValues" || $0.key == "InstanceIds" }) else { return nil }
        return Set(targets.flatMap { $0.values ?? [] }).count
    }
}

extension ParameterField {
    /// A rate-control row: typed, except TargetParameterName, chosen among the document's parameters.
    init(rateControl field: RateControlField, documentParameters: [String]) {
        self.init(DocumentParameter(name: field.rawValue, type: "String", description: field.about, defaultValue: ""))
        rateControl = field
        if field == .targetParameterName, !documentParameters.isEmpty {
            rules = ParameterDefinition(name: field.rawValue, type: .string, defaultValue: .string(""), allowedValues: documentParameters)
        }
    }

    /// The four rate-control rows for a document with these parameters.
    static func rateControlFields(documentParameters: [String]) -> [ParameterField] {
        RateControlField.allCases.map { ParameterField(rateControl: $0, documentParameters: documentParameters) }
    }
}
