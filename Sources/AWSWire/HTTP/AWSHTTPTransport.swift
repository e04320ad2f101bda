import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends one HTTP request and returns the whole response. Implemented over AsyncHTTPClient; tests and other
/// layers may supply their own.
public protocol AWSHTTPTransport: Sendable {
    func send(_ request: AWSHTTPRequest) async throws -> AWSHTTPResponse
}

/// The AsyncHTTPClient transport. Clients are shared per settings for the life of the process (see
/// `HTTPClientPool`), so no shutdown is needed.
public struct AsyncHTTPTransport: AWSHTTPTransport {
    public let settings: AWSTransportSettings
    /// Responses larger than this are refused rather than held in memory.
    public var maximumBodySize = 64 * 1024 * 1024

    public init(settings: AWSTransportSettings = AWSTransportSettings()) {
        self.settings = settings
    }

    public func send(_ request: AWSHTTPRequest) async throws -> AWSHTTPResponse {
        let client = try HTTPClientPool.shared.client(for: settings)
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method.uppercased())
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if !request.body.isEmpty || request.method.uppercased() == "POST" || request.method.uppercased() == "PUT" {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let endpoint = "\(request.url.scheme ?? "http")://\(request.url.host ?? "")\(request.url.port.map { ":\($0)" } ?? "")"
        do {
            // The read timeout guards each wait for bytes; this deadline only stops a response that trickles forever.
            let deadline =
                NIODeadline.now() + HTTPClientPool.timeAmount(settings.connectTimeout)
                + HTTPClientPool.timeAmount(settings.readTimeout) * 10
            let response = try await client.execute(outgoing, deadline: deadline)
            let body = try await response.body.collect(upTo: maximumBodySize)
            return AWSHTTPResponse(
                status: Int(response.status.code),
                headers: response.headers.map { SigV4Request.Header($0.name, $0.value) },
                body: Data(body.readableBytesView)
            )
        } catch let error as AWSWireError {
            throw error
        } catch {
            throw TransportErrorMapping.wireError(for: error, endpoint: endpoint, settings: settings)
        }
    }
}
