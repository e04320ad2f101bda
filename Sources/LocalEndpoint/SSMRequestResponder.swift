import AWSWire
import AutomationModel
import Foundation
import HTTPTypes
import Hummingbird
import LocalEngine
import Logging
import NIOCore

/// Answers SSM JSON 1.1 requests and STS GetCallerIdentity: verifies the SigV4 signature first (so a refused
/// request changes nothing), then routes by protocol — a form-encoded body signed for `sts` is STS's query
/// protocol, an `X-Amz-Target` body signed for `ssm` is SSM — applies the quotas to SSM operations, decodes the
/// body and runs the operation as the key's principal and groups.
struct SSMRequestResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    static let targetPrefix = AWSJSONService.ssm.targetPrefix + "."
    static let contentType = AWSJSONService.ssm.contentType
    static let unknownOperation = ServiceError.Code(rawValue: "UnknownOperationException")

    let engine: AutomationEngine
    let keys: [String: ServeAccessKey]
    let throttle: OperationThrottle?
    /// Larger bodies are refused by their Content-Length before any is read, or once that much has arrived.
    let maximumBodyBytes: Int
    let logger: Logger

    func respond(to request: Request, context: Context) async throws -> Response {
        let requestId = UUID().uuidString.lowercased()
        let isSTS = STSQueryAnswers.isQueryRequest(
            contentType: request.headers[.contentType], target: request.headers[HTTPField.Name("X-Amz-Target")!])
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maximumBodyBytes {
            return bodyTooLarge(size: "\(declared) bytes", isSTS: isSTS, requestId: requestId)
        }
        do {
            var request = request
            let body: Data
            do {
                body = Data(try await request.collectBody(upTo: maximumBodyBytes).readableBytesView)
            } catch is NIOTooManyBytesError {
                return bodyTooLarge(size: "more than \(maximumBodyBytes) bytes", isSTS: isSTS, requestId: requestId)
            } catch {
                throw ServiceError(.validationException, "The request body could not be read: \(error).")
            }
            let key = try authenticate(request, body: body, service: isSTS ? STSQuery.signingName : AWSJSONService.ssm.signingName)
            if isSTS {
                let identity = LocalCallerIdentity.identity(of: key.principalArn, defaultAccount: engine.configuration.accountId)
                let answer = try STSQueryAnswers.answer(form: body, identity: identity, requestId: requestId)
                return response(status: .ok, body: answer, contentType: STSQueryAnswers.contentType, requestId: requestId)
            }
            let operation = try operation(for: request)
            try await throttle?.admit(operation.operation, accessKeyId: key.accessKeyId)
            let session = engine.session(principal: key.principalArn, groups: key.groups)
            let answer = try await operation.handle(body, on: session)
            return response(status: .ok, body: answer, contentType: Self.contentType, requestId: requestId)
        } catch let error as ServiceError {
            return isSTS ? stsErrorResponse(error, requestId: requestId) : errorResponse(error, requestId: requestId)
        } catch {
            logger.error("Request failed unexpectedly", metadata: ["error": "\(error)", "requestId": "\(requestId)"])
            let failure = ServiceError(.internalServerError, "The local endpoint failed to answer: \(error)")
            return isSTS ? stsErrorResponse(failure, requestId: requestId) : errorResponse(failure, requestId: requestId)
        }
    }

    /// The access key the request is validly signed with.
    /// - Parameter service: the service the request's protocol belongs to, which its credential must be scoped to.
    private func authenticate(_ request: Request, body: Data, service: String) throws(ServiceError) -> ServeAccessKey {
        var headers = request.headers.map { SigV4Request.Header($0.name.canonicalName, $0.value) }
        // HTTP/1.1's Host header arrives as the :authority pseudo-header, which the signature covers as `host`.
        if let authority = request.head.authority {
            headers.append(SigV4Request.Header("host", authority))
        }
        let target = request.head.path ?? "/"
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let authorization = try SigV4Verifier.verify(
            method: request.method.rawValue, path: parts.first.map(String.init) ?? "/",
            rawQuery: parts.count > 1 ? String(parts[1]) : "", headers: headers, body: body
        ) { keys[$0]?.secretAccessKey }
        guard authorization.scope.service == service else {
            throw ServiceError(
                SigV4ErrorCode.invalidSignature,
                "Credential should be scoped to correct service: '\(service)'; the request was signed for '\(authorization.scope.service)'. This endpoint answers SSM (JSON with X-Amz-Target, signed for ssm) and STS GetCallerIdentity (a form body, signed for sts).")
        }
        return keys[authorization.accessKeyId]!
    }

    private func operation(for request: Request) throws(ServiceError) -> any AnyServiceOperation {
        let supported = OperationCatalog.names.joined(separator: ", ")
        guard request.method == .post else {
            throw ServiceError(
                Self.unknownOperation,
                "This endpoint speaks the SSM JSON 1.1 protocol: POST / with X-Amz-Target: AmazonSSM.<Operation>; got \(request.method.rawValue). Supported operations: \(supported).")
        }
        let target = request.headers[HTTPField.Name("X-Amz-Target")!] ?? ""
        guard target.hasPrefix(Self.targetPrefix),
            let operation = OperationCatalog.entry(named: String(target.dropFirst(Self.targetPrefix.count)))
        else {
            let shown = target.isEmpty ? "no X-Amz-Target header" : "'\(target)'"
            throw ServiceError(
                Self.unknownOperation,
                "The local SSM endpoint does not support \(shown). Supported operations (X-Amz-Target AmazonSSM.<Operation>): \(supported).")
        }
        return operation
    }

    /// 413 in the protocol's error shape, closing the connection: what is left of the body is never read.
    private func bodyTooLarge(size: String, isSTS: Bool, requestId: String) -> Response {
        let error = ServiceError(
            .validationException,
            "The request body is \(size); this endpoint accepts at most \(maximumBodyBytes) bytes (serve --max-body-size). A document's content is at most 64 KB.")
        var response = isSTS ? stsErrorResponse(error, requestId: requestId) : errorResponse(error, requestId: requestId)
        response.status = .contentTooLarge
        response.headers[.connection] = "close"
        return response
    }

    private func errorResponse(_ error: ServiceError, requestId: String) -> Response {
        let isAuthentication = [
            SigV4ErrorCode.incompleteSignature, SigV4ErrorCode.missingAuthenticationToken,
            SigV4ErrorCode.unrecognizedClient, SigV4ErrorCode.invalidSignature,
        ].contains(error.code)
        let status = isAuthentication ? SigV4ErrorCode.httpStatus(for: error.code) : error.httpStatus
        let body = (try? JSONSerialization.data(
            withJSONObject: ["__type": error.code.rawValue, "message": error.message], options: [.sortedKeys])) ?? Data()
        var response = response(
            status: HTTPResponse.Status(code: status), body: body, contentType: Self.contentType, requestId: requestId)
        response.headers[HTTPField.Name("X-Amzn-ErrorType")!] = error.code.rawValue
        return response
    }

    private func stsErrorResponse(_ error: ServiceError, requestId: String) -> Response {
        let (status, body) = STSQueryAnswers.error(error, requestId: requestId)
        return response(
            status: HTTPResponse.Status(code: status), body: body, contentType: STSQueryAnswers.contentType,
            requestId: requestId)
    }

    private func response(status: HTTPResponse.Status, body: Data, contentType: String, requestId: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[HTTPField.Name("x-amzn-RequestId")!] = requestId
        headers[.contentLength] = String(body.count)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
