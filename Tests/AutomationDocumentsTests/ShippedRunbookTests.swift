import AutomationDocuments
import AutomationModel
import Testing

/// Every shipped runbook parses, validates, and uses only what the local engine runs.
struct ShippedRunbookTests {
    static let expectedNames = [
        "Demo-ApproveRestart", "Demo-BranchOnEnvironment", "Demo-CommandTimeout", "Demo-FlakyStepWithRetries",
        "Demo-InteractiveMaintenance",
        "Demo-PauseAndResume", "Demo-RollingRestart", "Demo-SleepThenFinish", "Demo-SlowCommand",
        "SfnRunCommandByInstanceIds",
        "SfnRunCommandByTargets",
    ]

    @Test func theFolderHoldsExactlyTheShippedRunbooks() throws {
        #expect(try RunbookFiles.names() == Self.expectedNames)
    }

    @Test(arguments: expectedNames)
    func parsesAndValidates(name: String) throws {
        let doc = try RunbookFiles.document(name)
        #expect(doc.schemaVersion == "0.3")
        #expect(!(doc.description ?? "").isEmpty)
        try DocumentValidator.validate(doc)
    }

    @Test(arguments: expectedNames)
    func usesOnlyActionsTheLocalEngineRuns(name: String) throws {
        let doc = try RunbookFiles.document(name)
        let parameterNames = Set(doc.parameters.map(\.name))
        for step in doc.mainSteps {
            let place = "\(name) \(step.name)"
            switch step.action {
            case "aws:approve", "aws:pause", "aws:sleep", "aws:branch":
                break
            case "aws:runCommand":
                #expect(step.inputs["DocumentName"] == "AWS-RunShellScript", "\(place)")
                if let ids = step.inputs["InstanceIds"] {
                    let isLocal = ids == ["mi-00000000000000001"]
                    // A parameter holding the list, or a list of one parameter (a rate-controlled child's target).
                    let reference = ids.stringValue ?? ids.arrayValue.flatMap { $0.count == 1 ? $0[0].stringValue : nil }
                    let isParameter = reference.map { text in
                        parameterNames.contains { text == "{{ \($0) }}" }
                    } ?? false
                    #expect(isLocal || isParameter, "\(place) InstanceIds \(ids)")
                } else {
                    #expect(step.inputs["Targets"] == "{{ Targets }}", "\(place) needs InstanceIds or Targets")
                }
                #expect(step.inputs["Parameters"]?["commands"] != nil, "\(place) needs commands")
            case "aws:executeScript":
                #expect(step.inputs["Runtime"] == "python3.11", "\(place)")
                let handler = step.inputs["Handler"]?.stringValue ?? ""
                #expect(!handler.isEmpty, "\(place)")
                #expect(step.inputs["Script"]?.stringValue?.contains("def \(handler)(events, context)") == true, "\(place)")
            case "aws:executeAwsApi":
                #expect(step.inputs["Service"] == "stepfunctions", "\(place)")
            default:
                Issue.record("\(place) uses \(step.action), which the local engine does not run")
            }
        }
    }

    /// A start form filling in only the required parameters is enough.
    @Test(arguments: expectedNames)
    func startsWithOnlyTheRequiredParameters(name: String) throws {
        let doc = try RunbookFiles.document(name)
        var provided: AutomationParameterMap = [:]
        for parameter in doc.parameters where parameter.isRequired {
            switch parameter.type {
            case .mapList: provided[parameter.name] = [#"{"Key":"InstanceIds","Values":["mi-00000000000000001"]}"#]
            case .stringMap: provided[parameter.name] = [#"{"key":"value"}"#]
            case .integer: provided[parameter.name] = ["1"]
            case .boolean: provided[parameter.name] = ["true"]
            case .string, .stringList:
                // An instance ID where the pattern asks for one (the target parameter of a fleet runbook).
                let instance = "mi-00000000000000001"
                let fitsPattern = parameter.allowedPattern.map { instance.wholeMatch(of: try! Regex($0)) != nil } ?? false
                provided[parameter.name] = [fitsPattern ? instance : "value"]
            }
        }
        let resolved = try ParameterResolver.resolve(
            definitions: doc.parameters, provided: provided.isEmpty ? nil : provided, maxValueLength: 2048)
        #expect(resolved.apiParameters.keys.sorted() == doc.parameters.map(\.name).sorted())
    }
}
