/// One runbook of a change request (botocore's `Runbook`, listed in an execution's `Runbooks`): the
/// Automation document Change Manager runs once the change is approved, with its parameters and targets.
public struct Runbook: Codable, Sendable, Hashable {
    public var documentName: String
    public var documentVersion: String?
    public var parameters: AutomationParameterMap?
    public var targetParameterName: String?
    public var targets: [Target]?
    public var targetMaps: [[String: [String]]]?
    public var maxConcurrency: String?
    public var maxErrors: String?
    public var targetLocations: [TargetLocation]?

    public init(documentName: String, documentVersion: String? = nil, parameters: AutomationParameterMap? = nil) {
        self.documentName = documentName
        self.documentVersion = documentVersion
        self.parameters = parameters
    }

    enum CodingKeys: String, CodingKey {
        case documentName = "DocumentName"
        case documentVersion = "DocumentVersion"
        case parameters = "Parameters"
        case targetParameterName = "TargetParameterName"
        case targets = "Targets"
        case targetMaps = "TargetMaps"
        case maxConcurrency = "MaxConcurrency"
        case maxErrors = "MaxErrors"
        case targetLocations = "TargetLocations"
    }
}
