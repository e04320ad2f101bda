import Foundation

/// The credentials a profile configures: role_arn (with source_profile, credential_source or a web identity
/// token file), SSO, static keys, credential_process, in botocore's order.
extension CredentialChain {
    /// The credentials a profile configures, or nil when it configures none. `visited` guards role chains.
    func profileCredentials(_ profile: AWSProfile, visited: inout [String]) throws(AWSConfigurationError) -> Choice? {
        if profile["role_arn"] != nil {
            return try assumeRole(profile, visited: &visited)
        }
        if profile["sso_session"] != nil || profile["sso_start_url"] != nil {
            return try sso(profile)
        }
        if let keys = try staticKeys(profile) { return keys }
        if let command = profile["credential_process"] {
            var environment = sources.environment
            if environment["PATH"] == nil { environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] }
            let source = CredentialProcessSource(command: command, profileName: profile.name, environment: environment)
            return Choice(
                provider: CachedCredentialsProvider(now: now, fetch: source.fetch),
                description: "credential_process of profile '\(profile.name)'", kind: .credentialProcess)
        }
        return nil
    }

    func staticKeys(_ profile: AWSProfile) throws(AWSConfigurationError) -> Choice? {
        switch (profile["aws_access_key_id"], profile["aws_secret_access_key"]) {
        case (nil, nil):
            return nil
        case (let keyId?, let secret?):
            let token = profile["aws_session_token"] ?? profile["aws_security_token"]
            return Choice(
                provider: StaticCredentialsProvider(accessKeyId: keyId, secretAccessKey: secret, sessionToken: token),
                description: "static keys of profile '\(profile.name)'", kind: .profile)
        case (_?, nil):
            throw partialProfile(profile, set: "aws_access_key_id", unset: "aws_secret_access_key")
        case (nil, _?):
            throw partialProfile(profile, set: "aws_secret_access_key", unset: "aws_access_key_id")
        }
    }

    func partialProfile(_ profile: AWSProfile, set: String, unset: String) -> AWSConfigurationError {
        AWSConfigurationError(
            .partialCredentials,
            "Partial credentials found in profile '\(profile.name)' (\(sources.files.filesDescription)): \(set) is set but \(unset) is not. Run `aws configure --profile \(profile.name)` to set both."
        )
    }

    func assumeRole(_ profile: AWSProfile, visited: inout [String]) throws(AWSConfigurationError) -> Choice {
        let roleArn = profile["role_arn"]!
        if let tokenFile = profile["web_identity_token_file"] {
            return try webIdentity(
                roleArn: roleArn, tokenFile: sources.expandPath(tokenFile), sessionName: profile["role_session_name"],
                description: "web identity of profile '\(profile.name)'")
        }
        if profile["mfa_serial"] != nil {
            throw AWSConfigurationError(
                .invalidValue,
                "Profile '\(profile.name)' sets mfa_serial, which needs an MFA code typed at a prompt; this tool does not prompt. Get temporary credentials first (for example `aws sts get-session-token --serial-number … --token-code …`) and put them in the environment."
            )
        }
        let source: Choice
        switch (profile["source_profile"], profile["credential_source"]) {
        case (_?, _?):
            throw AWSConfigurationError(
                .invalidValue,
                "Profile '\(profile.name)' sets both source_profile and credential_source; keep only one.")
        case (let sourceName?, nil):
            source = try sourceProfileCredentials(sourceName, for: profile, visited: &visited)
        case (nil, let named?):
            source = try credentialSource(named, for: profile)
        case (nil, nil):
            throw AWSConfigurationError(
                .invalidValue,
                "Profile '\(profile.name)' sets role_arn but none of source_profile, credential_source or web_identity_token_file, so there is nothing to assume the role with. Add one of them."
            )
        }
        var durationSeconds: Int?
        if let text = profile["duration_seconds"] {
            guard let value = Int(text), value > 0 else {
                throw AWSConfigurationError(
                    .invalidValue, "Profile '\(profile.name)' has duration_seconds = \(text); use a whole number of seconds such as 3600.")
            }
            durationSeconds = value
        }
        let assume = AssumeRoleSource(
            roleArn: roleArn, sessionName: profile["role_session_name"] ?? defaultSessionName(),
            externalId: profile["external_id"], durationSeconds: durationSeconds, profileName: profile.name,
            source: source.provider, sts: try sts())
        return Choice(
            provider: CachedCredentialsProvider(now: now, fetch: assume.fetch),
            description: "role \(roleArn) assumed with \(source.description)", kind: .assumedRole)
    }

    func sourceProfileCredentials(_ name: String, for profile: AWSProfile, visited: inout [String])
        throws(AWSConfigurationError) -> Choice
    {
        guard let sourceProfile = sources.otherProfile(name) else {
            throw AWSConfigurationError(
                .profileNotFound,
                "Profile '\(profile.name)' names source_profile \(name), which is not defined in \(sources.files.filesDescription). Define it or fix the name.")
        }
        // A profile may name itself as its source: its own static keys assume its role.
        if name == profile.name, let keys = try staticKeys(sourceProfile) { return keys }
        guard !visited.contains(name), name != profile.name else {
            throw AWSConfigurationError(
                .invalidValue,
                "The source_profile chain \((visited + [profile.name, name]).joined(separator: " → ")) loops. Make the last profile in the chain use static keys.")
        }
        visited.append(profile.name)
        guard let choice = try profileCredentials(sourceProfile, visited: &visited) else {
            throw AWSConfigurationError(
                .invalidValue,
                "The source_profile \(name) of profile '\(profile.name)' has no credentials of its own (static keys, credential_process, role_arn or sso). Add them.")
        }
        return choice
    }

    func credentialSource(_ name: String, for profile: AWSProfile) throws(AWSConfigurationError) -> Choice {
        let missing = { (what: String) in
            AWSConfigurationError(
                .invalidValue,
                "Profile '\(profile.name)' sets credential_source = \(name), but \(what).")
        }
        switch name {
        case "Environment":
            guard let choice = try environmentKeys() else {
                throw missing("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set")
            }
            return choice
        case "EcsContainer":
            guard let choice = try container() else {
                throw missing("neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set")
            }
            return choice
        case "Ec2InstanceMetadata":
            let metadata = try instanceMetadata()
            return Choice(
                provider: CachedCredentialsProvider(now: now, fetch: metadata.fetch),
                description: "EC2 instance metadata at \(metadata.endpoint.absoluteString)",
                kind: .instanceMetadata)
        default:
            throw missing("only Environment, EcsContainer and Ec2InstanceMetadata are valid values")
        }
    }

    func sso(_ profile: AWSProfile) throws(AWSConfigurationError) -> Choice {
        var cacheKey: String
        var ssoRegion = profile["sso_region"]
        if let sessionName = profile["sso_session"] {
            guard let session = sources.files.ssoSessions[sessionName] else {
                throw AWSConfigurationError(
                    .invalidFile,
                    "Profile '\(profile.name)' sets sso_session = \(sessionName), but there is no [sso-session \(sessionName)] section. Run `aws configure sso`.")
            }
            cacheKey = sessionName
            ssoRegion = session["sso_region"] ?? ssoRegion
        } else {
            cacheKey = profile["sso_start_url"]!
        }
        let needed = ["sso_account_id", "sso_role_name"].filter { profile[$0] == nil } + (ssoRegion == nil ? ["sso_region"] : [])
        guard needed.isEmpty, let ssoRegion else {
            throw AWSConfigurationError(
                .invalidValue,
                "SSO profile '\(profile.name)' is missing \(needed.joined(separator: ", ")). Run `aws configure sso --profile \(profile.name)`.")
        }
        let portal = EndpointResolver(
            explicitURL: nil, environment: sources.environment, profile: sources.profile,
            services: sources.files.services, ignoreConfigured: endpoints.ignoreConfigured, region: ssoRegion)
        let endpoint = try portal.resolve(
            AWSServiceEndpoint(endpointPrefix: "portal.sso", environmentKey: "SSO", configKey: "sso"), useExplicit: false)
        let source = SSOCredentialsSource(
            profileName: profile.name, cacheKey: cacheKey, cacheDirectory: sources.homeDirectory + "/.aws/sso/cache",
            accountId: profile["sso_account_id"]!, roleName: profile["sso_role_name"]!, portalEndpoint: endpoint.url,
            transport: AsyncHTTPTransport(settings: transportSettings), now: now)
        return Choice(
            provider: CachedCredentialsProvider(now: now, fetch: source.fetch),
            description: "SSO role \(profile["sso_role_name"]!) in account \(profile["sso_account_id"]!)", kind: .sso)
    }
}
