import Crypto
import Foundation

/// IAM Identity Center (SSO) profiles: reads the access token `aws sso login` cached under
/// ~/.aws/sso/cache/<sha1 of the session name or start URL>.json and exchanges it for role credentials with
/// the portal's GetRoleCredentials. An expired token is not refreshed here: the error says to log in again.
struct SSOCredentialsSource: Sendable {
    let profileName: String
    /// The sso-session name, or the legacy sso_start_url, whose SHA-1 names the cache file.
    let cacheKey: String
    let cacheDirectory: String
    let accountId: String
    let roleName: String
    let portalEndpoint: URL
    let transport: any AWSHTTPTransport
    let now: @Sendable () -> Date

    var cacheFile: String {
        cacheDirectory + "/" + SigV4Encoding.hex(Insecure.SHA1.hash(data: Data(cacheKey.utf8))) + ".json"
    }

    func fetch() async throws -> AWSCredentials {
        let login = "Run `aws sso login --profile \(profileName)` and try again."
        guard let data = FileManager.default.contents(atPath: cacheFile),
            let cached = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let token = cached["accessToken"] as? String
        else {
            throw failure("found no cached SSO token at \(cacheFile). \(login)")
        }
        if let expiresAt = (cached["expiresAt"] as? String).flatMap(ISO8601Timestamp.parse), expiresAt <= now() {
            throw failure("has an SSO token that expired at \(ISO8601Timestamp.format(expiresAt)). \(login)")
        }
        var components = URLComponents(url: portalEndpoint, resolvingAgainstBaseURL: false)!
        components.path = (components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path)
            + "/federation/credentials"
        components.queryItems = [.init(name: "role_name", value: roleName), .init(name: "account_id", value: accountId)]
        let url = components.url!
        var headers: [SigV4Request.Header] = [.init("x-amz-sso_bearer_token", token)]
        if let host = SigV4Request.hostHeader(for: url) { headers.insert(.init("Host", host), at: 0) }
        let response: AWSHTTPResponse
        do {
            response = try await transport.send(AWSHTTPRequest(method: "GET", url: url, headers: headers))
        } catch {
            throw failure("could not reach the SSO portal at \(portalEndpoint.absoluteString): \(error)")
        }
        guard response.isSuccess else {
            let hint = response.status == 401 || response.status == 403 ? " \(login)" : ""
            throw failure("got HTTP \(response.status) from the SSO portal: \(response.bodyPreview)\(hint)")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any],
            let role = object["roleCredentials"] as? [String: Any],
            let accessKeyId = role["accessKeyId"] as? String, let secret = role["secretAccessKey"] as? String
        else {
            throw failure("got an SSO portal answer without roleCredentials: \(response.bodyPreview)")
        }
        let expiration = (role["expiration"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue / 1000) }
        return AWSCredentials(
            accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: role["sessionToken"] as? String,
            expiration: expiration)
    }

    private func failure(_ text: String) -> AWSConfigurationError {
        AWSConfigurationError(.credentialSourceFailed, "SSO profile '\(profileName)' \(text)")
    }
}
