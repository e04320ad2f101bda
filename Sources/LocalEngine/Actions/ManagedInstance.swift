/// A machine the local engine treats as a managed instance: commands for it run on this computer.
public struct ManagedInstance: Sendable, Hashable {
    public var id: String
    public var tags: [String: String]

    public init(id: String, tags: [String: String] = [:]) {
        self.id = id
        self.tags = tags
    }
}

/// The managed instances aws:runCommand steps may target.
public struct ManagedInstanceRegistry: Sendable, Hashable {
    /// The instance every local engine has: this computer.
    public static let localhost = ManagedInstance(id: "mi-00000000000000001", tags: ["Name": "localhost"])

    /// In the order given; a repeated ID keeps its first entry.
    public let instances: [ManagedInstance]

    public init(instances: [ManagedInstance] = [ManagedInstanceRegistry.localhost]) {
        var seen = Set<String>()
        self.instances = instances.filter { seen.insert($0.id).inserted }
    }

    public func instance(withId id: String) -> ManagedInstance? {
        instances.first { $0.id == id }
    }

    public var instanceIds: [String] { instances.map(\.id) }
}
