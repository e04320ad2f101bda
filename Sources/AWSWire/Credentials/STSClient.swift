import AutomationModel
import Foundation
import Logging

/// The STS calls ssm-console makes, over the query protocol (form-encoded POST, XML answer): the two credential
/// resolution needs, and GetCallerIdentity.
struct STSClient: Sendable {
    let endpoint: URL
    let region: String
    let transport: any AWSHTTPTransport
    let retryPolicy: AWSRetryPolicy
    let now: @Sendable () -> Date
    var logger = Logger(label: "AWSWire.STS")

    /// AssumeRole, signed with the source credentials.
    func assumeRole(
        roleArn: String, sessionName: String, externalId: String?, durationSeconds: Int?,
        sourceCredentials: AWSCredentials
    ) async throws -> AWSCredentials {
        var parameters = [
            ("Action", STSQuery.assumeRole), ("Version", STSQuery.version), ("RoleArn", roleArn),
            ("RoleSessionName", sessionName),
        ]
        if let externalId { parameters.append(("ExternalId", externalId)) }
        if let durationSeconds { parameters.append(("DurationSeconds", String(durationSeconds))) }
        return try Self.credentials(
            in: try await call(STSQuery.assumeRole, parameters: parameters, signWith: sourceCredentials),
            action: STSQuery.assumeRole)
    }

    /// AssumeRoleWithWebIdentity, which STS accepts unsigned: the token is the proof.
    func assumeRoleWithWebIdentity(roleArn: String, sessionName: String, webIdentityToken: String) async throws
        -> AWSCredentials
    {
        let parameters = [
            ("Action", STSQuery.assumeRoleWithWebIdentity), ("Version", STSQuery.version), ("RoleArn", roleArn),
            ("RoleSessionName", sessionName), ("WebIdentityToken", webIdentityToken),
        ]
        return try Self.credentials(
            in: try await call(STSQuery.assumeRoleWithWebIdentity, parameters: parameters, signWith: nil),
            action: STSQuery.assumeRoleWithWebIdentity)
    }

    /// GetCallerIdentity, signed with the caller's credentials: who they are.
    func getCallerIdentity(credentials: AWSCredentials) async throws -> CallerIdentity {
        let action = STSQuery.getCallerIdentity
        let xml = try await call(action, parameters: [("Action", action), ("Version", STSQuery.version)], signWith: credentials)
        guard let arn = XMLElementText.first("Arn", in: xml), let account = XMLElementText.first("Account", in: xml),
            let userId = XMLElementText.first("UserId", in: xml)
        else {
            throw AWSWireError(
                .malformedResponse,
                "STS \(action) at \(endpoint.absoluteString) answered without Arn, Account and UserId: \(String(xml.prefix(300)))")
        }
        return CallerIdentity(arn: arn, account: account, userId: userId)
    }

    /// Sends one action and returns the XML of a successful answer; an error answer throws its STS error code.
    private func call(_ action: String, parameters: [(String, String)], signWith credentials: AWSCredentials?)
        async throws -> String
    {
        let body = Data(
            parameters.map { "\(SigV4Encoding.percentEncode($0.0))=\(SigV4Encoding.percentEncode($0.1))" }
                .joined(separator: "&").utf8)
        let url = endpoint.path.isEmpty ? URL(string: endpoint.absoluteString + "/") ?? endpoint : endpoint
        let sender = RetryingSender(transport: transport, policy: retryPolicy, logger: logger)
        let response = try await sender.send(action, errorCode: { XMLElementText.first("Code", in: String(decoding: $0.body, as: UTF8.self)) }) {
            let headers: [SigV4Request.Header] = [
                .init("Content-Type", STSQuery.formContentType),
                .init("User-Agent", "ssm-console/1.0"),
            ]
            guard let credentials else {
                var unsigned = headers
                if let host = SigV4Request.hostHeader(for: url) { unsigned.insert(.init("Host", host), at: 0) }
                return AWSHTTPRequest(method: "POST", url: url, headers: unsigned, body: body)
            }
            let request = try SigV4Request(method: "POST", url: url, headers: headers, body: body)
            let signed = SigV4Signer(credentials: credentials, region: region, service: STSQuery.signingName).sign(request, at: now())
            return AWSHTTPRequest(method: "POST", url: url, headers: signed.request.headers, body: body)
        }
        let xml = String(decoding: response.body, as: UTF8.self)
        guard response.isSuccess else {
            guard let code = XMLElementText.first("Code", in: xml) else {
                throw AWSWireError(
                    .malformedResponse,
                    "STS \(action) at \(endpoint.absoluteString) failed with HTTP \(response.status) and no error code: \(response.bodyPreview)",
                    httpStatus: response.status)
            }
            throw ServiceError(ServiceError.Code(rawValue: code), XMLElementText.first("Message", in: xml) ?? "HTTP \(response.status)")
        }
        return xml
    }

    private static func credentials(in xml: String, action: String) throws -> AWSCredentials {
        guard let accessKeyId = XMLElementText.first("AccessKeyId", in: xml),
            let secret = XMLElementText.first("SecretAccessKey", in: xml),
            let token = XMLElementText.first("SessionToken", in: xml)
        else {
            throw AWSWireError(
                .malformedResponse,
                "STS \(action) answered without AccessKeyId, SecretAccessKey and SessionToken: \(String(xml.prefix(300)))")
        }
        let expiration = XMLElementText.first("Expiration", in: xml).flatMap(ISO8601Timestamp.parse)
        return AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: token, expiration: expiration)
    }
}
