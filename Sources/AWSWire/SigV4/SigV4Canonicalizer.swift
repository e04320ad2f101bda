import Foundation

/// The pieces of the SigV4 canonical request, computed exactly as the published algorithm and botocore do.
enum SigV4Canonicalizer {
    /// Hop-by-hop and client-identity headers botocore never signs; proxies may change them in flight.
    static let unsignedHeaderNames: Set<String> = [
        "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id", "authorization",
    ]

    /// Removes `.`/`..` segments and repeated slashes (services other than S3 want a normalized path), then
    /// percent-encodes it again: the wire path is encoded once, the canonical URI twice.
    static func canonicalURI(_ wirePath: String) -> String {
        SigV4Encoding.percentEncode(removeDotSegments(wirePath), keepSlash: true)
    }

    static func removeDotSegments(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var output: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                if !output.isEmpty { output.removeLast() }
            } else {
                output.append(segment)
            }
        }
        let leading = path.hasPrefix("/") ? "/" : ""
        let trailing = path.hasSuffix("/") && !output.isEmpty ? "/" : ""
        return leading + output.joined(separator: "/") + trailing
    }

    /// Names and values encoded with the unreserved set, sorted by name then value.
    static func canonicalQuery(_ query: [SigV4Request.QueryParameter]) -> String {
        query
            .map { (SigV4Encoding.percentEncode($0.name), SigV4Encoding.percentEncode($0.value)) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// Trims the value and folds inner whitespace runs to one space ("Trimall").
    static func trimAll(_ value: String) -> String {
        value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Lower-cased names mapped to their trimmed values, repeated headers joined with `,` in arrival order.
    static func headerValues(_ headers: [SigV4Request.Header], only names: Set<String>? = nil) -> [String: String] {
        var values: [String: [String]] = [:]
        for header in headers {
            let name = header.name.lowercased()
            if let names, !names.contains(name) { continue }
            values[name, default: []].append(trimAll(header.value))
        }
        return values.mapValues { $0.joined(separator: ",") }
    }

    /// The headers a signer includes: everything except the unsigned set.
    static func signableHeaderNames(_ headers: [SigV4Request.Header]) -> [String] {
        Set(headers.map { $0.name.lowercased() }).subtracting(unsignedHeaderNames).sorted()
    }

    static func canonicalHeaders(_ values: [String: String], names: [String]) -> String {
        names.map { "\($0):\(values[$0] ?? "")\n" }.joined()
    }

    static func canonicalRequest(
        method: String, path: String, query: [SigV4Request.QueryParameter], headers: [SigV4Request.Header],
        signedHeaderNames names: [String], payloadHash: String
    ) -> String {
        let values = headerValues(headers, only: Set(names))
        return [
            method.uppercased(),
            canonicalURI(path),
            canonicalQuery(query),
            canonicalHeaders(values, names: names),
            names.joined(separator: ";"),
            payloadHash,
        ].joined(separator: "\n")
    }

    static func stringToSign(timestamp: String, scope: String, canonicalRequest: String) -> String {
        ["AWS4-HMAC-SHA256", timestamp, scope, SigV4Encoding.sha256Hex(canonicalRequest)].joined(separator: "\n")
    }
}
