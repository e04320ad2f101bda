import Foundation

/// `credential_process`: runs the command (split like a shell would, without a shell) and reads JSON from its
/// standard output: Version 1, AccessKeyId, SecretAccessKey, optional SessionToken and Expiration.
struct CredentialProcessSource: Sendable {
    let command: String
    let profileName: String
    let environment: [String: String]

    func fetch() async throws -> AWSCredentials {
        let source = "credential_process '\(command)' of profile '\(profileName)'"
        let arguments: [String]
        do {
            arguments = try ShellWords.split(command)
        } catch {
            throw CredentialsJSON.failure(source, "has an unterminated quote or trailing backslash. Fix the command in the config file.")
        }
        guard !arguments.isEmpty else {
            throw CredentialsJSON.failure(source, "is empty. Set it to a command that prints credentials JSON.")
        }
        let result: ProcessRunner.Result
        do {
            result = try await ProcessRunner.run(arguments, environment: environment)
        } catch {
            throw CredentialsJSON.failure(source, "could not be started: \(error).")
        }
        guard result.status == 0 else {
            let stderr = String(decoding: result.standardError.prefix(500), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw CredentialsJSON.failure(
                source,
                "exited with status \(result.status)\(stderr.isEmpty ? "" : ": \(stderr)"). Run the command yourself to see what is wrong.")
        }
        let object = (try? JSONSerialization.jsonObject(with: result.standardOutput)) as? [String: Any]
        guard let version = object?["Version"] as? Int else {
            throw CredentialsJSON.failure(source, "printed no \"Version\": 1 in its JSON output. The output must be a JSON object with Version 1.")
        }
        guard version == 1 else {
            throw CredentialsJSON.failure(source, "printed Version \(version); only Version 1 is understood.")
        }
        return try CredentialsJSON.parse(result.standardOutput, source: source, tokenKey: "SessionToken")
    }
}
