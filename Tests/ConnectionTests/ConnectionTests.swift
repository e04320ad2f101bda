import AWSWire
import Foundation
import LocalEngine
import Testing

@testable import Connection

@Suite struct ConnectionTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("connection-\(UUID().uuidString)")
    }

    @Test func missingRegionIsAConfigurationError() async throws {
        let home = temporaryDirectory()
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let environment = ["HOME": home.path, "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret"]
        do {
            _ = try await ServiceConnection.open(ServiceConnectionOptions(), environment: environment)
            Issue.record("connected without a region")
        } catch let error as AWSConfigurationError {
            #expect(error.kind == .missingRegion)
            #expect(ConnectionFailure(error)?.exitCode == 253)
        }
    }

    @Test func awsConnectionDescribesProfileRegionEndpoint() async throws {
        let home = temporaryDirectory()
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let environment = [
            "HOME": home.path, "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_REGION": "eu-west-1",
        ]
        let connection = try await ServiceConnection.open(
            ServiceConnectionOptions(aws: AWSConfigurationOptions(endpointURL: "http://127.0.0.1:1")), environment: environment)
        #expect(connection.description == .aws(profile: "default", region: "eu-west-1", endpoint: "http://127.0.0.1:1"))
        #expect(connection.principal.hasPrefix("profile default ("))
        // The console's header names this source, not the profile.
        #expect(connection.credentialSourceKind == .environment)
        #expect(connection.client != nil)
        await connection.close()
    }

    @Test func localEngineIsRefusedWhileAnotherHoldsTheDirectory() async throws {
        let directory = temporaryDirectory()
        let environment = ["HOME": directory.path, "USER": "tester"]
        let first = try await ServiceConnection.open(
            ServiceConnectionOptions(local: true, dataDirectory: directory), environment: environment)
        #expect(first.description == .local(dataDirectory: directory.path))
        #expect(first.principal == "arn:aws:iam::123456789012:user/tester")
        await #expect(throws: DataDirectoryInUse.self) {
            _ = try await ServiceConnection.open(ServiceConnectionOptions(local: true, dataDirectory: directory), environment: environment)
        }
        await first.close()
        let again = try await ServiceConnection.open(
            ServiceConnectionOptions(local: true, dataDirectory: directory), environment: environment)
        await again.close()
    }
}
