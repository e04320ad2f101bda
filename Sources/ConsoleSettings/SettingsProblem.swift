/// A problem in the config file, where it is and which setting: an error stops the console from starting, a
/// warning (a setting it does not know) is shown and the rest of the file used.
public struct SettingsProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based, as editors count; 0 when the file as a whole is at fault.
    public var line: Int
    public var column: Int
    /// The setting's path, as `keys.executions.approve`; empty when the problem is not in one setting.
    public var setting: String
    public var message: String

    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return setting.isEmpty ? "\(place): \(message)" : "\(place): \(setting): \(message)"
    }
}
