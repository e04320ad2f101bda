import Foundation

/// A throwaway home directory with optional ~/.aws/config and ~/.aws/credentials, so tests never read the
/// real ones.
final class TemporaryHome: @unchecked Sendable {
    let path: String

    init(config: String? = nil, credentials: String? = nil) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("home-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
        if let config { try write(".aws/config", config) }
        if let credentials { try write(".aws/credentials", credentials) }
    }

    @discardableResult
    func write(_ relativePath: String, _ contents: String, executable: Bool = false) throws -> String {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: full))
        if executable {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: full)
        }
        return full
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// An environment with instance metadata off, so a test that finds no credentials never reaches for the
/// real 169.254.169.254.
func isolatedEnvironment(_ values: [String: String] = [:]) -> [String: String] {
    ["AWS_EC2_METADATA_DISABLED": "true"].merging(values) { $1 }
}
