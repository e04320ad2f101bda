import ArgumentParser
import Foundation
import LocalEngine

/// `--data-dir`, shared by the root command and `serve`: ArgumentParser hands one decoded group to both, so the
/// option works before or after the subcommand name.
struct DataDirectoryOption: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "The local engine's data directory (default: $XDG_STATE_HOME/ssm-console/engine).")
    var path: String?

    var url: URL {
        path.map { URL(fileURLWithPath: $0) } ?? EngineConfiguration.defaultDataDirectory()
    }
}
