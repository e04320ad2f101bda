import Foundation
import Testing

@testable import AWSWire

/// The regions `:region` offers are regions the installed botocore lists for ssm, in the three partitions. A
/// newer botocore may list a region added since (the console still takes any name), so the list must be within
/// botocore's and cover all but a few of them.
@Suite struct SSMRegionsTests {
    static let botocoreScript = #"""
        import json, sys
        import botocore.session
        session = botocore.session.get_session()
        regions = [region for partition in ("aws", "aws-cn", "aws-us-gov")
                   for region in session.get_available_regions("ssm", partition_name=partition)]
        json.dump(sorted(regions), sys.stdout)
        """#

    @Test func theListIsBotocores() async throws {
        let answer = try await PythonRunner.run(script: Self.botocoreScript, input: Data())
        let botocore = try JSONDecoder().decode([String].self, from: answer)
        #expect(!botocore.isEmpty)
        #expect(Set(SSMRegions.all).subtracting(botocore).isEmpty, "not ssm regions: \(Set(SSMRegions.all).subtracting(botocore))")
        #expect(Set(botocore).subtracting(SSMRegions.all).count <= 3, "regions to add: \(Set(botocore).subtracting(SSMRegions.all))")
    }
}
