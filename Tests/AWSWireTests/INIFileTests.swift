import Foundation
import Testing

@testable import AWSWire

@Suite struct INIFileTests {
    @Test func parsesSectionsKeysCommentsAndNesting() throws {
        let file = try INIFile.parse(
            """
            # a comment
            [default]
            Region = us-east-1
            output: json
            ; another comment

            [profile dev]
            s3 =
              addressing_style = path
              signature_version = s3v4
            note = first line
              second line
            """, path: "config")
        #expect(file.sections["default"]?["region"] == .text("us-east-1"))
        #expect(file.sections["default"]?["output"] == .text("json"))
        #expect(file.sections["profile dev"]?["s3"] == .nested(["addressing_style": "path", "signature_version": "s3v4"]))
        #expect(file.sections["profile dev"]?["note"] == .text("first line\nsecond line"))
    }

    @Test func rejectsWhatConfigparserRejects() {
        #expect(throws: AWSConfigurationError.self) { try INIFile.parse("region = x\n[default]", path: "c") }
        #expect(throws: AWSConfigurationError.self) { try INIFile.parse("[a]\nregion = x\n[a]\n", path: "c") }
        #expect(throws: AWSConfigurationError.self) { try INIFile.parse("[a]\nregion = x\nregion = y", path: "c") }
        #expect(throws: AWSConfigurationError.self) { try INIFile.parse("[a]\njust words", path: "c") }
        do {
            _ = try INIFile.parse("[a]\nx = 1\njust words", path: "/home/me/.aws/config")
        } catch {
            #expect(error.message.contains("/home/me/.aws/config, line 3"))
        }
    }

    @Test func shellWordsSplitLikeShlex() throws {
        #expect(try ShellWords.split(#"cmd --flag "two words" 'single quoted' a\ b"#) == ["cmd", "--flag", "two words", "single quoted", "a b"])
        #expect(try ShellWords.split(#"profile "my profile""#) == ["profile", "my profile"])
        #expect(try ShellWords.split("  ") == [])
        #expect(throws: ShellWords.UnterminatedQuote.self) { try ShellWords.split("cmd 'open") }
    }

    @Test func xmlElementTextReadsSTSAnswers() {
        let xml = """
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult><Credentials>
                <AccessKeyId>ASIA123</AccessKeyId><SecretAccessKey>s&amp;e&lt;c</SecretAccessKey>
                <SessionToken/>
              </Credentials></AssumeRoleResult>
            </AssumeRoleResponse>
            """
        #expect(XMLElementText.first("AccessKeyId", in: xml) == "ASIA123")
        #expect(XMLElementText.first("SecretAccessKey", in: xml) == "s&e<c")
        #expect(XMLElementText.first("SessionToken", in: xml) == "")
        #expect(XMLElementText.first("Missing", in: xml) == nil)
    }
}
