public enum SkeletonKind: String, Sendable, CaseIterable {
    case input, output
    case yamlInput = "yaml-input"
}

/// `--generate-cli-skeleton`: a template to fill in and pass back with `--cli-input-json` / `--cli-input-yaml`
/// (`input`, `yaml-input`), or the shape of a response with every string named after its member (`output`).
public enum Skeleton {
    /// Exactly what `aws ssm <op> --generate-cli-skeleton <kind>` prints (byte for byte where the installed AWS
    /// CLI supports the kind), ending in a newline. The `output` skeleton of an operation whose response has no
    /// members is empty, as the AWS CLI prints nothing for an empty response.
    public static func render(_ operation: OperationShape, kind: SkeletonKind) throws(CommandLineInputError) -> String {
        switch kind {
        case .input:
            let skeleton = SkeletonGenerator(useMemberNames: false).generate(shapeNamed: operation.inputShapeName)
            return PythonJSONWriter.render(skeleton.wireJSON, ensureASCII: true) + "\n"
        case .output:
            let skeleton = SkeletonGenerator(useMemberNames: true).generate(shapeNamed: operation.outputShapeName)
            if skeleton == .object([]) { return "" }
            return PythonJSONWriter.render(skeleton.wireJSON, ensureASCII: true) + "\n"
        case .yamlInput:
            return YAMLSkeletonWriter.write(structureNamed: operation.inputShapeName)
        }
    }

    /// The kind named on the command line; anything else is an error listing the valid kinds.
    public static func kind(named name: String) throws(CommandLineInputError) -> SkeletonKind {
        guard let kind = SkeletonKind(rawValue: name) else {
            throw CommandLineInputError("argument --generate-cli-skeleton: Invalid choice '\(name)', valid choices are: "
                + SkeletonKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return kind
    }
}
