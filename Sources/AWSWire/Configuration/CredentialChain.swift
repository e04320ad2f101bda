import Foundation

/// Picks where credentials come from, in order: environment keys, web identity, the selected profile
/// (role_arn, SSO, static keys, credential_process), container credentials, instance metadata.
/// Everything but instance metadata is decided without network access; when nothing is configured and
/// instance metadata is off, resolution fails with a message that lists every place looked at.
struct CredentialChain {
    let sources: ConfigurationSources
    let region: String
    let endpoints: EndpointResolver
    let transportSettings: AWSTransportSettings
    let maxAttempts: Int
    let now: @Sendable () -> Date

    struct Choice {
        var provider: any AWSCredentialsProvider
        var description: String
        var kind: CredentialSourceKind
    }

    func resolve() throws(AWSConfigurationError) -> Choice {
        var lookedAt: [String] = []
        // Like the AWS CLI, an explicit --profile means "use that profile": environment keys and environment
        // web identity settings are skipped.
        if sources.options.profile != nil {
            lookedAt.append("environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: skipped because --profile was given")
            lookedAt.append("web identity (AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE): skipped because --profile was given")
        } else {
            if let choice = try environmentKeys() { return choice }
            lookedAt.append("environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: not set")

            if let choice = try environmentWebIdentity() { return choice }
            lookedAt.append("web identity (AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE): not set")
        }

        var visited: [String] = []
        if let choice = try profileCredentials(sources.profile, visited: &visited) { return choice }
        lookedAt.append(
            "\(sources.profileDescription): no aws_access_key_id, credential_process, role_arn or sso settings")

        if let choice = try container() { return choice }
        lookedAt.append("container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI, AWS_CONTAINER_CREDENTIALS_FULL_URI): not set")

        let fix =
            "To fix this, run `aws configure` (or `aws configure --profile NAME` and pass --profile NAME), export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws sso login` for an SSO profile."
        if sources.flag(env: "AWS_EC2_METADATA_DISABLED") {
            lookedAt.append("EC2 instance metadata: turned off by AWS_EC2_METADATA_DISABLED=true")
            throw noCredentials(lookedAt, fix: fix)
        }
        let metadata = try instanceMetadata()
        let places = lookedAt
        // Off EC2 the metadata service does not answer; that is "no credentials anywhere", said in full.
        let provider = CachedCredentialsProvider(now: now) {
            do {
                return try await metadata.fetch()
            } catch {
                throw noCredentials(places + ["EC2 instance metadata at \(metadata.endpoint.absoluteString): \(error)"], fix: fix)
            }
        }
        return Choice(provider: provider, description: "EC2 instance metadata at \(metadata.endpoint.absoluteString)",
            kind: .instanceMetadata)
    }

    func noCredentials(_ places: [String], fix: String) -> AWSConfigurationError {
        let list = places.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")
        return AWSConfigurationError(.noCredentials, "Unable to locate credentials. Looked at, in order:\n\(list)\n\(fix)")
    }

    // MARK: Environment

    func environmentKeys() throws(AWSConfigurationError) -> Choice? {
        let keyId = sources.env("AWS_ACCESS_KEY_ID"), secret = sources.env("AWS_SECRET_ACCESS_KEY")
        switch (keyId, secret) {
        case (nil, nil):
            return nil
        case (let keyId?, let secret?):
            let token = sources.env("AWS_SESSION_TOKEN") ?? sources.env("AWS_SECURITY_TOKEN")
            let expiration = sources.env("AWS_CREDENTIAL_EXPIRATION").flatMap(ISO8601Timestamp.parse)
            return Choice(
                provider: StaticCredentialsProvider(
                    AWSCredentials(accessKeyId: keyId, secretAccessKey: secret, sessionToken: token, expiration: expiration)),
                description: "environment variables", kind: .environment)
        default:
            let (set, unset) = keyId != nil ? ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY") : ("AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID")
            throw AWSConfigurationError(
                .partialCredentials,
                "Partial credentials found in the environment: \(set) is set but \(unset) is not. Set both, or unset \(set).")
        }
    }

    func environmentWebIdentity() throws(AWSConfigurationError) -> Choice? {
        guard let tokenFile = sources.env("AWS_WEB_IDENTITY_TOKEN_FILE") else { return nil }
        guard let roleArn = sources.env("AWS_ROLE_ARN") else {
            throw AWSConfigurationError(
                .invalidValue,
                "AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not: web identity needs the role to assume. Set AWS_ROLE_ARN or unset AWS_WEB_IDENTITY_TOKEN_FILE."
            )
        }
        return try webIdentity(
            roleArn: roleArn, tokenFile: sources.expandPath(tokenFile), sessionName: sources.env("AWS_ROLE_SESSION_NAME"),
            description: "web identity (AWS_ROLE_ARN \(roleArn))")
    }

    func webIdentity(roleArn: String, tokenFile: String, sessionName: String?, description: String)
        throws(AWSConfigurationError) -> Choice
    {
        let source = WebIdentitySource(
            roleArn: roleArn, tokenFile: tokenFile, sessionName: sessionName ?? defaultSessionName(), sts: try sts())
        return Choice(
            provider: CachedCredentialsProvider(now: now, fetch: source.fetch), description: description, kind: .webIdentity)
    }
}
