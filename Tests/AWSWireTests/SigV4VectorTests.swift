import Foundation
import Testing

@testable import AWSWire

/// The published SigV4 test-suite vectors and the encoding rules they rest on.
@Suite struct SigV4VectorTests {
    static let vectorCredentials = AWSCredentials(
        accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let vectorDate = SigV4Timestamp.parse("20150830T123600Z")!

    @Test func getVanillaMatchesThePublishedSignature() throws {
        let request = try SigV4Request(method: "GET", url: URL(string: "https://example.amazonaws.com/")!)
        let signer = SigV4Signer(credentials: Self.vectorCredentials, region: "us-east-1", service: "service")
        let signed = signer.sign(request, at: Self.vectorDate)

        #expect(
            signed.canonicalRequest
                == "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        )
        #expect(
            signed.stringToSign
                == "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63"
        )
        #expect(signed.signature == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
        #expect(
            signed.authorization
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
        )
        #expect(signed.request.values(of: "x-amz-date") == ["20150830T123600Z"])
        #expect(signed.request.values(of: "authorization") == [signed.authorization])
    }

    @Test func getVanillaQueryVectorSortsAndEncodes() throws {
        // The suite's get-vanilla-query-order-key-case vector.
        let request = try SigV4Request(
            method: "GET", url: URL(string: "https://example.amazonaws.com/?Param2=value2&Param1=value1")!)
        let signed = SigV4Signer(credentials: Self.vectorCredentials, region: "us-east-1", service: "service")
            .sign(request, at: Self.vectorDate)
        #expect(signed.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[2] == "Param1=value1&Param2=value2")
        #expect(signed.signature == "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")
    }

    @Test func securityTokenIsAddedAndSigned() throws {
        let credentials = AWSCredentials(accessKeyId: "AKID", secretAccessKey: "secret", sessionToken: "TOKEN")
        let request = try SigV4Request(
            method: "POST", url: URL(string: "https://ssm.us-east-1.amazonaws.com/")!,
            headers: [.init("X-Amz-Security-Token", "stale")])
        let signed = SigV4Signer(credentials: credentials, region: "us-east-1", service: "ssm").sign(request, at: Self.vectorDate)
        #expect(signed.request.values(of: "x-amz-security-token") == ["TOKEN"])
        #expect(signed.signedHeaders == ["host", "x-amz-date", "x-amz-security-token"])
        #expect(signed.canonicalRequest.contains("\nx-amz-security-token:TOKEN\n"))
    }

    @Test func resigningReplacesTheOldAuthorization() throws {
        let request = try SigV4Request(method: "GET", url: URL(string: "https://example.amazonaws.com/")!)
        let signer = SigV4Signer(credentials: Self.vectorCredentials, region: "us-east-1", service: "service")
        let once = signer.sign(request, at: Self.vectorDate)
        let twice = signer.sign(once.request, at: Self.vectorDate)
        #expect(twice.request.values(of: "authorization").count == 1)
        #expect(twice.signature == once.signature)
    }

    @Test func hostCarriesOnlyNonDefaultPorts() {
        #expect(SigV4Request.hostHeader(for: URL(string: "https://Example.com:443/")!) == "example.com")
        #expect(SigV4Request.hostHeader(for: URL(string: "http://example.com:80/")!) == "example.com")
        #expect(SigV4Request.hostHeader(for: URL(string: "http://127.0.0.1:8080/")!) == "127.0.0.1:8080")
        #expect(SigV4Request.hostHeader(for: URL(string: "https://example.com:8443")!) == "example.com:8443")
        #expect(SigV4Request.hostHeader(for: URL(string: "http://[::1]:9000/")!) == "[::1]:9000")
    }

    @Test func uriEncodingUsesTheUnreservedSet() {
        #expect(SigV4Encoding.percentEncode("AZaz09-_.~") == "AZaz09-_.~")
        #expect(SigV4Encoding.percentEncode("a b+c/d=é*") == "a%20b%2Bc%2Fd%3D%C3%A9%2A")
        #expect(SigV4Encoding.percentEncode("/a b/", keepSlash: true) == "/a%20b/")
        #expect(SigV4Canonicalizer.canonicalURI("/a%20b") == "/a%2520b")
        #expect(SigV4Canonicalizer.canonicalURI("/a/./b/../c//d/") == "/a/c/d/")
        #expect(SigV4Canonicalizer.canonicalURI("") == "/")
    }

    @Test func headerValuesAreTrimmedAndRepeatsJoined() {
        let values = SigV4Canonicalizer.headerValues([
            .init("My-Header1", "  a   b   c  "), .init("my-header1", "\"a  b\""), .init("X", "\tone\t two "),
        ])
        #expect(values["my-header1"] == "a b c,\"a b\"")
        #expect(values["x"] == "one two")
    }

    @Test func timestampsRoundTrip() {
        #expect(SigV4Timestamp.format(Self.vectorDate) == "20150830T123600Z")
        #expect(SigV4Timestamp.parse("20150830T123600") == nil)
        #expect(SigV4Timestamp.parse("20151330T123600Z") == nil)
    }
}
