import AutomationDocuments
import AutomationModel
import Foundation
import Testing

struct InterpolatorTests {
    /// 2024-03-05 07:08:09 UTC.
    static let now = Date(timeIntervalSince1970: 1_709_622_489)

    static let context = InterpolationContext(
        parameters: ["Name": "web", "Ids": ["a", "b"], "Count": 42, "Flag": true, "Tags": ["k": "v"]],
        stepOutputs: ["run": ["Status": "Success", "Lines": ["x"]]],
        executionId: "11111111-2222-3333-4444-555555555555", accountId: "123456789012", region: "eu-west-1",
        partition: "aws", now: now)

    static func interpolate(_ value: JSONValue, _ context: InterpolationContext = context) throws(ServiceError) -> JSONValue {
        try Interpolator.interpolate(value, in: context)
    }

    @Test func aWholeReferenceKeepsItsJSONType() throws {
        #expect(try Self.interpolate("{{ Ids }}") == ["a", "b"])
        #expect(try Self.interpolate("{{Count}}") == 42)
        #expect(try Self.interpolate("{{ Flag }}") == true)
        #expect(try Self.interpolate("{{ Tags }}") == ["k": "v"])
        #expect(try Self.interpolate("{{ run.Lines }}") == ["x"])
    }

    @Test func anEmbeddedReferenceBecomesText() throws {
        #expect(try Self.interpolate("name={{ Name }} count={{Count}} flag={{ Flag }}") == "name=web count=42 flag=true")
        #expect(try Self.interpolate("ids: {{ Ids }}") == #"ids: ["a","b"]"#)
        #expect(try Self.interpolate(" {{ Name }}") == " web")
    }

    @Test func resolvesExecutionAndGlobalVariables() throws {
        #expect(try Self.interpolate("{{automation:EXECUTION_ID}}") == "11111111-2222-3333-4444-555555555555")
        #expect(try Self.interpolate("{{ global:ACCOUNT_ID }}") == "123456789012")
        #expect(try Self.interpolate("{{global:REGION}}") == "eu-west-1")
        #expect(try Self.interpolate("{{global:AWS_PARTITION}}") == "aws")
        #expect(try Self.interpolate("{{global:DATE}}") == "2024-03-05")
        #expect(try Self.interpolate("backup-{{global:DATE_TIME}}") == "backup-2024-03-05_07.08.09")
    }

    @Test func recursesIntoListsAndObjectValuesButNotKeys() throws {
        let value: JSONValue = ["{{ Name }}": ["list": ["{{ Name }}", 1, .null], "nested": ["status": "{{ run.Status }}"]]]
        #expect(
            try Self.interpolate(value)
                == ["{{ Name }}": ["list": ["web", 1, .null], "nested": ["status": "Success"]]])
    }

    @Test func leavesTextWithoutReferencesAlone() throws {
        for text in ["plain", "", "{{", "}}", "{{ }}", "a {b} c", "{{{ Name }}}", "${HOME} {x}"] as [String] {
            let expected: JSONValue = text == "{{{ Name }}}" ? "{web}" : .string(text)
            #expect(try Self.interpolate(.string(text)) == expected)
        }
    }

    @Test func failsOnReferencesItCannotResolve() {
        expectServiceError(.validationException, containing: ["{{ run.Missing }}", "step run has not produced"]) {
            try Self.interpolate("x {{ run.Missing }}")
        }
        expectServiceError(.validationException, containing: ["{{ later.Output }}", "step later"]) {
            try Self.interpolate("{{ later.Output }}")
        }
        expectServiceError(.validationException, containing: ["{{ Nope }}", "no parameter named Nope"]) {
            try Self.interpolate(["a": ["{{ Nope }}"]])
        }
        expectServiceError(.validationException, containing: ["{{ ssm:/x }}", "not a reference"]) {
            try Self.interpolate("{{ ssm:/x }}")
        }
        var noRegion = Self.context
        noRegion.region = nil
        expectServiceError(.validationException, containing: ["{{ global:REGION }}", "no region is configured"]) {
            try Self.interpolate("{{ global:REGION }}", noRegion)
        }
    }

    @Test func listsReferencesOnceInOrder() {
        let value: JSONValue = [
            "b": ["{{ Ids }} and {{global:REGION}}", "{{Name}}"],
            "a": "{{ run.Status }}{{ Name }}",
            "c": "{{ Ids }}",
        ]
        #expect(Interpolator.references(in: value) == ["run.Status", "Name", "Ids", "global:REGION"])
        #expect(Interpolator.references(in: "none here") == [])
    }
}
