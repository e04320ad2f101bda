import Foundation

/// The access key pair kept in `<data directory>/serve-access-key.json` (mode 0600) when none is configured,
/// so clients configured once keep working across restarts. Besides AccessKeyId, SecretAccessKey and
/// PrincipalArn it may list the principal's IAM group names, `"Groups": ["Approvers"]`.
enum ServeAccessKeyFile {
    static let fileName = "serve-access-key.json"
    static let defaultPrincipal = ServeAccessKey.defaultPrincipal(userName: "ssm-console")

    private struct Stored: Codable {
        var AccessKeyId: String
        var SecretAccessKey: String
        var PrincipalArn: String
        var Groups: [String]?
    }

    static func url(in dataDirectory: URL) -> URL {
        dataDirectory.appendingPathComponent(fileName)
    }

    /// The stored pair, or a new one written to the file.
    static func loadOrCreate(in dataDirectory: URL) throws -> ServeAccessKey {
        let file = url(in: dataDirectory)
        if FileManager.default.fileExists(atPath: file.path) {
            return try load(file)
        }
        let key = ServeAccessKey(
            accessKeyId: "AKIA" + randomText(length: 16, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
            secretAccessKey: randomText(
                length: 40, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
            principalArn: defaultPrincipal)
        try save(key, to: file)
        return key
    }

    private static func load(_ file: URL) throws -> ServeAccessKey {
        do {
            let stored = try JSONDecoder().decode(Stored.self, from: Data(contentsOf: file))
            guard !stored.AccessKeyId.isEmpty, !stored.SecretAccessKey.isEmpty else {
                throw ServeSetupError("AccessKeyId and SecretAccessKey must not be empty")
            }
            let groups = try (stored.Groups ?? []).map { name throws(ServeSetupError) in
                try ServeArguments.groupName(name, origin: "Groups")
            }
            return ServeAccessKey(
                accessKeyId: stored.AccessKeyId, secretAccessKey: stored.SecretAccessKey,
                principalArn: stored.PrincipalArn, groups: groups)
        } catch {
            throw ServeSetupError(
                "The access key file \(file.path) could not be read (\(error)). Delete it to have a new key created, or pass --access-key ID:SECRET.")
        }
    }

    private static func save(_ key: ServeAccessKey, to file: URL) throws {
        let stored = Stored(
            AccessKeyId: key.accessKeyId, SecretAccessKey: key.secretAccessKey, PrincipalArn: key.principalArn,
            Groups: key.groups.isEmpty ? nil : key.groups)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Created empty with 0600 first so the secret is never readable by others, even briefly.
            guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw ServeSetupError("the file could not be created")
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
            let handle = try FileHandle(forWritingTo: file)
            defer { try? handle.close() }
            try handle.write(contentsOf: encoder.encode(stored))
        } catch {
            throw ServeSetupError(
                "The access key file \(file.path) could not be written (\(error)). Check that the data directory is writable, or pass --access-key ID:SECRET.")
        }
    }

    private static func randomText(length: Int, alphabet: String) -> String {
        let characters = Array(alphabet)
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in characters.randomElement(using: &generator)! })
    }
}

/// Why the endpoint could not be set up, with what to do about it.
public struct ServeSetupError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
