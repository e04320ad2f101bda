import AutomationDocuments
import AutomationModel

/// The actions the local engine runs. Everything else follows from this list: the document checks at
/// CreateDocument and StartAutomationExecution, the list of actions refusals name, and the runners.
///
/// To add an action:
/// 1. If `AutomationActionName` has no constant for it yet, add one there (AutomationModel).
/// 2. Create `Sources/LocalEngine/Actions/<Name>Action.swift` declaring
///    `extension EngineAction { static let <name> = EngineAction(...) }`: its name, input rules, built-in outputs,
///    what of it the local engine runs, and `run: .runner { configuration in <Name>Runner(...) }` with the
///    `StepActionRunner` that does its work (in the same file when it is small).
/// 3. Add `.<name>` to `standard` below.
enum ActionRegistry {
    /// In the order refusals list them.
    static let standard: [EngineAction] = [
        .approve, .pause, .sleep, .branch, .loop, .updateVariable, .runCommand, .executeScript, .executeAwsApi,
        .executeAutomation,
    ]

    private static let byName = Dictionary(standard.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    static func action(named name: String) -> EngineAction? {
        byName[AutomationActionName(rawValue: name)]
    }

    /// What the document validator is told about the actions.
    static let specifications = standard.map(\.specification)

    /// What the local engine runs, for messages refusing a document: "The local engine runs aws:approve, …".
    static let summary: String = {
        let phrases = standard.map { $0.localScope.isEmpty ? "\($0.name)" : "\($0.name) \($0.localScope)" }
        guard let last = phrases.last, phrases.count > 1 else { return "The local engine runs \(phrases.joined())." }
        return "The local engine runs \(phrases.dropLast().joined(separator: ", ")), and \(last)."
    }()

    /// A runner for each action that has one, set up from `configuration`.
    static func runners(for configuration: EngineConfiguration) -> [AutomationActionName: any StepActionRunner] {
        var runners: [AutomationActionName: any StepActionRunner] = [:]
        for action in standard {
            if case .runner(let make) = action.run { runners[action.name] = make(configuration) }
        }
        return runners
    }
}
