import Foundation

/// The runbooks that ship with ssm-console, from the package's resources.
enum ShippedRunbooks {
    struct Runbook {
        var name: String
        var content: String
    }

    static func all() throws -> [Runbook] {
        guard let folder = Bundle.module.url(forResource: "Runbooks", withExtension: nil) else { return [] }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { file in
            Runbook(name: file.deletingPathExtension().lastPathComponent, content: try String(contentsOf: file, encoding: .utf8))
        }
    }
}
