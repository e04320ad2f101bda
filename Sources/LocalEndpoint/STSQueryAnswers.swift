import AWSWire
import AutomationModel
import Foundation

/// The STS query protocol's side of the endpoint: which form requests it answers (GetCallerIdentity) and the
/// XML it answers with, as STS writes it.
enum STSQueryAnswers {
    static let contentType = "text/xml"
    static let invalidAction = ServiceError.Code(rawValue: "InvalidAction")
    static let missingAction = ServiceError.Code(rawValue: "MissingAction")
    static let invalidVersion = ServiceError.Code(rawValue: "InvalidParameterValue")

    /// Whether a request speaks the query protocol: a form-encoded body (and no JSON X-Amz-Target).
    static func isQueryRequest(contentType: String?, target: String?) -> Bool {
        guard target == nil, let contentType else { return false }
        return contentType.lowercased().hasPrefix("application/x-www-form-urlencoded")
    }

    /// Answers one verified STS form request for `identity`.
    static func answer(form body: Data, identity: CallerIdentity, requestId: String) throws(ServiceError) -> Data {
        let form = Dictionary(
            SigV4Request.decodeQuery(String(decoding: body, as: UTF8.self)).map { ($0.name, $0.value) }
        ) { first, _ in first }
        guard let action = form["Action"], !action.isEmpty else {
            throw ServiceError(missingAction, "The request must contain the parameter Action (Action=\(STSQuery.getCallerIdentity)).")
        }
        guard action == STSQuery.getCallerIdentity else {
            throw ServiceError(
                invalidAction,
                "Could not find operation \(action) for version \(form["Version"] ?? "NO_VERSION_SPECIFIED"). This endpoint answers only \(STSQuery.getCallerIdentity) for STS.")
        }
        guard form["Version"] == STSQuery.version else {
            throw ServiceError(
                invalidVersion,
                "Version must be \(STSQuery.version); got '\(form["Version"] ?? "")'. Send Action=\(STSQuery.getCallerIdentity)&Version=\(STSQuery.version).")
        }
        return Data(
            """
            <GetCallerIdentityResponse xmlns="\(STSQuery.xmlNamespace)">
              <GetCallerIdentityResult>
                <Arn>\(escaped(identity.arn))</Arn>
                <UserId>\(escaped(identity.userId))</UserId>
                <Account>\(escaped(identity.account))</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata>
                <RequestId>\(requestId)</RequestId>
              </ResponseMetadata>
            </GetCallerIdentityResponse>

            """.utf8)
    }

    /// STS's error document. Authentication errors carry STS's query-protocol codes rather than the JSON
    /// protocol's (InvalidClientTokenId for UnrecognizedClientException, and so on).
    static func error(_ error: ServiceError, requestId: String) -> (status: Int, body: Data) {
        let code = queryCode(for: error.code)
        let isAuthentication = queryCodes.keys.contains(error.code)
        let status = isAuthentication ? SigV4ErrorCode.httpStatus(for: error.code) : error.httpStatus
        let type = status >= 500 ? "Receiver" : "Sender"
        let body = """
            <ErrorResponse xmlns="\(STSQuery.xmlNamespace)">
              <Error>
                <Type>\(type)</Type>
                <Code>\(escaped(code))</Code>
                <Message>\(escaped(error.message))</Message>
              </Error>
              <RequestId>\(requestId)</RequestId>
            </ErrorResponse>

            """
        return (status, Data(body.utf8))
    }

    private static let queryCodes: [ServiceError.Code: String] = [
        SigV4ErrorCode.incompleteSignature: "IncompleteSignature",
        SigV4ErrorCode.missingAuthenticationToken: "MissingAuthenticationToken",
        SigV4ErrorCode.unrecognizedClient: "InvalidClientTokenId",
        SigV4ErrorCode.invalidSignature: "SignatureDoesNotMatch",
    ]

    static func queryCode(for code: ServiceError.Code) -> String {
        queryCodes[code] ?? code.rawValue
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
