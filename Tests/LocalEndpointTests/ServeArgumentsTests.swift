import LocalEndpoint
import LocalEngine
import Testing

@Suite struct ServeArgumentsTests {
    @Test func accessKeyTakesAnOptionalPrincipalWithColons() throws {
        let plain = try ServeArguments.accessKey("AKIAONE:secret")
        #expect(plain == ServeAccessKey(accessKeyId: "AKIAONE", secretAccessKey: "secret", principalArn: "arn:aws:iam::123456789012:user/AKIAONE"))
        let withPrincipal = try ServeArguments.accessKey("AKIATWO:s3cr/t:arn:aws:iam::111122223333:role/ops")
        #expect(withPrincipal.secretAccessKey == "s3cr/t")
        #expect(withPrincipal.principalArn == "arn:aws:iam::111122223333:role/ops")
    }

    @Test(arguments: ["AKIAONE", ":secret", "AKIAONE:", "AKIAONE:secret:not-an-arn"])
    func malformedAccessKeysSayTheForm(_ text: String) {
        #expect {
            try ServeArguments.accessKey(text)
        } throws: { error in
            (error as? ServeSetupError)?.message.contains("ID:SECRET") == true
        }
    }

    @Test func instanceTakesTags() throws {
        #expect(try ServeArguments.instance("mi-1") == ManagedInstance(id: "mi-1"))
        #expect(try ServeArguments.instance("mi-2,Name=web,Env=a=b") == ManagedInstance(id: "mi-2", tags: ["Name": "web", "Env": "a=b"]))
    }

    @Test(arguments: ["", ",Name=x", "mi-1,Name", "mi-1,=x", "Name=x"])
    func malformedInstancesSayTheForm(_ text: String) {
        #expect {
            try ServeArguments.instance(text)
        } throws: { error in
            (error as? ServeSetupError)?.message.contains("ID,KEY=VALUE") == true
        }
    }

    @Test func quotasAreNoneOrAws() throws {
        #expect(try ServeArguments.quotas("aws") == .aws)
        #expect(try ServeArguments.quotas("none") == ServeQuotas.none)
        #expect(throws: ServeSetupError.self) { try ServeArguments.quotas("fast") }
    }
}
