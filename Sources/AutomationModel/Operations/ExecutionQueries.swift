import Foundation

/// A filter on DescribeAutomationExecutions; values within one filter are alternatives.
public struct AutomationExecutionFilter: Codable, Sendable, Hashable {
    public var key: String
    public var values: [String]

    public init(key: Key, values: [String]) {
        self.key = key.rawValue
        self.values = values
    }

    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }

    public enum Key: String, CaseIterable, Sendable {
        case documentNamePrefix = "DocumentNamePrefix"
        case executionStatus = "ExecutionStatus"
        case executionId = "ExecutionId"
        case parentExecutionId = "ParentExecutionId"
        case currentAction = "CurrentAction"
        case startTimeBefore = "StartTimeBefore"
        case startTimeAfter = "StartTimeAfter"
        case automationType = "AutomationType"
        case tagKey = "TagKey"
        case targetResourceGroup = "TargetResourceGroup"
        case automationSubtype = "AutomationSubtype"
        case opsItemId = "OpsItemId"
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key"
        case values = "Values"
    }
}

public struct DescribeAutomationExecutionsRequest: Codable, Sendable, Hashable {
    public var filters: [AutomationExecutionFilter]?
    public var maxResults: Int?
    public var nextToken: String?

    public init(filters: [AutomationExecutionFilter]? = nil, maxResults: Int? = nil, nextToken: String? = nil) {
        self.filters = filters
        self.maxResults = maxResults
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case filters = "Filters"
        case maxResults = "MaxResults"
        case nextToken = "NextToken"
    }
}

public struct DescribeAutomationExecutionsResponse: Codable, Sendable, Hashable {
    public var automationExecutionMetadataList: [AutomationExecutionMetadata]?
    public var nextToken: String?

    public init(automationExecutionMetadataList: [AutomationExecutionMetadata], nextToken: String? = nil) {
        self.automationExecutionMetadataList = automationExecutionMetadataList
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case automationExecutionMetadataList = "AutomationExecutionMetadataList"
        case nextToken = "NextToken"
    }
}

public struct GetAutomationExecutionRequest: Codable, Sendable, Hashable {
    public var automationExecutionId: String

    public init(automationExecutionId: String) {
        self.automationExecutionId = automationExecutionId
    }

    enum CodingKeys: String, CodingKey {
        case automationExecutionId = "AutomationExecutionId"
    }
}

public struct GetAutomationExecutionResponse: Codable, Sendable, Hashable {
    public var automationExecution: AutomationExecution?

    public init(automationExecution: AutomationExecution) {
        self.automationExecution = automationExecution
    }

    enum CodingKeys: String, CodingKey {
        case automationExecution = "AutomationExecution"
    }
}

/// A filter on DescribeAutomationStepExecutions.
public struct StepExecutionFilter: Codable, Sendable, Hashable {
    public var key: String
    public var values: [String]

    public init(key: Key, values: [String]) {
        self.key = key.rawValue
        self.values = values
    }

    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }

    public enum Key: String, CaseIterable, Sendable {
        case startTimeBefore = "StartTimeBefore"
        case startTimeAfter = "StartTimeAfter"
        case stepExecutionStatus = "StepExecutionStatus"
        case stepExecutionId = "StepExecutionId"
        case stepName = "StepName"
        case action = "Action"
        case parentStepExecutionId = "ParentStepExecutionId"
        case parentStepIteration = "ParentStepIteration"
        case parentStepIteratorValue = "ParentStepIteratorValue"
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key"
        case values = "Values"
    }
}

public struct DescribeAutomationStepExecutionsRequest: Codable, Sendable, Hashable {
    public var automationExecutionId: String
    public var filters: [StepExecutionFilter]?
    public var nextToken: String?
    public var maxResults: Int?
    public var reverseOrder: Bool?

    public init(
        automationExecutionId: String, filters: [StepExecutionFilter]? = nil, nextToken: String? = nil,
        maxResults: Int? = nil, reverseOrder: Bool? = nil
    ) {
        self.automationExecutionId = automationExecutionId
        self.filters = filters
        self.nextToken = nextToken
        self.maxResults = maxResults
        self.reverseOrder = reverseOrder
    }

    enum CodingKeys: String, CodingKey {
        case automationExecutionId = "AutomationExecutionId"
        case filters = "Filters"
        case nextToken = "NextToken"
        case maxResults = "MaxResults"
        case reverseOrder = "ReverseOrder"
    }
}

public struct DescribeAutomationStepExecutionsResponse: Codable, Sendable, Hashable {
    public var stepExecutions: [StepExecution]?
    public var nextToken: String?

    public init(stepExecutions: [StepExecution], nextToken: String? = nil) {
        self.stepExecutions = stepExecutions
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case stepExecutions = "StepExecutions"
        case nextToken = "NextToken"
    }
}

// The responses that carry executions and steps keep the members this model does not know (UnmodeledFields).

extension GetAutomationExecutionResponse {
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        automationExecution = try container.decodeIfPresent(AutomationExecution.self, forKey: .automationExecution)
        automationExecution?.keepUnmodeledFields(from: try? container.decodeIfPresent(JSONValue.self, forKey: .automationExecution))
    }
}

extension DescribeAutomationStepExecutionsResponse {
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nextToken = try container.decodeIfPresent(String.self, forKey: .nextToken)
        stepExecutions = try container.decodeIfPresent([StepExecution].self, forKey: .stepExecutions)
        if var steps = stepExecutions, let raw = try? container.decodeIfPresent([JSONValue].self, forKey: .stepExecutions),
            raw.count == steps.count
        {
            for index in steps.indices { steps[index].keepUnmodeledFields(from: raw[index]) }
            stepExecutions = steps
        }
    }
}

extension DescribeAutomationExecutionsResponse {
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nextToken = try container.decodeIfPresent(String.self, forKey: .nextToken)
        automationExecutionMetadataList = try container.decodeIfPresent(
            [AutomationExecutionMetadata].self, forKey: .automationExecutionMetadataList)
        if var rows = automationExecutionMetadataList,
            let raw = try? container.decodeIfPresent([JSONValue].self, forKey: .automationExecutionMetadataList),
            raw.count == rows.count
        {
            for index in rows.indices { rows[index].keepUnmodeledFields(from: raw[index]) }
            automationExecutionMetadataList = rows
        }
    }
}
