import AWSWire
import Foundation

/// `ssm-console __complete profiles|execution-ids`: the values the completion scripts cannot know in advance,
/// one per line (an execution ID is followed by a tab and its document and status). Read from the config
/// files and the execution ID cache only, so a Tab never waits on the network.
public enum CompletionValues {
    public enum Kind: String, Sendable, CaseIterable {
        case profiles
        case executionIDs = "execution-ids"
    }

    public static func lines(_ kind: Kind, environment: [String: String]) -> [String] {
        switch kind {
        case .profiles:
            return AWSProfile.names(environment: environment, homeDirectory: environment["HOME"] ?? NSHomeDirectory())
        case .executionIDs:
            return ExecutionIDCache(environment: environment).entries().map { "\($0.id)\t\($0.description)" }
        }
    }
}
