import AutomationModel
import Testing

@testable import LocalEngine

@Suite("Managed instances and target selection")
struct ActionsManagedInstanceTests {
    let registry = ManagedInstanceRegistry(instances: [
        ManagedInstance(id: "mi-00000000000000001", tags: ["Name": "localhost", "Env": "dev"]),
        ManagedInstance(id: "mi-00000000000000002", tags: ["Name": "web", "Env": "prod"]),
        ManagedInstance(id: "mi-00000000000000003", tags: ["Name": "db", "Env": "prod", "Backup": "yes"]),
    ])

    private func ids(_ inputs: [String: JSONValue]) throws -> [String] {
        try registry.selectTargets(from: inputs).map(\.id)
    }

    private func selectionFailure(_ inputs: [String: JSONValue]) -> ActionFailure? {
        do {
            _ = try registry.selectTargets(from: inputs)
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultRegistryHasLocalhost() {
        let defaults = ManagedInstanceRegistry()
        #expect(defaults.instances == [ManagedInstance(id: "mi-00000000000000001", tags: ["Name": "localhost"])])
        #expect(defaults.instance(withId: "mi-00000000000000001")?.tags["Name"] == "localhost")
        #expect(defaults.instance(withId: "mi-00000000000000009") == nil)
    }

    @Test func repeatedIdsKeepTheFirstEntry() {
        let registry = ManagedInstanceRegistry(instances: [
            ManagedInstance(id: "mi-1", tags: ["A": "1"]), ManagedInstance(id: "mi-1", tags: ["A": "2"]),
        ])
        #expect(registry.instances == [ManagedInstance(id: "mi-1", tags: ["A": "1"])])
    }

    @Test func instanceIdsAsListOrSingleString() throws {
        #expect(try ids(["InstanceIds": ["mi-00000000000000003", "mi-00000000000000001"]])
            == ["mi-00000000000000001", "mi-00000000000000003"])
        #expect(try ids(["InstanceIds": "mi-00000000000000002"]) == ["mi-00000000000000002"])
        #expect(try ids(["InstanceIds": ["mi-00000000000000002", "mi-00000000000000002"]]) == ["mi-00000000000000002"])
        #expect(try ids(["InstanceIds": ["*"]]).count == 3)
    }

    @Test func targetsByInstanceIdsAndTags() throws {
        #expect(try ids(["Targets": [["Key": "InstanceIds", "Values": ["mi-00000000000000002"]]]])
            == ["mi-00000000000000002"])
        #expect(try ids(["Targets": [["Key": "tag:Env", "Values": ["prod"]]]])
            == ["mi-00000000000000002", "mi-00000000000000003"])
        #expect(try ids(["Targets": [["key": "tag:Name", "values": ["web", "localhost"]]]])
            == ["mi-00000000000000001", "mi-00000000000000002"])
        #expect(try ids(["Targets": [["Key": "tag-key", "Values": ["Backup"]]]]) == ["mi-00000000000000003"])
        #expect(try ids(["Targets": ["Key": "tag:Name", "Values": "db"]]) == ["mi-00000000000000003"])
    }

    @Test func severalTargetsMustAllMatch() throws {
        #expect(try ids(["Targets": [
            ["Key": "tag:Env", "Values": ["prod"]], ["Key": "tag:Name", "Values": ["db"]],
        ]]) == ["mi-00000000000000003"])
    }

    @Test func targetsGivenAsJSONText() throws {
        #expect(try ids(["Targets": #"[{"Key":"tag:Name","Values":["web"]}]"#]) == ["mi-00000000000000002"])
    }

    @Test func unknownInstanceIdNamesItAndTheKnownOnes() throws {
        let failure = try #require(selectionFailure(["InstanceIds": ["mi-00000000000000001", "i-0abc"]]))
        #expect(failure.failureDetails.failureType == "InvalidInstanceId")
        #expect(failure.failureDetails.details?["InvalidInstanceIds"] == ["i-0abc"])
        #expect(failure.message.contains("InvalidInstanceId"))
        #expect(failure.message.contains("'i-0abc'"))
        #expect(failure.message.contains("mi-00000000000000002 (Env=prod, Name=web)"))
        let viaTargets = try #require(selectionFailure(["Targets": [["Key": "InstanceIds", "Values": ["mi-x"]]]]))
        #expect(viaTargets.failureDetails.failureType == "InvalidInstanceId")
    }

    @Test func targetsMatchingNothingFailClearly() throws {
        let failure = try #require(selectionFailure(["Targets": [["Key": "tag:Env", "Values": ["staging"]]]]))
        #expect(failure.failureDetails.failureType == "InvalidTarget")
        #expect(failure.message.contains("tag:Env=staging"))
        #expect(failure.message.contains("match no managed instance"))
        #expect(failure.message.contains("mi-00000000000000001"))
    }

    @Test func malformedSelectionsAreRefused() throws {
        #expect(selectionFailure([:])?.message.contains("needs InstanceIds or Targets") == true)
        #expect(selectionFailure(["InstanceIds": ["mi-00000000000000001"], "Targets": [["Key": "tag:Env", "Values": ["dev"]]]])?
            .message.contains("not both") == true)
        #expect(selectionFailure(["InstanceIds": []])?.message.contains("empty") == true)
        #expect(selectionFailure(["Targets": [["Key": "resource-groups:Name", "Values": ["x"]]]])?
            .message.contains("not supported") == true)
        #expect(selectionFailure(["Targets": [["Values": ["x"]]]])?.message.contains("needs Key and Values") == true)
        #expect(selectionFailure(["Targets": []])?.message.contains("non-empty list") == true)
        #expect(selectionFailure(["Targets": "not json"])?.message.contains("not JSON") == true)
        #expect(selectionFailure(["InstanceIds": [["nested": "map"]]])?.failureDetails.failureStage == "InputValidation")
    }
}
