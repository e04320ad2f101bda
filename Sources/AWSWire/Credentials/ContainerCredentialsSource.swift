import Foundation

/// Container credentials (ECS task roles, EKS Pod Identity): GET the URI, optionally with an Authorization
/// token from AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE or AWS_CONTAINER_AUTHORIZATION_TOKEN.
struct ContainerCredentialsSource: Sendable {
    /// Where AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is resolved against.
    static let relativeBase = "http://169.254.170.2"

    let url: URL
    let authorizationToken: String?
    let authorizationTokenFile: String?
    let transport: any AWSHTTPTransport

    func fetch() async throws -> AWSCredentials {
        let source = "The container credentials endpoint \(url.absoluteString)"
        var headers: [SigV4Request.Header] = [.init("Accept", "application/json")]
        if let host = SigV4Request.hostHeader(for: url) { headers.insert(.init("Host", host), at: 0) }
        if let authorizationTokenFile {
            guard let data = FileManager.default.contents(atPath: authorizationTokenFile) else {
                throw CredentialsJSON.failure(
                    source, "needs the token in AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE '\(authorizationTokenFile)', which cannot be read.")
            }
            headers.append(.init("Authorization", String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        } else if let authorizationToken {
            headers.append(.init("Authorization", authorizationToken))
        }
        // botocore tries a container endpoint three times: the agent may still be starting.
        let sender = RetryingSender(
            transport: transport, policy: AWSRetryPolicy(maxAttempts: 3, quota: AWSRetryQuota(), sleep: { _ in }),
            logger: .init(label: "AWSWire.ContainerCredentials"))
        let response: AWSHTTPResponse
        do {
            response = try await sender.send("container credentials", errorCode: { _ in nil }) {
                AWSHTTPRequest(method: "GET", url: url, headers: headers)
            }
        } catch {
            throw CredentialsJSON.failure(source, "could not be reached: \(error)")
        }
        guard response.isSuccess else {
            throw CredentialsJSON.failure(source, "answered HTTP \(response.status): \(response.bodyPreview)")
        }
        return try CredentialsJSON.parse(response.body, source: source, tokenKey: "Token")
    }

    /// AWS_CONTAINER_CREDENTIALS_FULL_URI must not send the token to an arbitrary host over plain HTTP:
    /// only HTTPS, loopback, or the ECS/EKS agent addresses are allowed (botocore's rule).
    static func isAllowedFullURI(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else { return false }
        if scheme == "https" { return true }
        guard scheme == "http" else { return false }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare == "localhost" || bare == "::1" || bare.hasPrefix("127.") { return true }
        return ["169.254.170.2", "169.254.170.23", "fd00:ec2::23"].contains(bare)
    }
}
