/// An error as the service names it: an AWS error code (`__type`) and a message.
public struct ServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The HTTP status the JSON protocol answers with.
    public var httpStatus: Int {
        code == .internalServerError ? 500 : 400
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// An AWS error code. Codes not listed here are kept as they come.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let automationExecutionNotFoundException = Self(rawValue: "AutomationExecutionNotFoundException")
        public static let automationStepNotFoundException = Self(rawValue: "AutomationStepNotFoundException")
        public static let invalidAutomationSignalException = Self(rawValue: "InvalidAutomationSignalException")
        public static let invalidAutomationStatusUpdateException = Self(rawValue: "InvalidAutomationStatusUpdateException")
        public static let automationDefinitionNotFoundException = Self(rawValue: "AutomationDefinitionNotFoundException")
        public static let automationDefinitionVersionNotFoundException = Self(
            rawValue: "AutomationDefinitionVersionNotFoundException")
        public static let invalidAutomationExecutionParametersException = Self(
            rawValue: "InvalidAutomationExecutionParametersException")
        public static let automationExecutionLimitExceededException = Self(rawValue: "AutomationExecutionLimitExceededException")
        public static let idempotentParameterMismatch = Self(rawValue: "IdempotentParameterMismatch")
        public static let invalidTarget = Self(rawValue: "InvalidTarget")
        public static let invalidFilterKey = Self(rawValue: "InvalidFilterKey")
        public static let invalidCommandId = Self(rawValue: "InvalidCommandId")
        public static let invalidInstanceId = Self(rawValue: "InvalidInstanceId")
        public static let invalidPluginName = Self(rawValue: "InvalidPluginName")
        public static let invocationDoesNotExist = Self(rawValue: "InvocationDoesNotExist")
        public static let invalidFilterValue = Self(rawValue: "InvalidFilterValue")
        public static let invalidNextToken = Self(rawValue: "InvalidNextToken")
        public static let invalidDocument = Self(rawValue: "InvalidDocument")
        public static let invalidDocumentContent = Self(rawValue: "InvalidDocumentContent")
        public static let invalidDocumentVersion = Self(rawValue: "InvalidDocumentVersion")
        public static let invalidDocumentSchemaVersion = Self(rawValue: "InvalidDocumentSchemaVersion")
        public static let documentAlreadyExists = Self(rawValue: "DocumentAlreadyExists")
        public static let duplicateDocumentContent = Self(rawValue: "DuplicateDocumentContent")
        public static let invalidDocumentOperation = Self(rawValue: "InvalidDocumentOperation")
        public static let validationException = Self(rawValue: "ValidationException")
        public static let throttlingException = Self(rawValue: "ThrottlingException")
        public static let internalServerError = Self(rawValue: "InternalServerError")
    }
}
