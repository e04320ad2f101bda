import AutomationModel

/// How the details pane writes the API's structured fields: target locations, alarms, targets, and members the
/// model does not know. One line per thing an operator reads, in the API's words.
enum FieldText {
    /// "Accounts 111122223333, 444455556666 · Regions us-east-1 · concurrency 2 · errors 1 · role Automation-Role".
    static func targetLocation(_ location: TargetLocation) -> String {
        var parts: [String] = []
        if let accounts = location.accounts, !accounts.isEmpty { parts.append("Accounts \(accounts.joined(separator: ", "))") }
        if location.includeChildOrganizationUnits == true { parts.append("with child OUs") }
        if let excluded = location.excludeAccounts, !excluded.isEmpty {
            parts.append("excluding \(excluded.joined(separator: ", "))")
        }
        if let regions = location.regions, !regions.isEmpty { parts.append("Regions \(regions.joined(separator: ", "))") }
        if let value = location.targetLocationMaxConcurrency { parts.append("concurrency \(value)") }
        if let value = location.targetLocationMaxErrors { parts.append("errors \(value)") }
        if let role = location.executionRoleName { parts.append("role \(role)") }
        if let targets = location.targets, !targets.isEmpty { parts.append("targets \(self.targets(targets))") }
        if let value = location.targetsMaxConcurrency { parts.append("targets concurrency \(value)") }
        if let value = location.targetsMaxErrors { parts.append("targets errors \(value)") }
        if let alarms = location.targetLocationAlarmConfiguration { parts.append("alarms \(alarmConfiguration(alarms))") }
        return parts.isEmpty ? "-" : parts.joined(separator: " · ")
    }

    /// "InstanceIds=i-1,i-2; tag:Env=prod".
    static func targets(_ targets: [Target]) -> String {
        targets.map { "\($0.key ?? "-")=\(($0.values ?? []).joined(separator: ","))" }.joined(separator: "; ")
    }

    /// "cpu-high, errors-5xx (poll failures ignored)".
    static func alarmConfiguration(_ configuration: AlarmConfiguration) -> String {
        let names = (configuration.alarms ?? []).map(\.name)
        var text = names.isEmpty ? "none" : names.joined(separator: ", ")
        if configuration.ignorePollAlarmFailure == true { text += " (poll failures ignored)" }
        return text
    }

    /// "cpu-high ALARM, disk-full UNKNOWN".
    static func triggeredAlarms(_ alarms: [AlarmStateInformation]) -> String {
        alarms.map { "\($0.name) \($0.state)" }.joined(separator: ", ")
    }

    /// Members the console does not know, by name, each value as JSON text.
    static func unmodeled(_ fields: [String: JSONValue]) -> [(name: String, value: String)] {
        fields.keys.sorted().map { (name: $0, value: fields[$0].map(jsonText) ?? "") }
    }

    private static func jsonText(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return value.jsonText
    }
}
