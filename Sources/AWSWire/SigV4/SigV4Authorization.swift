import AutomationModel
import Foundation

/// A parsed `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` Authorization header.
public struct SigV4Authorization: Sendable, Hashable {
    public var accessKeyId: String
    public var scope: SigV4Scope
    /// Lower-cased header names, in the order the header lists them.
    public var signedHeaders: [String]
    public var signature: String

    public init(accessKeyId: String, scope: SigV4Scope, signedHeaders: [String], signature: String) {
        self.accessKeyId = accessKeyId
        self.scope = scope
        self.signedHeaders = signedHeaders
        self.signature = signature
    }

    /// Parses an Authorization header value. Errors carry the code AWS answers with
    /// (IncompleteSignatureException) and say which part is missing or malformed.
    public static func parse(_ value: String) throws(ServiceError) -> SigV4Authorization {
        let algorithm = "AWS4-HMAC-SHA256"
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(algorithm + " ") else {
            throw incomplete(
                "Authorization header must start with '\(algorithm) ' followed by Credential, SignedHeaders and Signature; got '\(trimmed.prefix(40))'.")
        }
        var fields: [String: String] = [:]
        for part in trimmed.dropFirst(algorithm.count + 1).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else {
                throw incomplete("Authorization header part '\(part.trimmingCharacters(in: .whitespaces))' is not a key=value pair.")
            }
            fields[String(pair[0])] = String(pair[1])
        }
        let missing = ["Credential", "SignedHeaders", "Signature"].filter { fields[$0] == nil }
        guard missing.isEmpty else {
            throw incomplete(
                "Authorization header requires \(missing.map { "'\($0)'" }.joined(separator: ", ")) parameter(s). Authorization=\(trimmed)")
        }
        let credential = fields["Credential"]!.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard credential.count == 5, credential[4] == "aws4_request", !credential[0].isEmpty,
            credential[1].count == 8, credential[1].allSatisfy(\.isNumber)
        else {
            throw incomplete(
                "Credential should be scoped to a valid region and look like <access key id>/<yyyymmdd>/<region>/<service>/aws4_request; got '\(fields["Credential"]!)'.")
        }
        let signature = fields["Signature"]!
        guard signature.count == 64, signature.allSatisfy(\.isHexDigit) else {
            throw incomplete("Signature must be 64 hexadecimal characters; got '\(signature)'.")
        }
        let signedHeaders = fields["SignedHeaders"]!.split(separator: ";").map { $0.lowercased() }
        guard !signedHeaders.isEmpty else {
            throw incomplete("SignedHeaders must list at least the host header.")
        }
        return SigV4Authorization(
            accessKeyId: credential[0],
            scope: SigV4Scope(date: credential[1], region: credential[2], service: credential[3]),
            signedHeaders: signedHeaders,
            signature: signature.lowercased()
        )
    }

    private static func incomplete(_ message: String) -> ServiceError {
        ServiceError(SigV4ErrorCode.incompleteSignature, message)
    }
}

/// The error codes AWS answers with when a request's signature is missing or wrong.
public enum SigV4ErrorCode {
    public static let incompleteSignature = ServiceError.Code(rawValue: "IncompleteSignatureException")
    public static let missingAuthenticationToken = ServiceError.Code(rawValue: "MissingAuthenticationTokenException")
    public static let unrecognizedClient = ServiceError.Code(rawValue: "UnrecognizedClientException")
    public static let invalidSignature = ServiceError.Code(rawValue: "InvalidSignatureException")

    /// The HTTP status AWS uses with each of these codes: 400 for a malformed header, 403 otherwise.
    public static func httpStatus(for code: ServiceError.Code) -> Int {
        code == incompleteSignature ? 400 : 403
    }
}
