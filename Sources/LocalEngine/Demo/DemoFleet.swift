import AutomationModel

/// The local managed instances of the demo and of `serve` by default: this computer, and a dozen instances
/// with Env and Role tags. Every instance's commands run on this computer with /bin/sh.
public enum DemoFleet {
    static let roles = ["web", "web", "db", "cache"]

    public static let instances: [ManagedInstance] = [ManagedInstanceRegistry.localhost] + (1...12).map { number in
        let role = roles[(number - 1) % roles.count]
        return ManagedInstance(
            id: "mi-0f1ee70000000" + String(10000 + number).dropFirst(),
            tags: ["Name": "demo-\(role)-\(number)", "Env": number <= 8 ? "prod" : "staging", "Role": role])
    }

    /// The production instances, which the demo's rolling restart targets.
    public static let productionTargets = [Target(key: "tag:Env", values: ["prod"])]
}
