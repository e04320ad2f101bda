import Foundation

/// botocore's SigV4Auth as a test oracle: signs requests at a fixed time and reports the canonical request,
/// the string to sign, the Authorization header and the request as it would be sent.
enum BotocoreSigner {
    struct Case: Encodable {
        var method: String
        var url: String
        var headers: [[String]]
        var body: String
        var params: [[String]] = []
        var service: String
        var region: String
        var access: String
        var secret: String
        var token: String?
        var time: String
    }

    struct Result: Decodable {
        var canonical_request: String
        var string_to_sign: String
        var authorization: String
        /// The URL as botocore sends it (query encoded).
        var url: String
        /// The headers as sent, X-Amz-Date, X-Amz-Security-Token and Authorization included.
        var headers: [[String]]
    }

    static func sign(_ cases: [Case]) async throws -> [Result] {
        let output = try await PythonRunner.run(script: script, input: try JSONEncoder().encode(cases))
        return try JSONDecoder().decode([Result].self, from: output)
    }

    /// Computes, with botocore, the Authorization a received request should carry (signing the headers its
    /// own Authorization lists, at its own X-Amz-Date).
    static func expectedAuthorization(
        method: String, url: String, headers: [[String]], body: String, service: String, region: String,
        access: String, secret: String
    ) async throws -> String {
        let input: [String: Any] = [
            "method": method, "url": url, "headers": headers, "body": body, "service": service, "region": region,
            "access": access, "secret": secret,
        ]
        let output = try await PythonRunner.run(
            script: verifyScript, input: try JSONSerialization.data(withJSONObject: input))
        return String(decoding: output, as: UTF8.self)
    }

    private static let script = """
        import sys, json, datetime
        from unittest import mock
        from botocore.auth import SigV4Auth
        from botocore.credentials import Credentials
        from botocore.awsrequest import AWSRequest

        class Recording(SigV4Auth):
            def canonical_request(self, request):
                self.recorded_canonical = super().canonical_request(request)
                return self.recorded_canonical
            def string_to_sign(self, request, canonical_request):
                self.recorded_sts = super().string_to_sign(request, canonical_request)
                return self.recorded_sts

        out = []
        for c in json.load(sys.stdin):
            when = datetime.datetime.strptime(c["time"], "%Y%m%dT%H%M%SZ")
            with mock.patch("botocore.auth.get_current_datetime", return_value=when):
                request = AWSRequest(method=c["method"], url=c["url"], data=c["body"].encode(),
                                     params=[tuple(p) for p in c["params"]])
                for name, value in c["headers"]:
                    request.headers[name] = value
                auth = Recording(Credentials(c["access"], c["secret"], c.get("token")), c["service"], c["region"])
                auth.add_auth(request)
                prepared = request.prepare()
                out.append({"canonical_request": auth.recorded_canonical, "string_to_sign": auth.recorded_sts,
                            "authorization": request.headers["Authorization"], "url": prepared.url,
                            "headers": [[k, v] for k, v in request.headers.items()]})
        json.dump(out, sys.stdout)
        """

    private static let verifyScript = """
        import sys, json, datetime
        from unittest import mock
        from botocore.auth import SigV4Auth
        from botocore.credentials import Credentials
        from botocore.awsrequest import AWSRequest

        c = json.load(sys.stdin)
        stamp = next(v for k, v in c["headers"] if k.lower() == "x-amz-date")
        signed = next(v for k, v in c["headers"] if k.lower() == "authorization").split("SignedHeaders=")[1].split(",")[0].split(";")
        token = next((v for k, v in c["headers"] if k.lower() == "x-amz-security-token"), None)
        when = datetime.datetime.strptime(stamp, "%Y%m%dT%H%M%SZ")
        with mock.patch("botocore.auth.get_current_datetime", return_value=when):
            request = AWSRequest(method=c["method"], url=c["url"], data=c["body"].encode())
            for name, value in c["headers"]:
                if name.lower() in signed and name.lower() not in ("x-amz-date", "x-amz-security-token"):
                    request.headers[name] = value
            SigV4Auth(Credentials(c["access"], c["secret"], token), c["service"], c["region"]).add_auth(request)
            sys.stdout.write(request.headers["Authorization"])
        """
}
