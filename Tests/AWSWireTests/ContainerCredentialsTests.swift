import Foundation
import Testing

@testable import AWSWire

/// AWS_CONTAINER_CREDENTIALS_FULL_URI / _RELATIVE_URI against a stand-in agent on 127.0.0.1.
@Suite struct ContainerCredentialsTests {
    static let answer = StandInServer.Response(
        status: 200, headers: ["Content-Type": "application/json"],
        body: #"{"AccessKeyId":"ASIACONTAINER","SecretAccessKey":"container-secret","Token":"container-token","Expiration":"2099-01-01T00:00:00Z","RoleArn":"arn:aws:iam::1:role/task"}"#)

    func resolve(_ env: [String: String], home: TemporaryHome) throws -> AWSConfiguration {
        try AWSConfiguration.resolve(
            environment: isolatedEnvironment(["AWS_REGION": "us-east-1"].merging(env) { $1 }), homeDirectory: home.path)
    }

    @Test func fullURIWithAuthorizationToken() async throws {
        let server = try await StandInServer(routes: ["GET /v2/credentials": [Self.answer]])
        defer { server.stop() }
        let home = try TemporaryHome()
        let resolved = try resolve(
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/v2/credentials", "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Bearer abc"],
            home: home)
        let keys = try await resolved.credentialsProvider.credentials()
        #expect(keys == AWSCredentials(accessKeyId: "ASIACONTAINER", secretAccessKey: "container-secret", sessionToken: "container-token", expiration: ISO8601Timestamp.parse("2099-01-01T00:00:00Z")))
        #expect(try server.requests().first?.header("Authorization") == "Bearer abc")
    }

    @Test func tokenFileWinsOverTokenVariable() async throws {
        let server = try await StandInServer(routes: ["GET /creds": [Self.answer]])
        defer { server.stop() }
        let home = try TemporaryHome()
        let tokenFile = try home.write("eks-token", "from-file\n")
        _ = try await resolve(
            [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/creds", "AWS_CONTAINER_AUTHORIZATION_TOKEN": "from-variable",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
            ], home: home
        ).credentialsProvider.credentials()
        #expect(try server.requests().first?.header("Authorization") == "from-file")
    }

    @Test func failingAgentIsTriedThreeTimesThenReported() async throws {
        let server = try await StandInServer(routes: ["GET /creds": [.init(status: 500, body: "agent starting")]])
        defer { server.stop() }
        let home = try TemporaryHome()
        do {
            _ = try await resolve(["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/creds"], home: home).credentialsProvider.credentials()
            Issue.record("a failing agent produced credentials")
        } catch let error as AWSConfigurationError {
            #expect(error.message.contains("HTTP 500"))
            #expect(error.message.contains(server.baseURL + "/creds"))
        }
        #expect(try server.requests().count == 3)
    }

    @Test func relativeURIPointsAtTheECSAgent() throws {
        let home = try TemporaryHome()
        let resolved = try resolve(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc"], home: home)
        #expect(resolved.credentialSource == "container credentials at http://169.254.170.2/v2/credentials/abc")
        #expect(resolved.credentialSourceKind == .container)
    }

    @Test func fullURIToAnArbitraryHostOverHTTPIsRefused() throws {
        let home = try TemporaryHome()
        #expect(throws: AWSConfigurationError.self) {
            try resolve(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://example.com/creds"], home: home)
        }
        #expect(ContainerCredentialsSource.isAllowedFullURI(URL(string: "https://example.com/creds")!))
        #expect(ContainerCredentialsSource.isAllowedFullURI(URL(string: "http://169.254.170.23/v1/credentials")!))
        #expect(ContainerCredentialsSource.isAllowedFullURI(URL(string: "http://localhost:8080/")!))
    }
}
