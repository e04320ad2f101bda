import Foundation

/// ruamel.yaml's implicit resolvers for YAML 1.2 (its default version): a plain scalar matching one of these
/// would read back as a boolean, number, null, timestamp, merge key or value key, so a string spelled so is
/// quoted. Each applies only to scalars starting with one of its first characters, as the resolver dispatches.
enum YAMLResolver {
    private static let rules: [(first: Set<Unicode.Scalar>, pattern: NSRegularExpression)] = [
        ("tTfF", #"^(?:true|True|TRUE|false|False|FALSE)$"#),
        (
            "-+0123456789.",
            #"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"#
        ),
        ("-+0123456789", #"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$"#),
        ("<", #"^(?:<<)$"#),
        ("~nN", #"^(?:~|null|Null|NULL)$"#),
        (
            "0123456789",
            #"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"#
        ),
        ("=", #"^(?:=)$"#),
    ].map { (Set($0.0.unicodeScalars), try! NSRegularExpression(pattern: $0.1)) }

    /// True when `text`, written plain, would not read back as a string. The empty scalar reads as null.
    static func resolvesToNonString(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return true }
        // Python's `$` also matches before one final newline; such text is multiline and quoted anyway.
        let range = NSRange(text.startIndex..., in: text)
        return rules.contains { rule in
            rule.first.contains(first) && rule.pattern.firstMatch(in: text, range: range) != nil
        }
    }
}
