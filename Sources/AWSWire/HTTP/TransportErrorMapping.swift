import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Turns AsyncHTTPClient and NIO errors into `AWSWireError`s worded like the AWS CLI's.
enum TransportErrorMapping {
    static func wireError(for error: Error, endpoint: String, settings: AWSTransportSettings) -> Error {
        if error is CancellationError { return error }
        let url = "\"\(endpoint)\""
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
                return AWSWireError(
                    .connectTimeout,
                    "Connect timeout on endpoint URL: \(url) (no connection within \(settings.connectTimeout)). Check the endpoint and your network, or raise --cli-connect-timeout."
                )
            case .readTimeout, .deadlineExceeded:
                return AWSWireError(
                    .readTimeout,
                    "Read timeout on endpoint URL: \(url) (no data for \(settings.readTimeout)). The endpoint is slow or stuck; retry later or raise --cli-read-timeout."
                )
            case .remoteConnectionClosed:
                return AWSWireError(
                    .connectionFailed,
                    "Connection was closed before we received a valid response from endpoint URL: \(url). Retry; if it persists, check the endpoint."
                )
            case .invalidURL, .emptyHost, .emptyScheme:
                return AWSWireError(
                    .invalidRequest,
                    "The endpoint URL \(url) is not usable (\(client)). Give a full URL such as https://ssm.us-east-1.amazonaws.com.")
            case .cancelled:
                return CancellationError()
            default:
                break
            }
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return AWSWireError(
                .tlsFailure,
                "SSL validation failed for \(url): \(error). Check --ca-bundle / AWS_CA_BUNDLE, or use --no-verify-ssl for a test endpoint."
            )
        }
        if error is NIOTooManyBytesError {
            return AWSWireError(.malformedResponse, "The response from \(url) is larger than this client accepts.")
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel {
            return AWSWireError(
                .connectTimeout,
                "Connect timeout on endpoint URL: \(url) (no connection within \(settings.connectTimeout)). Check the endpoint and your network.")
        }
        return AWSWireError(
            .connectionFailed,
            "Could not connect to the endpoint URL: \(url) (\(error)). Check the endpoint URL, the region and your network.")
    }
}
