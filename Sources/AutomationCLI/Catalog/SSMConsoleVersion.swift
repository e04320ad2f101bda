#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// ssm-console's version, defined here only. A constant rather than `git describe` at build time: SwiftPM has
/// no simple way to run it, and the release build that scripts/install makes would need it too.
public enum SSMConsoleVersion {
    public static let number = "0.1.0"

    /// What `--version` prints, in the AWS CLI's style (`aws-cli/1.45.11 Python/3.11.7 Linux/6.8.0 ...`).
    public static var line: String {
        var system = utsname()
        guard uname(&system) == 0 else { return "ssm-console/\(number)" }
        let name = withUnsafeBytes(of: &system.sysname) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let release = withUnsafeBytes(of: &system.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return "ssm-console/\(number) \(name)/\(release)"
    }
}
