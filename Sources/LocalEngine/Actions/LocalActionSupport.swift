import Foundation

/// The names the local engine recognises for the things its runners can do, shared by the runners and by
/// the registry's capability checks so both accept exactly the same documents.
enum LocalActionSupport {
    static let runShellScriptDocument = "AWS-RunShellScript"

    /// `AWS-RunShellScript` or an ARN naming it, such as `arn:aws:ssm:us-east-1::document/AWS-RunShellScript`.
    static func isRunShellScript(_ documentName: String) -> Bool {
        let name = documentName.trimmingCharacters(in: .whitespaces)
        if name == runShellScriptDocument { return true }
        let parts = name.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return parts.count == 6 && parts[0] == "arn" && parts[2] == "ssm"
            && parts[5] == "document/\(runShellScriptDocument)"
    }

    /// `python3.8`, `python3.11` and the like; the local python3 runs whatever minor version is named.
    static func isPython3Runtime(_ runtime: String) -> Bool {
        let name = runtime.trimmingCharacters(in: .whitespaces).lowercased()
        guard name.hasPrefix("python3.") else { return false }
        let minor = name.dropFirst("python3.".count)
        return !minor.isEmpty && minor.allSatisfy(\.isNumber)
    }

    /// `stepfunctions`, `states` or `sfn`, in any case.
    static func isStepFunctionsService(_ service: String) -> Bool {
        ["stepfunctions", "states", "sfn"].contains(service.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
