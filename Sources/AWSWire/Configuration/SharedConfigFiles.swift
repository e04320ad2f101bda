import Foundation

/// The shared config and credentials files, merged into profiles the way botocore merges them: the config
/// file names profiles `[profile name]` (and `[default]`), the credentials file names them `[name]`, and a
/// setting in the credentials file wins over the same setting in the config file.
struct SharedConfigFiles: Sendable {
    let configPath: String
    let credentialsPath: String
    let configFileFound: Bool
    let credentialsFileFound: Bool
    /// Profile name → settings, credentials file merged over config file.
    let profiles: [String: [String: INIFile.Value]]
    /// `[services name]` sections: section name → service key (`ssm`, `sfn`, `sts`) → settings.
    let services: [String: [String: [String: String]]]
    /// `[sso-session name]` sections.
    let ssoSessions: [String: [String: String]]

    static func load(environment: [String: String], homeDirectory: String) throws(AWSConfigurationError)
        -> SharedConfigFiles
    {
        let configPath = expand(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config", home: homeDirectory)
        let credentialsPath = expand(
            environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials", home: homeDirectory)
        let config = try INIFile.load(path: configPath)
        let credentials = try INIFile.load(path: credentialsPath)

        var profiles: [String: [String: INIFile.Value]] = [:]
        var services: [String: [String: [String: String]]] = [:]
        var ssoSessions: [String: [String: String]] = [:]
        // `[default]` first so that an explicit `[profile default]` overrides it.
        for (section, values) in (config?.sections ?? [:]).sorted(by: { $0.key == "default" && $1.key != "default" }) {
            if section == "default" {
                profiles["default", default: [:]].merge(values) { _, new in new }
            } else if section.hasPrefix("profile"), let name = secondWord(of: section) {
                profiles[name, default: [:]].merge(values) { _, new in new }
            } else if section.hasPrefix("sso-session"), let name = secondWord(of: section) {
                ssoSessions[name] = values.compactMapValues(\.text)
            } else if section.hasPrefix("services"), let name = secondWord(of: section) {
                services[name] = values.compactMapValues {
                    if case .nested(let settings) = $0 { return settings }
                    return nil
                }
            }
        }
        for (name, values) in credentials?.sections ?? [:] {
            profiles[name, default: [:]].merge(values) { _, new in new }
        }
        return SharedConfigFiles(
            configPath: configPath, credentialsPath: credentialsPath, configFileFound: config != nil,
            credentialsFileFound: credentials != nil, profiles: profiles, services: services,
            ssoSessions: ssoSessions)
    }

    /// `profile name` → `name`; anything that is not exactly two words is not a profile (botocore's rule).
    private static func secondWord(of section: String) -> String? {
        guard let words = try? ShellWords.split(section), words.count == 2 else { return nil }
        return words[1]
    }

    static func expand(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        return path
    }

    /// "~/.aws/config (not found)" style wording for error messages.
    var filesDescription: String {
        "\(configPath)\(configFileFound ? "" : " (not found)") and \(credentialsPath)\(credentialsFileFound ? "" : " (not found)")"
    }
}

/// One profile's settings, read as botocore reads them.
public struct AWSProfile: Sendable {
    public let name: String
    let values: [String: INIFile.Value]

    init(name: String, values: [String: INIFile.Value]) {
        self.name = name
        self.values = values
    }

    /// A plain setting; empty values count as unset.
    public subscript(key: String) -> String? {
        guard let value = values[key]?.text, !value.isEmpty else { return nil }
        return value
    }

    /// A nested setting block (`s3 =` followed by indented lines).
    func nested(_ key: String) -> [String: String]? {
        if case .nested(let settings) = values[key] { return settings }
        return nil
    }
}
