import AWSWire
import Foundation

/// Which output format a command prints: --output, then AWS_DEFAULT_OUTPUT, then the profile's `output`, then json.
enum OutputFormatChoice {
    static func resolve(_ global: GlobalOptions, environment: [String: String]) throws(CLIFailure) -> OutputFormat {
        if let format = global.output { return format }
        let configured: (value: String, origin: String)?
        if let value = environment["AWS_DEFAULT_OUTPUT"], !value.isEmpty {
            configured = (value, "AWS_DEFAULT_OUTPUT")
        } else {
            // An unknown profile or a malformed file is the connection's error to report; here it means no setting.
            let profile = try? AWSProfile.selected(
                options: global.connectionOptions(wireLog: nil).aws, environment: environment,
                homeDirectory: environment["HOME"] ?? NSHomeDirectory())
            configured = profile.flatMap { profile in profile["output"].map { ($0, "the output setting of profile '\(profile.name)'") } }
        }
        guard let configured else { return .json }
        guard let format = OutputFormat(rawValue: configured.value) else {
            throw CLIFailure.configuration(
                "Unknown output type: \(configured.value) (from \(configured.origin)). Use one of "
                    + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return format
    }
}
