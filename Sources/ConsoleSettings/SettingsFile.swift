import Foundation
import Yams

/// The config file, `$XDG_CONFIG_HOME/ssm-console/config.yaml` (`~/.config/ssm-console/config.yaml` when
/// XDG_CONFIG_HOME is unset). YAML, because the project reads YAML already (runbooks, `--cli-input-yaml`) and
/// Yams gives every value its line and column, so an error names where it is.
public enum SettingsFile {
    /// The file's settings, and warnings about settings it does not know.
    public struct Loaded: Sendable, Hashable {
        public var settings: ConsoleSettings
        public var warnings: [SettingsProblem]
        /// The file read; nil when there is none and the defaults apply.
        public var path: String?
    }

    /// Every error in the file: the console does not start with any of them.
    public struct Refused: Error, Sendable, Hashable, CustomStringConvertible {
        public var problems: [SettingsProblem]

        public var description: String {
            problems.map(\.description).joined(separator: "\n")
        }
    }

    /// Where the file is for `environment`; nil without HOME or an absolute XDG_CONFIG_HOME.
    public static func path(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/ssm-console/config.yaml"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/ssm-console/config.yaml"
    }

    /// Reads the file for `environment`; the defaults when there is no file.
    public static func load(environment: [String: String]) throws(Refused) -> Loaded {
        guard let path = path(environment: environment), FileManager.default.fileExists(atPath: path) else {
            return Loaded(settings: ConsoleSettings(), warnings: [], path: nil)
        }
        return try load(path: path)
    }

    public static func load(path: String) throws(Refused) -> Loaded {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Refused(problems: [SettingsProblem(
                file: path, line: 0, column: 0, setting: "",
                message: "cannot be read as UTF-8 text (\(error.localizedDescription)); fix or remove it")])
        }
        var loaded = try parse(text, file: path)
        loaded.path = path
        return loaded
    }

    /// Reads `text` as the file named `file` (used in messages).
    public static func parse(_ text: String, file: String) throws(Refused) -> Loaded {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Refused(problems: [syntaxProblem(error, file: file)])
        } catch {
            throw Refused(problems: [SettingsProblem(file: file, line: 0, column: 0, setting: "", message: "is not valid YAML: \(error)")])
        }
        var settings = ConsoleSettings()
        var reading = SettingsReading()
        guard let root else { return Loaded(settings: settings, warnings: [], path: nil) }
        let top = SettingsNode(node: root, path: "", file: file)
        guard case .mapping = root else {
            throw Refused(problems: [top.problem("the file must be a mapping of settings (name: value), got \(top.shown)")])
        }
        do {
            for (name, value, keyNode) in try top.entries() {
                guard let setting = Setting.all.first(where: { $0.name == name }) else {
                    reading.warnings.append(keyNode.problem(
                        "unknown setting, ignored; the settings are \(Setting.all.map(\.name).joined(separator: ", "))"))
                    continue
                }
                do {
                    try setting.read(value, &settings, &reading)
                } catch let problem as SettingsProblem {
                    reading.errors.append(problem)
                } catch {
                    reading.errors.append(value.problem("\(error)"))
                }
            }
        } catch {
            reading.errors.append(error)
        }
        guard reading.errors.isEmpty else {
            throw Refused(problems: reading.errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        return Loaded(settings: settings, warnings: reading.warnings, path: nil)
    }

    /// A YAML syntax error, with the line and column libyaml reports.
    private static func syntaxProblem(_ error: YamlError, file: String) -> SettingsProblem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return SettingsProblem(
                file: file, line: mark.line, column: mark.column, setting: "",
                message: "is not valid YAML: \(context.map { "\($0.text) " } ?? "")\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return SettingsProblem(
                file: file, line: context.mark.line, column: context.mark.column, setting: duplicates.joined(separator: ", "),
                message: "is set more than once; keep one")
        default:
            return SettingsProblem(file: file, line: 0, column: 0, setting: "", message: "is not valid YAML: \(error)")
        }
    }

    /// The file with every setting at its default and what it does: `ssm-console config --default`.
    public static func defaultFile() -> String {
        let defaults = ConsoleSettings()
        var lines = [
            "# ssm-console's settings: $XDG_CONFIG_HOME/ssm-console/config.yaml (~/.config/ssm-console/config.yaml",
            "# when XDG_CONFIG_HOME is unset). YAML. Every setting is shown with its default; the command line's",
            "# flags win over the file. A setting the console does not know is a warning; any other mistake stops",
            "# the console from starting, with the line and the setting at fault.",
        ]
        for setting in Setting.all {
            lines.append("")
            lines += setting.comment.map { $0.isEmpty ? "#" : "# \($0)" }
            lines.append("\(setting.name): \(setting.yaml(defaults))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
