import Foundation
import Testing

@testable import AutomationCLI

/// The completion scripts load in their shells and complete what the catalog defines. bash is always here;
/// zsh and fish are checked when installed.
@Suite struct CompletionScriptTests {
    /// Runs `shell -c script` with the completion script in a file named by $SCRIPT; returns stdout and status.
    static func run(_ shell: String, _ script: String, completion: String) throws -> (output: String, status: Int32) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("completion-\(UUID().uuidString)")
        try Data(completion.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try AWSCLIOracle.run([shell, "-c", script], environment: ["SCRIPT": file.path])
    }

    static func installed(_ program: String) -> Bool {
        ["/usr/bin/", "/bin/", "/usr/local/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + program) }
    }

    /// Completes `words` (the last one is being typed) with the bash script; the candidates, one per line.
    static func bashComplete(_ words: [String]) throws -> [String] {
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script = """
            source "$SCRIPT" || exit 3
            complete -p ssm-console >/dev/null || exit 4
            COMP_WORDS=(\(quoted)); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _ssm_console
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let (output, status) = try run("bash", script, completion: CompletionShell.bash.script)
        #expect(status == 0, "bash exited \(status)")
        return output.split(separator: "\n").map(String.init)
    }

    @Test func bashParsesTheScript() throws {
        #expect(try Self.run("bash", "bash -n \"$SCRIPT\"", completion: CompletionShell.bash.script).status == 0)
    }

    @Test func bashCompletesSubcommandsFlagsAndValues() throws {
        #expect(try Self.bashComplete(["ssm-console", "describe-automation-e"]) == ["describe-automation-executions"])
        #expect(try Self.bashComplete(["ssm-console", "st"]) == ["start-automation-execution", "start", "stop-automation-execution", "stop", "steps"])
        #expect(try Self.bashComplete(["ssm-console", "--profile", "dev", "signal", "--signal-t"]) == ["--signal-type"])
        #expect(try Self.bashComplete(["ssm-console", "signal", "--signal-type", "St"]) == ["StartStep", "StopStep"])
        #expect(try Self.bashComplete(["ssm-console", "list", "--output", "y"]) == ["yaml", "yaml-stream"])
        #expect(try Self.bashComplete(["ssm-console", "list", "--page-s"]) == ["--page-size"])
        // get has no pages, and free-text values offer nothing rather than flags.
        #expect(try Self.bashComplete(["ssm-console", "get", "--page-s"]) == [])
        #expect(try Self.bashComplete(["ssm-console", "get", "--region", ""]) == [])
        #expect(try Self.bashComplete(["ssm-console", "completion", "z"]) == ["zsh"])
        #expect(try Self.bashComplete(["ssm-console", "serve", "--quotas", ""]) == ["none", "aws"])
    }

    @Test func everyOptionNameMeansOneKindOfValue() {
        var kinds: [String: CLIOption.Value] = [:]
        for option in CommandLineCatalog.consoleOptions + CommandLineCatalog.subcommands.flatMap(\.options) {
            if let known = kinds[option.name] {
                #expect(known == option.value, "\(option.name) takes different values in different subcommands")
            }
            kinds[option.name] = option.value
        }
        #expect(kinds["--signal-type"] == .choices(["Approve", "Reject", "StartStep", "StopStep", "Resume", "Revoke"]))
        #expect(kinds["--automation-execution-id"] == .executionID)
    }

    @Test func zshLoadsTheScriptWhenInstalled() throws {
        guard Self.installed("zsh") else { return }
        #expect(try Self.run("zsh", "zsh -n \"$SCRIPT\"", completion: CompletionShell.zsh.script).status == 0)
        let (output, status) = try Self.run(
            "zsh", "autoload -U compinit && compinit -u -D && source \"$SCRIPT\" && print -r -- ${_comps[ssm-console]}",
            completion: CompletionShell.zsh.script)
        #expect(status == 0)
        #expect(output == "_ssm_console\n")
    }

    /// The script's own logic, with zsh's completion builtins replaced by functions that print what they get
    /// (they only work inside a completion widget): which words it offers after which words.
    @Test func zshOffersTheCatalogsWordsWhenInstalled() throws {
        guard Self.installed("zsh") else { return }
        let script = #"""
            compdef() { :; }
            compadd() { local arrays=0 a; for a in "$@"; do case $a in (-a) arrays=1;; (-*) ;; (*) if (( arrays )); then print -rl -- ${(P)a}; else print -r -- $a; fi;; esac; done; }
            _describe() { local n=${@[-1]}; print -rl -- ${(P)n}; }
            _files() { print FILES; }
            source $SCRIPT
            complete_words() { words=("$@"); CURRENT=$#; _ssm_console; }
            complete_words ssm-console desc | grep '^describe-automation-executions:'
            complete_words ssm-console --region r signal --signal-type '' | head -2
            complete_words ssm-console list --page | grep -x -- --page-size
            complete_words ssm-console get --page | grep -c -- --page-size
            complete_words ssm-console get --cli-input-json ''
            """#
        let (output, _) = try Self.run("zsh", "zsh -f -c '\(script.replacingOccurrences(of: "'", with: "'\\''"))'", completion: CompletionShell.zsh.script)
        #expect(output.split(separator: "\n").map(String.init) == [
            "describe-automation-executions:Like 'aws ssm describe-automation-executions': the DescribeAutomationExecutions operation, with the same flags and output.",
            "Approve", "Reject", "--page-size", "0", "FILES",
        ])
    }

    @Test func fishCompletesWhenInstalled() throws {
        guard Self.installed("fish") else { return }
        #expect(try Self.run("fish", "fish --no-execute $SCRIPT", completion: CompletionShell.fish.script).status == 0)
        let (output, status) = try Self.run(
            "fish", "source $SCRIPT; complete -C 'ssm-console describe-automation-e'; complete -C 'ssm-console signal --signal-type St'",
            completion: CompletionShell.fish.script)
        #expect(status == 0)
        #expect(output.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) } == ["describe-automation-executions", "StartStep", "StopStep"])
    }
}

@Suite struct ManualPageTests {
    @Test func listsEverySubcommandAndFlagFromTheCatalog() {
        let page = ManualPage.roff()
        #expect(page.hasPrefix(".TH SSM-CONSOLE 1 "))
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "SUBCOMMANDS", "GLOBAL OPTIONS", "EXIT STATUS", "FILES"] {
            #expect(page.contains("\n.SH \(section)\n"))
        }
        for command in CommandLineCatalog.subcommands {
            #expect(page.contains(".SS " + Roff.escaped(command.name)))
            for option in command.options { #expect(page.contains("\\fB" + Roff.escaped(option.name) + "\\fR"), "\(option.name)") }
        }
        // No line may start with a stray request character from the text itself.
        for line in page.split(separator: "\n") where line.hasPrefix(".") || line.hasPrefix("'") {
            #expect([".TH", ".SH", ".SS", ".PP", ".TP"].contains(String(line.prefix(3))), "\(line)")
        }
    }

    @Test func groffRendersItWithoutWarningsWhenInstalled() throws {
        guard CompletionScriptTests.installed("groff") else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("man-\(UUID().uuidString).1")
        try Data(ManualPage.roff().utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (output, status) = try AWSCLIOracle.run(["sh", "-c", "groff -man -Tutf8 -ww -z \"$1\" 2>&1", "sh", file.path])
        #expect(status == 0)
        #expect(output == "", "groff warned: \(output)")
    }
}

@Suite struct CommandLineCatalogTests {
    @Test func valueOptionsAreTheOnesTheScannerStepsOver() {
        #expect(GlobalOptions.valueOptionNames == [
            "--profile", "--region", "--endpoint-url", "--output", "--ca-bundle", "--cli-read-timeout",
            "--cli-connect-timeout", "--data-dir", "--max-items", "--starting-token", "--page-size", "--cli-input-json",
            "--cli-input-yaml", "--color", "--query",
        ])
    }

    @Test func everyInputMemberIsAFlagOfItsSubcommand() throws {
        for operation in OperationShape.all {
            let command = try #require(CommandLineCatalog.subcommands.first { $0.name == operation.cliName })
            for member in operation.input {
                #expect(command.options.contains { $0.name == OperationShape.flagName(for: member.name) }, "\(member.name)")
            }
            #expect(command.options.contains { $0.name == "--query" })
            #expect(command.options.contains { $0.name == "--page-size" } == operation.output.contains { $0.name == "NextToken" })
        }
        #expect(CommandLineCatalog.subcommands.first { $0.name == "stop-automation-execution" }?.options
            .first { $0.name == "--type" }?.value == .choices(["Complete", "Cancel"]))
    }

    @Test func versionIsAnOptionOfEveryParitySubcommand() throws {
        #expect(try ArgumentScanner.scan(["--version"], operation: .getAutomationExecution).version)
        #expect(SSMConsoleVersion.line.hasPrefix("ssm-console/\(SSMConsoleVersion.number) "))
    }
}

@Suite struct XformNameTests {
    /// Every operation and member name of the model, and some awkward ones, against botocore's xform_name.
    @Test func matchesBotocore() throws {
        var names = Set(ServiceModel.operations.keys)
        for shape in ServiceModel.shapes.values { names.formUnion(shape.members.map(\.name)) }
        names.formUnion(["ABCDef", "aB", "A", "", "HTTPServer2Go", "Tags2Add", "iPhoneX", "X1Y2Z3", "ÉtéAB", "a\nBcd"])
        let list = names.sorted()
        let script = "import json, sys, botocore; print(json.dumps([botocore.xform_name(n, '-') for n in json.loads(sys.argv[1])]))"
        let (output, status) = try AWSCLIOracle.run(["python3", "-c", script, String(decoding: try JSONEncoder().encode(list), as: UTF8.self)])
        #expect(status == 0)
        let expected = try JSONDecoder().decode([String].self, from: Data(output.utf8))
        for (name, botocore) in zip(list, expected) {
            #expect(OperationShape.xformName(name, separator: "-") == botocore, "\(name.debugDescription)")
        }
    }
}
