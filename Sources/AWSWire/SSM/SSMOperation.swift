/// The name of an SSM operation, as it appears after `AmazonSSM.` in X-Amz-Target. Open like the API: a name
/// not listed here is kept as it comes.
public struct SSMOperation: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let describeAutomationExecutions = Self(rawValue: "DescribeAutomationExecutions")
    public static let getAutomationExecution = Self(rawValue: "GetAutomationExecution")
    public static let describeAutomationStepExecutions = Self(rawValue: "DescribeAutomationStepExecutions")
    public static let sendAutomationSignal = Self(rawValue: "SendAutomationSignal")
    public static let startAutomationExecution = Self(rawValue: "StartAutomationExecution")
    public static let stopAutomationExecution = Self(rawValue: "StopAutomationExecution")
    public static let getDocument = Self(rawValue: "GetDocument")
    public static let describeDocument = Self(rawValue: "DescribeDocument")
    public static let listDocuments = Self(rawValue: "ListDocuments")
    public static let createDocument = Self(rawValue: "CreateDocument")
}
