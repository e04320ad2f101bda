/// The kind of place the credential chain found credentials in.
public enum CredentialSourceKind: String, Sendable, Hashable {
    /// AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
    case environment
    /// A web identity token (AWS_WEB_IDENTITY_TOKEN_FILE or the profile's web_identity_token_file).
    case webIdentity
    /// Static keys in the profile.
    case profile
    /// The profile's credential_process.
    case credentialProcess
    /// The profile's role_arn, assumed with other credentials.
    case assumedRole
    /// IAM Identity Center (SSO) through the profile.
    case sso
    /// The container credentials endpoint (ECS, EKS Pod Identity).
    case container
    /// The EC2 instance's role, from instance metadata.
    case instanceMetadata
}
