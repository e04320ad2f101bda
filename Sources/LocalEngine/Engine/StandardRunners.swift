/// The runners for the actions that take time, set up from the engine's configuration.
extension AutomationEngine {
    static func standardRunners(_ configuration: EngineConfiguration) -> [any StepActionRunner] {
        [
            RunCommandRunner(
                dataDirectory: configuration.dataDirectory,
                instances: ManagedInstanceRegistry(instances: configuration.instances), region: configuration.region),
            ExecuteScriptRunner(dataDirectory: configuration.dataDirectory, region: configuration.region),
            SleepRunner(),
            ExecuteAwsApiRunner(stepFunctions: configuration.stepFunctions),
        ]
    }
}
