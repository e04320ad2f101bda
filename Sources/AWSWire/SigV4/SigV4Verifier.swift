import AutomationModel
import Foundation

/// Checks the signature of a received request, the way an AWS endpoint does.
public enum SigV4Verifier {
    /// How far a request's X-Amz-Date may be from the server's clock.
    public static let allowedClockSkew: TimeInterval = 5 * 60

    /// What the server computed for a received request.
    public struct Recomputation: Sendable, Hashable {
        public var authorization: SigV4Authorization
        public var requestDate: Date
        public var canonicalRequest: String
        public var stringToSign: String
        /// The signature the request should carry if it was signed with the given secret.
        public var expectedSignature: String
        public var signatureMatches: Bool { constantTimeEqual(expectedSignature, authorization.signature) }
    }

    /// Recomputes the signature of a received request over the headers its Authorization lists.
    /// - Parameters:
    ///   - path: the request path as received (still percent-encoded).
    ///   - rawQuery: the query string as received, without `?` (still percent-encoded).
    ///   - headers: the received headers; names are matched case-insensitively and repeats are joined with `,`.
    public static func recompute(
        method: String, path: String, rawQuery: String, headers: [SigV4Request.Header], body: Data,
        secretAccessKey: String
    ) throws(ServiceError) -> Recomputation {
        let authorization = try parsedAuthorization(headers)
        let timestamp = try requestTimestamp(headers)
        let present = Set(headers.map { $0.name.lowercased() })
        let absent = authorization.signedHeaders.filter { !present.contains($0) }
        guard absent.isEmpty else {
            throw ServiceError(
                SigV4ErrorCode.invalidSignature,
                "The request signature covers header(s) \(absent.joined(separator: ", ")) that the request does not carry. Sign only the headers that are sent."
            )
        }
        // The body is always hashed (as services other than S3 do), so an X-Amz-Content-SHA256 of
        // UNSIGNED-PAYLOAD cannot exempt the body from the signature.
        let canonicalRequest = SigV4Canonicalizer.canonicalRequest(
            method: method, path: path, query: SigV4Request.decodeQuery(rawQuery), headers: headers,
            signedHeaderNames: authorization.signedHeaders, payloadHash: SigV4Encoding.sha256Hex(body))
        let stringToSign = SigV4Canonicalizer.stringToSign(
            timestamp: timestamp.text, scope: authorization.scope.description, canonicalRequest: canonicalRequest)
        let expected = SigV4Signer.signature(
            stringToSign: stringToSign, secretAccessKey: secretAccessKey, scope: authorization.scope)
        return Recomputation(
            authorization: authorization, requestDate: timestamp.date, canonicalRequest: canonicalRequest,
            stringToSign: stringToSign, expectedSignature: expected)
    }

    /// Verifies a received request completely: the Authorization header is present and well formed, the access
    /// key is known (`secretForAccessKey` returns its secret), the host header is signed, the request time is
    /// within five minutes of `now`, and the signature matches. Returns the parsed Authorization.
    public static func verify(
        method: String, path: String, rawQuery: String, headers: [SigV4Request.Header], body: Data,
        now: Date = Date(), secretForAccessKey: (String) -> String?
    ) throws(ServiceError) -> SigV4Authorization {
        let authorization = try parsedAuthorization(headers)
        guard let secret = secretForAccessKey(authorization.accessKeyId) else {
            throw ServiceError(
                SigV4ErrorCode.unrecognizedClient,
                "The security token included in the request is invalid: access key '\(authorization.accessKeyId)' is not known here. Use the credentials this endpoint was started with."
            )
        }
        guard authorization.signedHeaders.contains("host") else {
            throw ServiceError(
                SigV4ErrorCode.invalidSignature,
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")
        }
        let result = try recompute(
            method: method, path: path, rawQuery: rawQuery, headers: headers, body: body, secretAccessKey: secret)
        let skew = result.requestDate.timeIntervalSince(now)
        if abs(skew) > allowedClockSkew {
            let stamp = SigV4Timestamp.format(result.requestDate)
            let limit = SigV4Timestamp.format(now.addingTimeInterval(skew > 0 ? allowedClockSkew : -allowedClockSkew))
            throw ServiceError(
                SigV4ErrorCode.invalidSignature,
                "Signature expired: \(stamp) is now \(skew > 0 ? "later" : "earlier") than \(limit) (\(SigV4Timestamp.format(now)) \(skew > 0 ? "+" : "-") 5 min.). Check this machine's clock."
            )
        }
        guard result.authorization.scope.date == String(SigV4Timestamp.format(result.requestDate).prefix(8)) else {
            throw ServiceError(
                SigV4ErrorCode.invalidSignature,
                "Date in Credential scope (\(result.authorization.scope.date)) does not match the date of X-Amz-Date (\(SigV4Timestamp.format(result.requestDate)))."
            )
        }
        guard result.signatureMatches else {
            throw ServiceError(
                SigV4ErrorCode.invalidSignature,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method."
            )
        }
        return result.authorization
    }

    private static func parsedAuthorization(_ headers: [SigV4Request.Header]) throws(ServiceError) -> SigV4Authorization {
        guard let value = headers.first(where: { $0.name.lowercased() == "authorization" })?.value else {
            throw ServiceError(
                SigV4ErrorCode.missingAuthenticationToken,
                "Missing Authentication Token: the request has no Authorization header. Sign requests with SigV4 (any AWS SDK or CLI does)."
            )
        }
        return try SigV4Authorization.parse(value)
    }

    private static func requestTimestamp(_ headers: [SigV4Request.Header]) throws(ServiceError) -> (text: String, date: Date) {
        guard let text = headers.first(where: { $0.name.lowercased() == "x-amz-date" })?.value else {
            throw ServiceError(
                SigV4ErrorCode.incompleteSignature,
                "Authorization header requires existence of a 'X-Amz-Date' header (format yyyyMMdd'T'HHmmss'Z').")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let date = SigV4Timestamp.parse(trimmed) else {
            throw ServiceError(
                SigV4ErrorCode.incompleteSignature,
                "X-Amz-Date '\(text)' is not in the basic ISO 8601 format yyyyMMdd'T'HHmmss'Z' (e.g. 20150830T123600Z).")
        }
        return (trimmed, date)
    }

    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
