import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4 (header form), as botocore's `SigV4Auth` does.
public struct SigV4Signer: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    public var service: String

    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Signs `request` at `date`: replaces any Authorization, X-Amz-Date and X-Amz-Security-Token headers,
    /// adds `X-Amz-Date` (and `X-Amz-Security-Token` for temporary credentials, which is then signed), and
    /// adds the Authorization header. Every header except the hop-by-hop ones and User-Agent is signed.
    public func sign(_ request: SigV4Request, at date: Date) -> SigV4SignedRequest {
        var signed = request
        let timestamp = SigV4Timestamp.format(date)
        signed.removeHeaders(named: "Authorization")
        signed.setHeader("X-Amz-Date", timestamp)
        if let token = credentials.sessionToken {
            signed.setHeader("X-Amz-Security-Token", token)
        }
        let names = SigV4Canonicalizer.signableHeaderNames(signed.headers)
        let payloadHash = signed.values(of: "x-amz-content-sha256").first ?? SigV4Encoding.sha256Hex(signed.body)
        let canonicalRequest = SigV4Canonicalizer.canonicalRequest(
            method: signed.method, path: signed.path, query: signed.query, headers: signed.headers,
            signedHeaderNames: names, payloadHash: payloadHash)
        let scope = SigV4Scope(date: String(timestamp.prefix(8)), region: region, service: service)
        let stringToSign = SigV4Canonicalizer.stringToSign(
            timestamp: timestamp, scope: scope.description, canonicalRequest: canonicalRequest)
        let signature = SigV4Signer.signature(
            stringToSign: stringToSign, secretAccessKey: credentials.secretAccessKey, scope: scope)
        let authorization =
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(names.joined(separator: ";")), Signature=\(signature)"
        signed.headers.append(SigV4Request.Header("Authorization", authorization))
        return SigV4SignedRequest(
            request: signed, canonicalRequest: canonicalRequest, stringToSign: stringToSign,
            signedHeaders: names, signature: signature, authorization: authorization)
    }

    /// The derived signing key: HMAC chain over date, region, service and `aws4_request`.
    static func signingKey(secretAccessKey: String, scope: SigV4Scope) -> SymmetricKey {
        var key = SymmetricKey(data: Data("AWS4\(secretAccessKey)".utf8))
        for part in [scope.date, scope.region, scope.service, "aws4_request"] {
            key = SigV4Encoding.hmac(key: key, part)
        }
        return key
    }

    static func signature(stringToSign: String, secretAccessKey: String, scope: SigV4Scope) -> String {
        let key = signingKey(secretAccessKey: secretAccessKey, scope: scope)
        return SigV4Encoding.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
    }
}

/// The credential scope `yyyymmdd/region/service/aws4_request`.
public struct SigV4Scope: Sendable, Hashable, CustomStringConvertible {
    public var date: String
    public var region: String
    public var service: String

    public init(date: String, region: String, service: String) {
        self.date = date
        self.region = region
        self.service = service
    }

    public var description: String { "\(date)/\(region)/\(service)/aws4_request" }
}

/// A signed request and the intermediate values, kept so tests and logs can show how the signature came about.
public struct SigV4SignedRequest: Sendable, Hashable {
    /// The request with X-Amz-Date, X-Amz-Security-Token (if any) and Authorization added.
    public var request: SigV4Request
    public var canonicalRequest: String
    public var stringToSign: String
    /// Lower-cased, sorted names of the signed headers.
    public var signedHeaders: [String]
    public var signature: String
    /// The full Authorization header value.
    public var authorization: String
}
