import Foundation

/// The JSON credential documents of container endpoints, instance metadata and `credential_process`:
/// AccessKeyId, SecretAccessKey, Token or SessionToken, and an ISO 8601 Expiration.
enum CredentialsJSON {
    static func parse(_ data: Data, source: String, tokenKey: String) throws(AWSConfigurationError) -> AWSCredentials {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw failure(source, "did not return a JSON object: \(String(decoding: data.prefix(200), as: UTF8.self))")
        }
        guard let accessKeyId = object["AccessKeyId"] as? String, !accessKeyId.isEmpty,
            let secret = object["SecretAccessKey"] as? String, !secret.isEmpty
        else {
            throw failure(source, "returned JSON without AccessKeyId and SecretAccessKey (keys: \(object.keys.sorted().joined(separator: ", "))).")
        }
        var expiration: Date?
        if let text = object["Expiration"] as? String {
            guard let date = ISO8601Timestamp.parse(text) else {
                throw failure(source, "returned Expiration '\(text)', which is not an ISO 8601 time such as 2024-05-01T12:00:00Z.")
            }
            expiration = date
        }
        let token = (object[tokenKey] as? String).flatMap { $0.isEmpty ? nil : $0 }
        return AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: token, expiration: expiration)
    }

    static func failure(_ source: String, _ problem: String) -> AWSConfigurationError {
        AWSConfigurationError(.credentialSourceFailed, "\(source) \(problem)")
    }
}
