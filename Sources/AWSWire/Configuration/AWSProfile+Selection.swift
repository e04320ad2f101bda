extension AWSProfile {
    /// The profile the AWS CLI would read for these options (--profile, AWS_DEFAULT_PROFILE, AWS_PROFILE, then
    /// `default`), for settings that are not about the connection, such as `output`. Throws as `resolve` does
    /// for an unknown profile or a malformed file.
    public static func selected(
        options: AWSConfigurationOptions, environment: [String: String], homeDirectory: String
    ) throws(AWSConfigurationError) -> AWSProfile {
        try ConfigurationSources(options: options, environment: environment, homeDirectory: homeDirectory).profile
    }
}

extension AWSProfile {
    /// The profiles the shared config and credentials files define, sorted, for completing --profile. A file
    /// that cannot be read defines none here: completion has nowhere to report the error.
    public static func names(environment: [String: String], homeDirectory: String) -> [String] {
        guard let files = try? SharedConfigFiles.load(environment: environment, homeDirectory: homeDirectory) else {
            return []
        }
        return files.profiles.keys.sorted()
    }
}
