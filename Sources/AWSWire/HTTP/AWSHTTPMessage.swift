import Foundation

/// An HTTP request as the AWS wire code builds it, before it is handed to the transport.
public struct AWSHTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [SigV4Request.Header]
    public var body: Data

    public init(method: String, url: URL, headers: [SigV4Request.Header] = [], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A complete HTTP response: status, headers and the whole body.
public struct AWSHTTPResponse: Sendable {
    public var status: Int
    public var headers: [SigV4Request.Header]
    public var body: Data

    public init(status: Int, headers: [SigV4Request.Header] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of the header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The start of the body as text, for error messages.
    var bodyPreview: String {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        if body.isEmpty { return "(empty body)" }
        return body.count > 300 ? text + "…" : text
    }
}
