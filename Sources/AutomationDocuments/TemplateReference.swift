import Foundation

/// A piece of a string value: literal text or a `{{ reference }}`.
enum TemplateSegment: Hashable {
    case text(String)
    /// The reference's body with surrounding spaces trimmed, such as `Step.Output`.
    case reference(String)

    /// Splits text at its `{{ … }}` references. Braces that do not form a reference stay literal text.
    static func split(_ text: String) -> [TemplateSegment] {
        var segments: [TemplateSegment] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            literal += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            if let close = afterOpen.range(of: "}}") {
                let body = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if !body.isEmpty, !body.contains(where: { "{}\n\r".contains($0) }) {
                    if !literal.isEmpty { segments.append(.text(literal)) }
                    literal = ""
                    segments.append(.reference(body))
                    rest = afterOpen[close.upperBound...]
                    continue
                }
            }
            // Not a reference: keep one brace and look again from the next character.
            literal += "{"
            rest = rest[rest.index(after: open.lowerBound)...]
        }
        literal += rest
        if !literal.isEmpty || segments.isEmpty { segments.append(.text(literal)) }
        return segments
    }
}

/// The variables `{{global:…}}` names.
enum GlobalVariable: String, CaseIterable, Sendable {
    case accountId = "ACCOUNT_ID"
    case region = "REGION"
    case date = "DATE"
    case dateTime = "DATE_TIME"
    case awsPartition = "AWS_PARTITION"
}

/// What a reference's body names.
enum ReferenceTarget: Hashable, Sendable {
    case parameter(String)
    case stepOutput(step: String, output: String)
    case executionId
    case global(GlobalVariable)
    /// One of the document's `variables`: `variable:NAME`.
    case variable(String)

    /// nil when the body is not a reference Automation understands.
    init?(_ body: String) {
        if body.hasPrefix("automation:") {
            guard body == "automation:EXECUTION_ID" else { return nil }
            self = .executionId
        } else if body.hasPrefix(Self.variablePrefix) {
            let name = String(body.dropFirst(Self.variablePrefix.count))
            guard Self.isName(name) else { return nil }
            self = .variable(name)
        } else if body.hasPrefix("global:") {
            guard let variable = GlobalVariable(rawValue: String(body.dropFirst("global:".count))) else { return nil }
            self = .global(variable)
        } else if let dot = body.firstIndex(of: ".") {
            let step = String(body[..<dot])
            let output = String(body[body.index(after: dot)...])
            guard Self.isName(step), !output.isEmpty, !output.contains(where: \.isWhitespace) else { return nil }
            self = .stepOutput(step: step, output: output)
        } else {
            guard Self.isName(body) else { return nil }
            self = .parameter(body)
        }
    }

    /// Step and parameter names: `[a-zA-Z0-9_]+`.
    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    /// How aws:updateVariable's Name and references spell a variable: `variable:NAME`.
    static let variablePrefix = "variable:"

    static let validForms =
        "a parameter name, StepName.OutputName, variable:NAME, automation:EXECUTION_ID, or global:ACCOUNT_ID, global:REGION, global:DATE, global:DATE_TIME, global:AWS_PARTITION"
}
