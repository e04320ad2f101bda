import Foundation

/// An HTTP request as SigV4 sees it. `path` is the path as sent on the wire (already percent-encoded, e.g.
/// `/` or `/a%20b`); `query` holds decoded names and values; headers keep their order and may repeat.
public struct SigV4Request: Sendable, Hashable {
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public struct QueryParameter: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var method: String
    public var path: String
    public var query: [QueryParameter]
    public var headers: [Header]
    public var body: Data

    public init(method: String, path: String, query: [QueryParameter] = [], headers: [Header], body: Data = Data()) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Builds the request for `url`, adding a `Host` header (with the port when it is not the scheme's default)
    /// unless `headers` already has one, and decoding the URL's query.
    public init(method: String, url: URL, headers: [Header] = [], body: Data = Data()) throws(SigV4Error) {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            let host = SigV4Request.hostHeader(for: url)
        else {
            throw SigV4Error("The URL '\(url.absoluteString)' has no host; give a full URL such as https://ssm.us-east-1.amazonaws.com/.")
        }
        let rawPath = components.percentEncodedPath
        var allHeaders = headers
        if !headers.contains(where: { $0.name.lowercased() == "host" }) {
            allHeaders.insert(Header("Host", host), at: 0)
        }
        self.init(
            method: method,
            path: rawPath.isEmpty ? "/" : rawPath,
            query: SigV4Request.decodeQuery(components.percentEncodedQuery ?? ""),
            headers: allHeaders,
            body: body
        )
    }

    /// The values of every header named `name` (case-insensitive), in order.
    public func values(of name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// Replaces every header named `name` (case-insensitive) with one header at the end.
    mutating func setHeader(_ name: String, _ value: String) {
        removeHeaders(named: name)
        headers.append(Header(name, value))
    }

    mutating func removeHeaders(named name: String) {
        let unwanted = name.lowercased()
        headers.removeAll { $0.name.lowercased() == unwanted }
    }

    /// The Host header value for a URL: lower-cased host, IPv6 in brackets, port only when not the default.
    public static func hostHeader(for url: URL) -> String? {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            var host = components.host, !host.isEmpty
        else { return nil }
        host = host.lowercased()
        if host.contains(":") && !host.hasPrefix("[") {
            host = "[\(host)]"
        }
        let defaultPort = ["http": 80, "https": 443][components.scheme?.lowercased() ?? ""]
        if let port = components.port, port != defaultPort {
            host += ":\(port)"
        }
        return host
    }

    /// Splits a raw query string (`a=1&b=x%20y`) into decoded pairs; `+` is a space, as form encoding sends it.
    public static func decodeQuery(_ rawQuery: String) -> [QueryParameter] {
        guard !rawQuery.isEmpty else { return [] }
        return rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = SigV4Encoding.percentDecode(String(parts[0]), plusAsSpace: true)
            let value = parts.count > 1 ? SigV4Encoding.percentDecode(String(parts[1]), plusAsSpace: true) : ""
            return QueryParameter(name, value)
        }
    }
}

/// A request that cannot be signed or a signature that cannot be computed, with what to change.
public struct SigV4Error: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
