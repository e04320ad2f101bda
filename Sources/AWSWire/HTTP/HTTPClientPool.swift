import AsyncHTTPClient
import AutomationModel
import Foundation
import NIOCore
import NIOSSL

/// One AsyncHTTPClient per distinct transport settings, kept for the life of the process like
/// `HTTPClient.shared`: a command-line process uses one or two, and nobody has to remember to shut them down.
final class HTTPClientPool: Sendable {
    static let shared = HTTPClientPool()

    private let clients = LockedValue<[AWSTransportSettings: HTTPClient]>([:])

    func client(for settings: AWSTransportSettings) throws -> HTTPClient {
        let configuration = try configuration(for: settings)
        return clients.withLock { clients in
            if let client = clients[settings] { return client }
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            clients[settings] = client
            return client
        }
    }

    private func configuration(for settings: AWSTransportSettings) throws -> HTTPClient.Configuration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let path = settings.caBundlePath {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw AWSWireError(
                    .invalidRequest,
                    "The CA bundle '\(path)' (from --ca-bundle, AWS_CA_BUNDLE or the profile's ca_bundle) cannot be read. Point it at a PEM file of certificate authorities, or remove the setting."
                )
            }
            tls.trustRoots = .file(path)
        }
        if !settings.verifySSL {
            tls.certificateVerification = .none
        }
        return HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: .init(connect: Self.timeAmount(settings.connectTimeout), read: Self.timeAmount(settings.readTimeout)),
            decompression: .disabled
        )
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
