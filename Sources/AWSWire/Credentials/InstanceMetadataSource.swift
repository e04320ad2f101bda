import Foundation

/// EC2 instance metadata (IMDSv2): PUT a session token, GET the role name, GET the role's credentials.
/// Falls back to IMDSv1 when the token call is refused (403/404/405), unless AWS_EC2_METADATA_V1_DISABLED.
struct InstanceMetadataSource: Sendable {
    static let defaultEndpoint = "http://169.254.169.254"
    static let defaultIPv6Endpoint = "http://[fd00:ec2::254]"
    static let tokenTTLSeconds = 21600
    private static let credentialsPath = "latest/meta-data/iam/security-credentials/"

    let endpoint: URL
    let attempts: Int
    let v1Disabled: Bool
    let transport: any AWSHTTPTransport

    func fetch() async throws -> AWSCredentials {
        let token = try await sessionToken()
        let roleAnswer = try await get(Self.credentialsPath, token: token)
        guard roleAnswer.status == 200 else {
            throw problem(
                roleAnswer.status == 404
                    ? "has no IAM role attached to this instance (HTTP 404). Attach an instance profile."
                    : "answered HTTP \(roleAnswer.status) for the role name: \(roleAnswer.bodyPreview)")
        }
        guard let role = String(decoding: roleAnswer.body, as: UTF8.self).split(whereSeparator: \.isNewline).first
            .map({ $0.trimmingCharacters(in: .whitespaces) }), !role.isEmpty
        else {
            throw problem("returned an empty role name. Attach an instance profile to this instance.")
        }
        let answer = try await get(Self.credentialsPath + role, token: token)
        guard answer.status == 200 else {
            throw problem("answered HTTP \(answer.status) for the credentials of role '\(role)': \(answer.bodyPreview)")
        }
        if let object = (try? JSONSerialization.jsonObject(with: answer.body)) as? [String: Any],
            let code = object["Code"] as? String, code != "Success"
        {
            throw problem("reported Code '\(code)' for role '\(role)': \(object["Message"] as? String ?? "no message").")
        }
        return try CredentialsJSON.parse(answer.body, source: "Instance metadata at \(endpoint.absoluteString)", tokenKey: "Token")
    }

    private func sessionToken() async throws -> String? {
        let url = endpoint.appendingPathComponent("latest/api/token")
        let response = try await send(
            AWSHTTPRequest(
                method: "PUT", url: url,
                headers: hostHeader(url) + [.init("x-aws-ec2-metadata-token-ttl-seconds", String(Self.tokenTTLSeconds))]))
        if response.status == 200 {
            return String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if [403, 404, 405].contains(response.status) && !v1Disabled { return nil }
        throw problem("refused a session token (HTTP \(response.status))\(v1Disabled ? " and IMDSv1 is disabled by AWS_EC2_METADATA_V1_DISABLED" : "").")
    }

    private func get(_ path: String, token: String?) async throws -> AWSHTTPResponse {
        let url = endpoint.appendingPathComponent(path)
        var headers = hostHeader(url)
        if let token { headers.append(.init("x-aws-ec2-metadata-token", token)) }
        return try await send(AWSHTTPRequest(method: "GET", url: url, headers: headers))
    }

    private func send(_ request: AWSHTTPRequest) async throws -> AWSHTTPResponse {
        let sender = RetryingSender(
            transport: transport,
            policy: AWSRetryPolicy(maxAttempts: attempts, quota: AWSRetryQuota(), sleep: { _ in }),
            logger: .init(label: "AWSWire.InstanceMetadata"))
        do {
            return try await sender.send("instance metadata", errorCode: { _ in nil }) { request }
        } catch {
            throw problem("could not be reached: \(error)")
        }
    }

    private func hostHeader(_ url: URL) -> [SigV4Request.Header] {
        SigV4Request.hostHeader(for: url).map { [.init("Host", $0)] } ?? []
    }

    private func problem(_ text: String) -> AWSConfigurationError {
        AWSConfigurationError(.credentialSourceFailed, "Instance metadata at \(endpoint.absoluteString) \(text)")
    }
}
