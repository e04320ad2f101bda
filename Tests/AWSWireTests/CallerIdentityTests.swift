import AutomationModel
import Foundation
import Testing

@testable import AWSWire

/// STS GetCallerIdentity against a stand-in STS on 127.0.0.1: found through the STS endpoint settings (never
/// --endpoint-url), signed as botocore signs it, its answer and errors read.
@Suite struct CallerIdentityTests {
    static let answer = StandInServer.Response(
        status: 200, headers: ["Content-Type": "text/xml"],
        body: """
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult>
                <Arn>arn:aws:sts::123456789012:assumed-role/Operators/alice</Arn>
                <UserId>AROAEXAMPLEROLEID1234:alice</UserId>
                <Account>123456789012</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>
            """)

    static let keys = (access: "AKIDCALLER", secret: "caller/secret+key")

    func configuration(_ env: [String: String], endpointURL: String? = nil) throws -> AWSConfiguration {
        try AWSConfiguration.resolve(
            options: .init(region: "eu-west-1", endpointURL: endpointURL),
            environment: isolatedEnvironment(
                ["AWS_ACCESS_KEY_ID": Self.keys.access, "AWS_SECRET_ACCESS_KEY": Self.keys.secret].merging(env) { $1 }),
            homeDirectory: try TemporaryHome().path)
    }

    @Test func asksSTSWithASignedQueryRequestAsBotocoreSignsIt() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.answer]])
        defer { server.stop() }
        // --endpoint-url names SSM's endpoint only: STS comes from AWS_ENDPOINT_URL_STS.
        let lookup = try CallerIdentityLookup(
            configuration: configuration(["AWS_ENDPOINT_URL_STS": server.baseURL], endpointURL: "http://127.0.0.1:9/"))
        #expect(lookup.endpoint.source == "AWS_ENDPOINT_URL_STS")

        let identity = try await lookup.callerIdentity()
        #expect(identity == CallerIdentity(
            arn: "arn:aws:sts::123456789012:assumed-role/Operators/alice", account: "123456789012",
            userId: "AROAEXAMPLEROLEID1234:alice"))

        let request = try #require(try server.requests().first)
        #expect(request.method == "POST")
        #expect(request.path == "/")
        #expect(request.body == "Action=GetCallerIdentity&Version=2011-06-15")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded; charset=utf-8")
        let authorization = try SigV4Verifier.verify(
            method: "POST", path: "/", rawQuery: "", headers: request.headers.map { .init($0[0], $0[1]) },
            body: Data(request.body.utf8), secretForAccessKey: { $0 == Self.keys.access ? Self.keys.secret : nil })
        #expect(authorization.scope.service == "sts")
        #expect(authorization.scope.region == "eu-west-1")
        // botocore, signing the same request with the same key at its own X-Amz-Date, writes the same header.
        let expected = try await BotocoreSigner.expectedAuthorization(
            method: "POST", url: server.baseURL + "/", headers: request.headers, body: request.body, service: "sts",
            region: "eu-west-1", access: Self.keys.access, secret: Self.keys.secret)
        #expect(request.header("Authorization") == expected)
    }

    @Test func findsSTSThroughTheProfilesServicesSection() async throws {
        let server = try await StandInServer(routes: ["POST /": [Self.answer]])
        defer { server.stop() }
        let home = try TemporaryHome(config: """
            [default]
            services = local
            [services local]
            sts =
              endpoint_url = \(server.baseURL)
            """)
        let configuration = try AWSConfiguration.resolve(
            options: .init(region: "eu-west-1"),
            environment: isolatedEnvironment(["AWS_ACCESS_KEY_ID": Self.keys.access, "AWS_SECRET_ACCESS_KEY": Self.keys.secret]),
            homeDirectory: home.path)
        let lookup = try CallerIdentityLookup(configuration: configuration)
        #expect(lookup.endpoint.source.contains("[services local]"))
        #expect(try await lookup.callerIdentity().account == "123456789012")
    }

    @Test func withoutSettingsSTSIsTheRegionalEndpoint() throws {
        let lookup = try CallerIdentityLookup(configuration: configuration([:], endpointURL: "http://127.0.0.1:9/"))
        #expect(lookup.endpoint.url.absoluteString == "https://sts.eu-west-1.amazonaws.com")
    }

    @Test func anSTSErrorComesBackWithItsCode() async throws {
        let server = try await StandInServer(routes: ["POST /": [
            StandInServer.Response(
                status: 403, headers: ["Content-Type": "text/xml"],
                body: """
                    <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                      <Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>
                      <Message>The security token included in the request is invalid.</Message></Error>
                      <RequestId>x</RequestId>
                    </ErrorResponse>
                    """)
        ]])
        defer { server.stop() }
        let lookup = try CallerIdentityLookup(configuration: configuration(["AWS_ENDPOINT_URL_STS": server.baseURL]))
        do {
            _ = try await lookup.callerIdentity()
            Issue.record("an STS error was not thrown")
        } catch let error as ServiceError {
            #expect(error.code.rawValue == "InvalidClientTokenId")
            #expect(error.message == "The security token included in the request is invalid.")
        }
    }

    @Test func anAnswerWithoutTheIdentityIsMalformed() async throws {
        let server = try await StandInServer(routes: ["POST /": [
            StandInServer.Response(status: 200, headers: ["Content-Type": "text/xml"], body: "<GetCallerIdentityResponse/>")
        ]])
        defer { server.stop() }
        let lookup = try CallerIdentityLookup(configuration: configuration(["AWS_ENDPOINT_URL_STS": server.baseURL]))
        do {
            _ = try await lookup.callerIdentity()
            Issue.record("a malformed answer was accepted")
        } catch let error as AWSWireError {
            #expect(error.message.contains("without Arn, Account and UserId"))
        }
    }
}
