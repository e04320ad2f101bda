import Foundation

/// Everything configuration is read from: options, environment, the shared files and the selected profile.
struct ConfigurationSources: Sendable {
    let options: AWSConfigurationOptions
    let environment: [String: String]
    let homeDirectory: String
    let files: SharedConfigFiles
    let profile: AWSProfile
    /// Where the profile name came from ("--profile", "AWS_PROFILE", …, or "the default").
    let profileOrigin: String

    init(options: AWSConfigurationOptions, environment: [String: String], homeDirectory: String)
        throws(AWSConfigurationError)
    {
        self.options = options
        self.environment = environment
        self.homeDirectory = homeDirectory
        let files = try SharedConfigFiles.load(environment: environment, homeDirectory: homeDirectory)
        self.files = files

        // botocore reads AWS_DEFAULT_PROFILE before AWS_PROFILE.
        let choices: [(String?, String)] = [
            (options.profile, "--profile"), (environment["AWS_DEFAULT_PROFILE"], "AWS_DEFAULT_PROFILE"),
            (environment["AWS_PROFILE"], "AWS_PROFILE"),
        ]
        let chosen = choices.first { !($0.0 ?? "").isEmpty }
        let name = chosen?.0 ?? "default"
        self.profileOrigin = chosen?.1 ?? "the default"
        if let values = files.profiles[name] {
            self.profile = AWSProfile(name: name, values: values)
        } else if name == "default" {
            self.profile = AWSProfile(name: name, values: [:])
        } else {
            let known = files.profiles.keys.sorted()
            throw AWSConfigurationError(
                .profileNotFound,
                "The config profile (\(name)) named by \(profileOrigin) could not be found in \(files.filesDescription). \(known.isEmpty ? "No profiles are defined there." : "Profiles defined there: \(known.joined(separator: ", ")).") Create it with `aws configure --profile \(name)`, or choose another with --profile or AWS_PROFILE."
            )
        }
    }

    /// An environment variable, treating an empty value as unset.
    func env(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// A boolean setting read like botocore's `ensure_boolean`: only "true" (any case) is true.
    func flag(env name: String, profileKey: String? = nil) -> Bool {
        if let value = env(name) { return value.lowercased() == "true" }
        if let profileKey, let value = profile[profileKey] { return value.lowercased() == "true" }
        return false
    }

    func expandPath(_ path: String) -> String {
        SharedConfigFiles.expand(path, home: homeDirectory)
    }

    /// The profile's settings in one of `profiles`, for credential chains that name another profile.
    func otherProfile(_ name: String) -> AWSProfile? {
        files.profiles[name].map { AWSProfile(name: name, values: $0) }
    }

    var profileDescription: String {
        "profile '\(profile.name)' (chosen by \(profileOrigin)) in \(files.filesDescription)"
    }
}
