import AWSWire
import Foundation

/// A transport that reports each signed request and its response (`--debug`), with secrets masked, then
/// passes them through unchanged.
struct LoggingTransport: AWSHTTPTransport {
    let wrapping: any AWSHTTPTransport
    let log: @Sendable (String) -> Void

    func send(_ request: AWSHTTPRequest) async throws -> AWSHTTPResponse {
        log(DebugMasking.describe(request))
        let started = ContinuousClock.now
        do {
            let response = try await wrapping.send(request)
            log(DebugMasking.describe(response, after: started.duration(to: .now)))
            return response
        } catch {
            log("Request failed after \(started.duration(to: .now)): \(error)")
            throw error
        }
    }
}

/// Renders HTTP exchanges for `--debug` without the secrets in them: the Authorization signature, session
/// tokens, and secret keys or tokens that appear in bodies.
public enum DebugMasking {
    static let mask = "****"
    /// Headers whose whole value is a secret.
    static let secretHeaders: Set<String> = ["x-amz-security-token", "x-amz-sso_bearer_token", "cookie"]
    /// Body members whose values are secrets (STS and SSO answers carry these).
    static let secretMembers = ["SecretAccessKey", "secretAccessKey", "SessionToken", "sessionToken", "accessToken"]

    public static func describe(_ request: AWSHTTPRequest) -> String {
        var lines = ["Sending request: \(request.method) \(request.url.absoluteString)"]
        for header in request.headers {
            lines.append("  \(header.name): \(maskedHeader(header.name, header.value))")
        }
        lines.append("  body: \(maskedBody(request.body))")
        return lines.joined(separator: "\n")
    }

    public static func describe(_ response: AWSHTTPResponse, after elapsed: Duration) -> String {
        var lines = ["Response received: HTTP \(response.status) after \(elapsed)"]
        for header in response.headers {
            lines.append("  \(header.name): \(maskedHeader(header.name, header.value))")
        }
        lines.append("  body: \(maskedBody(response.body))")
        return lines.joined(separator: "\n")
    }

    /// Keeps the Authorization header's credential scope (which key, which day) and hides its signature.
    public static func maskedHeader(_ name: String, _ value: String) -> String {
        let lower = name.lowercased()
        if secretHeaders.contains(lower) { return mask }
        guard lower == "authorization" else { return value }
        guard let range = value.range(of: "Signature=") else { return mask }
        return String(value[..<range.upperBound]) + mask
    }

    /// The body as text with the values of secret members replaced.
    public static func maskedBody(_ body: Data) -> String {
        guard !body.isEmpty else { return "(empty)" }
        var text = String(decoding: body, as: UTF8.self)
        for member in secretMembers {
            let pattern = "(\"\(member)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\""
            text = text.replacingOccurrences(of: pattern, with: "$1\"\(mask)\"", options: .regularExpression)
        }
        return text
    }
}
