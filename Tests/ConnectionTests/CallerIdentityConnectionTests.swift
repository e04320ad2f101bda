import AWSWire
import AutomationModel
import Foundation
import LocalEngine
import Testing

@testable import Connection

/// `ServiceConnection.callerIdentity()`: the engine's principal with --local, STS otherwise.
@Suite struct CallerIdentityConnectionTests {
    @Test func theLocalEngineAnswersWithItsOwnPrincipal() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("identity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let connection = try await ServiceConnection.open(
            ServiceConnectionOptions(local: true, dataDirectory: directory), environment: ["HOME": directory.path, "USER": "tester"])
        let identity = try await connection.callerIdentity()
        await connection.close()
        #expect(identity.arn == "arn:aws:iam::123456789012:user/tester")
        #expect(identity.account == "123456789012")
        #expect(identity.userId.hasPrefix("AIDA") && identity.userId.count == 21)
        #expect(identity == LocalCallerIdentity.identity(of: connection.principal))
    }

    @Test func aMalformedSTSEndpointSettingIsAConfigurationErrorOnlyWhenAsked() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("identity-\(UUID().uuidString)")
        let connection = try await ServiceConnection.open(
            ServiceConnectionOptions(aws: AWSConfigurationOptions(endpointURL: "http://127.0.0.1:1")),
            environment: [
                "HOME": home.path, "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_REGION": "eu-west-1",
                "AWS_ENDPOINT_URL_STS": "not a url",
            ])
        await #expect(throws: AWSConfigurationError.self) { _ = try await connection.callerIdentity() }
        await connection.close()
    }

    @Test func userIdsAreShapedAsAWSs() {
        let user = LocalCallerIdentity.identity(of: "arn:aws:iam::111122223333:user/ops/alice")
        #expect(user.account == "111122223333")
        #expect(user.userId.hasPrefix("AIDA") && user.userId.count == 21)
        #expect(user.userId.dropFirst(4).allSatisfy { "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".contains($0) })
        #expect(LocalCallerIdentity.identity(of: "arn:aws:iam::111122223333:user/ops/alice") == user)
        #expect(LocalCallerIdentity.identity(of: "arn:aws:iam::111122223333:user/bob").userId != user.userId)

        let session = LocalCallerIdentity.identity(of: "arn:aws:sts::111122223333:assumed-role/Deploy/ci-42")
        let role = LocalCallerIdentity.identity(of: "arn:aws:iam::111122223333:role/Deploy")
        #expect(session.userId == role.userId + ":ci-42")
        #expect(role.userId.hasPrefix("AROA"))
        #expect(LocalCallerIdentity.identity(of: "arn:aws:iam::111122223333:root").userId == "111122223333")
    }
}
