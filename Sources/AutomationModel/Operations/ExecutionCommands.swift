import Foundation

public struct SendAutomationSignalRequest: Codable, Sendable, Hashable {
    public var automationExecutionId: String
    /// Kept as text so an unknown signal type reaches validation and gets a clear error.
    public var signalType: String
    public var payload: AutomationParameterMap?

    public init(automationExecutionId: String, signalType: SignalType, payload: AutomationParameterMap? = nil) {
        self.automationExecutionId = automationExecutionId
        self.signalType = signalType.rawValue
        self.payload = payload
    }

    public init(automationExecutionId: String, signalType: String, payload: AutomationParameterMap? = nil) {
        self.automationExecutionId = automationExecutionId
        self.signalType = signalType
        self.payload = payload
    }

    enum CodingKeys: String, CodingKey {
        case automationExecutionId = "AutomationExecutionId"
        case signalType = "SignalType"
        case payload = "Payload"
    }
}

/// The empty result of operations that return `{}`.
public struct EmptyResponse: Codable, Sendable, Hashable {
    public init() {}
}

public typealias SendAutomationSignalResponse = EmptyResponse
public typealias StopAutomationExecutionResponse = EmptyResponse

public struct StartAutomationExecutionRequest: Codable, Sendable, Hashable {
    public var documentName: String
    public var documentVersion: String?
    public var parameters: AutomationParameterMap?
    public var clientToken: String?
    public var mode: String?
    public var targetParameterName: String?
    public var targets: [Target]?
    public var targetMaps: [[String: [String]]]?
    public var maxConcurrency: String?
    public var maxErrors: String?
    public var tags: [Tag]?

    public init(
        documentName: String, documentVersion: String? = nil, parameters: AutomationParameterMap? = nil,
        clientToken: String? = nil, mode: ExecutionMode? = nil, targetParameterName: String? = nil,
        targets: [Target]? = nil, tags: [Tag]? = nil
    ) {
        self.documentName = documentName
        self.documentVersion = documentVersion
        self.parameters = parameters
        self.clientToken = clientToken
        self.mode = mode?.rawValue
        self.targetParameterName = targetParameterName
        self.targets = targets
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case documentName = "DocumentName"
        case documentVersion = "DocumentVersion"
        case parameters = "Parameters"
        case clientToken = "ClientToken"
        case mode = "Mode"
        case targetParameterName = "TargetParameterName"
        case targets = "Targets"
        case targetMaps = "TargetMaps"
        case maxConcurrency = "MaxConcurrency"
        case maxErrors = "MaxErrors"
        case tags = "Tags"
    }
}

public struct StartAutomationExecutionResponse: Codable, Sendable, Hashable {
    public var automationExecutionId: String?

    public init(automationExecutionId: String) {
        self.automationExecutionId = automationExecutionId
    }

    enum CodingKeys: String, CodingKey {
        case automationExecutionId = "AutomationExecutionId"
    }
}

public struct StopAutomationExecutionRequest: Codable, Sendable, Hashable {
    public var automationExecutionId: String
    public var type: String?

    public init(automationExecutionId: String, type: StopType? = nil) {
        self.automationExecutionId = automationExecutionId
        self.type = type?.rawValue
    }

    enum CodingKeys: String, CodingKey {
        case automationExecutionId = "AutomationExecutionId"
        case type = "Type"
    }
}
