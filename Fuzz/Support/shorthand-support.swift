// The shorthand fuzz target compiles the parser's own files (Sources/AutomationCLI/Shorthand, and ParamFile for
// `key@=file://`) without the rest of AutomationCLI. ParamFile words an OS error with the CLI's Python repr,
// which lives with the table output; this stands in for it, only in the fuzz build, for that message's text.
enum PythonRepr {
    static func quoted(_ text: String) -> String { "'\(text)'" }
}
