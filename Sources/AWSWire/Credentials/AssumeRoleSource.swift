import Foundation

/// `role_arn` with `source_profile` or `credential_source`: STS AssumeRole signed with the source credentials.
struct AssumeRoleSource: Sendable {
    let roleArn: String
    let sessionName: String
    let externalId: String?
    let durationSeconds: Int?
    let profileName: String
    let source: any AWSCredentialsProvider
    let sts: STSClient

    func fetch() async throws -> AWSCredentials {
        let sourceCredentials = try await source.credentials()
        do {
            return try await sts.assumeRole(
                roleArn: roleArn, sessionName: sessionName, externalId: externalId, durationSeconds: durationSeconds,
                sourceCredentials: sourceCredentials)
        } catch {
            throw AWSConfigurationError(
                .credentialSourceFailed,
                "Profile '\(profileName)' could not assume role \(roleArn) through STS at \(sts.endpoint.absoluteString): \(error). Check the role's trust policy and the source credentials."
            )
        }
    }
}

/// AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE (or a profile's role_arn + web_identity_token_file):
/// STS AssumeRoleWithWebIdentity with the token read from the file on every refresh (it rotates).
struct WebIdentitySource: Sendable {
    let roleArn: String
    let tokenFile: String
    let sessionName: String
    let sts: STSClient

    func fetch() async throws -> AWSCredentials {
        guard let data = FileManager.default.contents(atPath: tokenFile) else {
            throw AWSConfigurationError(
                .credentialSourceFailed,
                "The web identity token file '\(tokenFile)' (AWS_WEB_IDENTITY_TOKEN_FILE / web_identity_token_file) cannot be read. Check that it exists and is readable."
            )
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            return try await sts.assumeRoleWithWebIdentity(roleArn: roleArn, sessionName: sessionName, webIdentityToken: token)
        } catch {
            throw AWSConfigurationError(
                .credentialSourceFailed,
                "AssumeRoleWithWebIdentity for \(roleArn) at \(sts.endpoint.absoluteString) failed: \(error). Check the role's trust policy for this identity provider."
            )
        }
    }
}
