import Console
import Foundation
import Testing

@testable import ConsoleSettings

/// The config file: every setting read, every kind of mistake refused with the file, line and setting, unknown
/// settings warned about, and the default file read back as the defaults.
@Suite("Config file")
struct SettingsFileTests {
    static let file = "/home/op/.config/ssm-console/config.yaml"

    static func parse(_ text: String) throws -> SettingsFile.Loaded {
        try SettingsFile.parse(text, file: file)
    }

    /// The problems `text` is refused with.
    static func refusal(_ text: String) -> [SettingsProblem] {
        do {
            _ = try SettingsFile.parse(text, file: file)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func everySettingIsRead() throws {
        let loaded = try Self.parse(
            """
            refresh: 12.5
            profile: ops
            region: eu-west-1
            read-only: true
            read-only-profiles: [production, audit]
            bell: false
            title: false
            clipboard: false
            mouse: true
            skin: light
            colors:
              header: {fg: white, bg: 24}
              failure: 196
              muted: {fg: default}
            keys:
              executions:
                approve: A
                moveDown: [j, down, ctrl-n]
              help:
                close: [q, esc]
            """)
        let settings = loaded.settings
        #expect(loaded.warnings.isEmpty)
        #expect(settings.refreshSeconds == 12.5)
        #expect(settings.profile == "ops")
        #expect(settings.region == "eu-west-1")
        #expect(settings.readOnly)
        #expect(settings.readOnlyProfiles == ["production", "audit"])
        #expect(!settings.bell && !settings.title && !settings.clipboard && settings.mouse)
        #expect(settings.skin.base == .light)
        #expect(settings.skin.roles[.header] == SkinColors(foreground: .number(7), background: .number(24)))
        #expect(settings.skin.roles[.failure] == SkinColors(foreground: .number(196)))
        #expect(settings.skin.roles[.muted] == SkinColors(foreground: .terminalDefault))
        #expect(settings.keys.keys(for: "approve", in: .executions) == [.character("A")])
        #expect(settings.keys.keys(for: "moveDown", in: .executions) == [.character("j"), .down, .control("n")])
        #expect(settings.keys.keys(for: "close", in: .help) == [.character("q"), .escape])
        #expect(settings.keys.keys(for: "approve", in: .execution) == nil)
    }

    @Test func readOnlyProfilesMakeThoseProfilesReadOnly() throws {
        let settings = try Self.parse("read-only-profiles: [production]").settings
        #expect(settings.isReadOnly(profile: "production"))
        #expect(!settings.isReadOnly(profile: "staging"))
        #expect(!settings.isReadOnly(profile: nil))
        #expect(try Self.parse("read-only: true").settings.isReadOnly(profile: "staging"))
    }

    @Test func emptyTextAndAnEmptyFileMeanTheDefaults() throws {
        #expect(try Self.parse("").settings == ConsoleSettings())
        #expect(try Self.parse("# nothing yet\n").settings == ConsoleSettings())
        #expect(try Self.parse("profile: \"\"\nregion: ~").settings == ConsoleSettings())
    }

    @Test func theDefaultFileReadsBackAsTheDefaults() throws {
        let text = SettingsFile.defaultFile()
        let loaded = try Self.parse(text)
        #expect(loaded.settings == ConsoleSettings())
        #expect(loaded.warnings.isEmpty)
        for setting in Setting.all {
            #expect(text.contains("\n\(setting.name): "), "the default file does not set \(setting.name)")
        }
    }

    /// The default file lists every context's keys in comments; uncommented they are a valid key map that
    /// changes nothing.
    @Test func theDefaultFilesKeyListingIsAValidKeyMapOfTheDefaults() throws {
        let listing = KeyReading.defaultsListing.joined(separator: "\n")
        let loaded = try Self.parse("keys:\n" + listing)
        #expect(loaded.warnings.isEmpty)
        for context in KeyContext.allCases {
            let defaults = KeyTables.defaults(for: context)
            let rebound = defaults.rebound(loaded.settings.keys)
            for binding in defaults.bindings where !binding.takesText {
                #expect(rebound.bindings.contains { $0.name == binding.name && binding.keys.allSatisfy($0.keys.contains) },
                        "\(context.rawValue).\(binding.name) lost a key")
            }
        }
        for context in KeyContext.allCases where !KeyMap.rebindable(in: context).isEmpty {
            #expect(listing.contains("  \(context.rawValue):"), "\(context.rawValue) is not in the listing")
        }
    }

    @Test func unknownSettingsAreWarningsNamingTheLine() throws {
        let loaded = try Self.parse(
            """
            bell: false
            colour: red
            colors:
              headr: red
            keys:
              executionz:
                approve: A
              executions:
                aprove: A
            """)
        #expect(!loaded.settings.bell)
        let warnings = loaded.warnings.map(\.description)
        #expect(warnings.count == 4)
        #expect(warnings[0].hasPrefix("\(Self.file):2:1: colour: unknown setting, ignored; the settings are refresh,"))
        #expect(warnings[1].hasPrefix("\(Self.file):4:3: colors.headr: unknown colour role, ignored"))
        #expect(warnings[2].hasPrefix("\(Self.file):6:3: keys.executionz: unknown context, ignored"))
        #expect(warnings[3].hasPrefix("\(Self.file):9:5: keys.executions.aprove: unknown command, ignored; executions view has"))
        #expect(warnings[3].contains("approve"))
    }

    @Test(arguments: [
        ("refresh: 1", "1:10: refresh: takes seconds from 2 to 86400, such as 5; got 1"),
        ("refresh: fast", "1:10: refresh: expected a number, got 'fast'"),
        ("refresh: 100000", "1:10: refresh: takes seconds from 2 to 86400, such as 5; got 100000"),
        ("bell: yes", "1:7: bell: expected true or false, got 'yes'"),
        ("title: [true]", "1:8: title: expected true or false, got a list"),
        ("clipboard: 1", "1:12: clipboard: expected true or false, got '1'"),
        ("mouse: on", "1:8: mouse: expected true or false, got 'on'"),
        ("read-only: maybe", "1:12: read-only: expected true or false, got 'maybe'"),
        ("read-only-profiles: production", "1:21: read-only-profiles: expected a list of profile names, such as [production]"),
        ("read-only-profiles: [[a]]", "1:22: read-only-profiles[0]: expected text, got a list"),
        ("profile: [a, b]", "1:10: profile: expected text, got a list"),
        ("region: {a: b}", "1:9: region: expected text, got a mapping"),
        ("skin: dark", "1:7: skin: no skin 'dark'; choose default, light, terminal"),
        ("colors: red", "1:9: colors: expected settings under it (a mapping), got 'red'"),
        ("colors:\n  header: {fg: purple}", "2:16: colors.header.fg: 'purple' is no colour; write a colour name"),
        ("colors:\n  header: 256", "2:11: colors.header: '256' is no colour; write a colour name"),
        ("keys: A", "1:7: keys: expected settings under it (a mapping), got 'A'"),
        ("keys:\n  executions: A", "2:15: keys.executions: expected settings under it (a mapping), got 'A'"),
        ("keys:\n  executions:\n    approve: ctrl-", "3:14: keys.executions.approve: 'ctrl-' is no key; write a single character"),
        ("keys:\n  executions:\n    approve: []", "3:14: keys.executions.approve: give 'approve' at least one key"),
        ("keys:\n  executions:\n    approve: ctrl-c", "3:14: keys.executions.approve: ctrl-c cannot be 'approve': Ctrl-C always stops the console"),
        ("keys:\n  executions:\n    approve: esc", "3:14: keys.executions.approve: esc cannot be 'approve': Esc always closes or goes back"),
        ("keys:\n  executions:\n    approve: ':'", "3:14: keys.executions.approve: : cannot be 'approve': `:` opens the command line"),
        ("keys:\n  commandLine:\n    accept: x", "3:13: keys.commandLine.accept: x cannot be 'accept': in the : line that key types text"),
        ("keys:\n  executions:\n    approve: r", "3:14: keys.executions.approve: r for 'approve' is already 'reject' (Reject) in executions view; rebind 'reject' too or choose another key"),
        ("keys:\n  execution:\n    switchPane: J", "3:17: keys.execution.switchPane: J for 'switchPane' is already 'scrollDetailsDown'"),
        ("a: [", ": is not valid YAML"),
        ("- refresh\n- bell", "1:1: the file must be a mapping of settings (name: value), got a list"),
        ("bell: true\nbell: false", "bell: is set more than once; keep one"),
    ])
    func mistakesAreRefusedWithFileLineAndSetting(text: String, expected: String) {
        let problems = Self.refusal(text)
        #expect(problems.count == 1, "\(text): \(problems)")
        let message = problems.first?.description ?? ""
        #expect(message.hasPrefix(Self.file + ":") && message.contains(expected), "\(text): got \(message)")
    }

    @Test func swappingTwoKeysIsNoConflict() throws {
        let keys = try Self.parse("keys:\n  executions:\n    approve: r\n    reject: a").settings.keys
        #expect(keys.keys(for: "approve", in: .executions) == [.character("r")])
        #expect(keys.keys(for: "reject", in: .executions) == [.character("a")])
    }

    @Test func everyErrorInTheFileIsReported() {
        let problems = Self.refusal("refresh: 1\nbell: maybe\nkeys:\n  executions:\n    approve: r\n    quit: esc")
        #expect(problems.map(\.line) == [1, 2, 5, 6])
    }

    @Test func theFileIsFoundWhereXDGSays() {
        #expect(SettingsFile.path(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/ssm-console/config.yaml")
        #expect(SettingsFile.path(environment: ["HOME": "/h"]) == "/h/.config/ssm-console/config.yaml")
        // XDG says a relative path is to be ignored.
        #expect(SettingsFile.path(environment: ["XDG_CONFIG_HOME": "x", "HOME": "/h"]) == "/h/.config/ssm-console/config.yaml")
        #expect(SettingsFile.path(environment: [:]) == nil)
    }

    @Test func aMissingFileMeansTheDefaultsAndAnUnreadableOneIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let loaded = try SettingsFile.load(environment: ["XDG_CONFIG_HOME": directory.path])
        #expect(loaded.path == nil && loaded.settings == ConsoleSettings())
        let folder = directory.appendingPathComponent("ssm-console")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("config.yaml")
        try Data([0xFF, 0xFE, 0x00]).write(to: path)
        #expect(throws: SettingsFile.Refused.self) { try SettingsFile.load(environment: ["XDG_CONFIG_HOME": directory.path]) }
        try Data("skin: terminal\n".utf8).write(to: path)
        let read = try SettingsFile.load(environment: ["XDG_CONFIG_HOME": directory.path])
        #expect(read.path == path.path && read.settings.skin.base == .terminal)
    }
}

/// README.md's Settings section shows the default file exactly as `ssm-console config --default` prints it.
@Suite("Config file: README")
struct SettingsReadmeTests {
    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")

    @Test func readmeShowsTheDefaultFile() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let section = try #require(text.range(of: "### Settings\n"), "README.md has no ### Settings section")
        let rest = text[section.upperBound...]
        let open = try #require(rest.range(of: "```yaml\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```\n"))
        let shown = String(rest[open.upperBound..<close.lowerBound])
        let generated = SettingsFile.defaultFile()
        #expect(shown == generated, "README.md's Settings block differs; it should be:\n\(generated)")
    }
}
