import AWSWire
import AutomationModel
import Foundation
import LocalEndpoint
import LocalEngine
import Testing

@Suite struct InstanceInformationTests {
    static let instances = (1...7).map { number in
        ManagedInstance(id: "mi-0000000000000000\(number)", tags: ["Env": number % 2 == 0 ? "even" : "odd"])
    }

    @Test func listsTheEnginesInstancesAsOnlineLinuxManagedInstances() async throws {
        try await EndpointHarness.with(instances: [ManagedInstanceRegistry.localhost]) { harness in
            let answer: DescribeInstanceInformationResponse = try await harness.client().call(
                "DescribeInstanceInformation", DescribeInstanceInformationRequest())
            let instance = try #require(answer.instanceInformationList?.first)
            #expect(answer.instanceInformationList?.count == 1)
            #expect(instance.instanceId == ManagedInstanceRegistry.localhost.id)
            #expect(instance.pingStatus == "Online")
            #expect(instance.platformType == "Linux")
            #expect(instance.resourceType == "ManagedInstance")
            #expect(instance.ipAddress == "127.0.0.1")
            #expect(instance.computerName?.isEmpty == false)
            #expect(instance.platformName?.isEmpty == false)
            #expect(instance.agentVersion?.isEmpty == false)
            #expect(abs((instance.lastPingDateTime ?? .distantPast).timeIntervalSinceNow) < 60)
        }
    }

    @Test func filtersByInstanceIdsPingStatusAndTags() async throws {
        try await EndpointHarness.with(instances: Self.instances) { harness in
            let client = harness.client()
            let byId: DescribeInstanceInformationResponse = try await client.call(
                "DescribeInstanceInformation",
                DescribeInstanceInformationRequest(instanceInformationFilterList: [
                    InstanceInformationFilter(key: "InstanceIds", valueSet: ["mi-00000000000000003", "mi-99"])
                ]))
            #expect(byId.instanceInformationList?.map(\.instanceId) == ["mi-00000000000000003"])

            let byTag: DescribeInstanceInformationResponse = try await client.call(
                "DescribeInstanceInformation",
                DescribeInstanceInformationRequest(filters: [
                    InstanceInformationStringFilter(key: "tag:Env", values: ["even"]),
                    InstanceInformationStringFilter(key: "PingStatus", values: ["Online"]),
                ]))
            #expect(byTag.instanceInformationList?.map(\.instanceId) == ["mi-00000000000000002", "mi-00000000000000004", "mi-00000000000000006"])

            let offline: DescribeInstanceInformationResponse = try await client.call(
                "DescribeInstanceInformation",
                DescribeInstanceInformationRequest(filters: [InstanceInformationStringFilter(key: "PingStatus", values: ["ConnectionLost"])]))
            #expect(offline.instanceInformationList == [])

            let badKey = await serviceError {
                let _: DescribeInstanceInformationResponse = try await client.call(
                    "DescribeInstanceInformation",
                    DescribeInstanceInformationRequest(filters: [InstanceInformationStringFilter(key: "Colour", values: ["red"])]))
            }
            #expect(badKey?.code == .invalidFilterKey)
        }
    }

    @Test func pagesWithNextToken() async throws {
        try await EndpointHarness.with(instances: Self.instances) { harness in
            let client = harness.client()
            let first: DescribeInstanceInformationResponse = try await client.call(
                "DescribeInstanceInformation", DescribeInstanceInformationRequest(maxResults: 5))
            #expect(first.instanceInformationList?.count == 5)
            let token = try #require(first.nextToken)
            let second: DescribeInstanceInformationResponse = try await client.call(
                "DescribeInstanceInformation", DescribeInstanceInformationRequest(maxResults: 5, nextToken: token))
            #expect(second.instanceInformationList?.map(\.instanceId) == ["mi-00000000000000006", "mi-00000000000000007"])
            #expect(second.nextToken == nil)

            let badToken = await serviceError {
                let _: DescribeInstanceInformationResponse = try await client.call(
                    "DescribeInstanceInformation", DescribeInstanceInformationRequest(nextToken: "bogus"))
            }
            #expect(badToken?.code == .invalidNextToken)
            let tooSmall = await serviceError {
                let _: DescribeInstanceInformationResponse = try await client.call(
                    "DescribeInstanceInformation", DescribeInstanceInformationRequest(maxResults: 2))
            }
            #expect(tooSmall?.code == .validationException)
        }
    }
}
