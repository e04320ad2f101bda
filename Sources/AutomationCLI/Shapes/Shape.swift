/// The AWS model's shapes, as much as the inputs and outputs of the operations the CLI offers need.
public indirect enum Shape: Sendable, Hashable {
    case string, integer, boolean, timestamp
    case list(Shape)
    /// Keys are strings.
    case map(value: Shape)
    /// In the model's member order.
    case structure([Member])
}

public struct Member: Sendable, Hashable {
    public let name: String
    public let shape: Shape
    public let required: Bool

    public init(name: String, shape: Shape, required: Bool) {
        self.name = name
        self.shape = shape
        self.required = required
    }
}
