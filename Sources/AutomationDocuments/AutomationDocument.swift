import AutomationModel

/// A parsed schema-0.3 Automation document: what the engine runs and what a start form shows.
public struct AutomationDocument: Sendable, Hashable {
    public var schemaVersion: String
    public var description: String?
    public var assumeRole: String?
    /// In document order.
    public var parameters: [ParameterDefinition]
    public var mainSteps: [StepDefinition]
    /// `Step.Output` references that become the execution's Outputs.
    public var outputs: [String]
    /// The document's `variables`, declared like parameters; `aws:updateVariable` changes them as the
    /// execution runs and `{{ variable:NAME }}` reads them.
    public var variables: [ParameterDefinition]

    public init(
        schemaVersion: String = "0.3", description: String? = nil, assumeRole: String? = nil,
        parameters: [ParameterDefinition] = [], mainSteps: [StepDefinition], outputs: [String] = [],
        variables: [ParameterDefinition] = []
    ) {
        self.variables = variables
        self.schemaVersion = schemaVersion
        self.description = description
        self.assumeRole = assumeRole
        self.parameters = parameters
        self.mainSteps = mainSteps
        self.outputs = outputs
    }

    public func step(named name: String) -> StepDefinition? {
        mainSteps.first { $0.name == name }
    }

    /// Every step, with the steps of loops after their loop, depth first.
    public var allSteps: [StepDefinition] {
        mainSteps.flatMap { [$0] + AutomationDocument(mainSteps: $0.steps).allSteps }
    }

    /// The NAME of `variable:NAME`, as aws:updateVariable's Name input and references write a variable.
    public static func variableName(_ text: String) -> String? {
        if case .variable(let name)? = ReferenceTarget(text) { return name }
        return nil
    }

    /// Any step of the document, inside a loop or not.
    public func anyStep(named name: String) -> StepDefinition? {
        allSteps.first { $0.name == name }
    }

    /// The document as the steps of one loop see it: their flow stays inside the loop, while parameters,
    /// variables and outputs are the document's.
    public func scope(ofLoop loop: StepDefinition) -> AutomationDocument {
        var scoped = self
        scoped.mainSteps = loop.steps
        return scoped
    }

    public func stepIndex(named name: String) -> Int? {
        mainSteps.firstIndex { $0.name == name }
    }

    /// The step that follows `step` when it succeeds and names no other: nil when the flow ends there.
    public func defaultNextStep(after step: StepDefinition) -> String? {
        if step.isEnd { return nil }
        if let next = step.nextStep { return next }
        guard let index = stepIndex(named: step.name), index + 1 < mainSteps.count else { return nil }
        return mainSteps[index + 1].name
    }
}

/// The types a document parameter may have.
public enum ParameterType: String, Sendable, Hashable, CaseIterable {
    case string = "String"
    case stringList = "StringList"
    case integer = "Integer"
    case boolean = "Boolean"
    case mapList = "MapList"
    case stringMap = "StringMap"
}

/// One declared parameter with its rules.
public struct ParameterDefinition: Sendable, Hashable {
    public var name: String
    public var type: ParameterType
    public var description: String?
    /// Absent means the parameter is required.
    public var defaultValue: JSONValue?
    public var allowedValues: [String]?
    public var allowedPattern: String?
    public var minItems: Int?
    public var maxItems: Int?
    public var minChars: Int?
    public var maxChars: Int?

    public init(
        name: String, type: ParameterType, description: String? = nil, defaultValue: JSONValue? = nil,
        allowedValues: [String]? = nil, allowedPattern: String? = nil, minItems: Int? = nil, maxItems: Int? = nil,
        minChars: Int? = nil, maxChars: Int? = nil
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.defaultValue = defaultValue
        self.allowedValues = allowedValues
        self.allowedPattern = allowedPattern
        self.minItems = minItems
        self.maxItems = maxItems
        self.minChars = minChars
        self.maxChars = maxChars
    }

    public var isRequired: Bool { defaultValue == nil }
}

/// Where the flow goes when a step fails.
public enum FailureRoute: Sendable, Hashable {
    case abort
    case `continue`
    case step(String)

    /// As the document and StepExecution.OnFailure spell it.
    public var text: String {
        switch self {
        case .abort: return "Abort"
        case .continue: return "Continue"
        case .step(let name): return "step:\(name)"
        }
    }
}

/// Where the flow goes when the execution is cancelled during a step.
public enum CancelRoute: Sendable, Hashable {
    case abort
    case step(String)
}

/// How a step output is taken from an action's result.
public struct OutputSelector: Sendable, Hashable {
    public var name: String
    /// A JSONPath such as `$.Payload.message`.
    public var selector: String
    /// String, Integer, Boolean, StringList, StringMap or MapList.
    public var type: String

    public init(name: String, selector: String, type: String) {
        self.name = name
        self.selector = selector
        self.type = type
    }
}

/// One entry of mainSteps.
public struct StepDefinition: Sendable, Hashable {
    public var name: String
    /// Such as `aws:approve`.
    public var action: String
    public var description: String?
    /// Raw, before interpolation.
    public var inputs: [String: JSONValue]
    public var maxAttempts: Int
    public var timeoutSeconds: Int?
    public var onFailure: FailureRoute
    public var onCancel: CancelRoute
    public var isEnd: Bool
    public var nextStep: String?
    public var isCritical: Bool
    public var outputs: [OutputSelector]
    /// The steps an `aws:loop` runs each iteration (its `inputs.Steps`, kept apart from the inputs so they
    /// are interpolated only when each of them runs); empty for other actions.
    public var steps: [StepDefinition]

    public init(
        name: String, action: String, description: String? = nil, inputs: [String: JSONValue] = [:],
        maxAttempts: Int = 1, timeoutSeconds: Int? = nil, onFailure: FailureRoute = .abort,
        onCancel: CancelRoute = .abort, isEnd: Bool = false, nextStep: String? = nil, isCritical: Bool = true,
        outputs: [OutputSelector] = [], steps: [StepDefinition] = []
    ) {
        self.steps = steps
        self.name = name
        self.action = action
        self.description = description
        self.inputs = inputs
        self.maxAttempts = maxAttempts
        self.timeoutSeconds = timeoutSeconds
        self.onFailure = onFailure
        self.onCancel = onCancel
        self.isEnd = isEnd
        self.nextStep = nextStep
        self.isCritical = isCritical
        self.outputs = outputs
    }
}
