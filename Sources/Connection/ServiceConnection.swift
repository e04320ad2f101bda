import AWSWire
import AutomationModel
import Foundation
import LocalEngine
import Logging

/// An open connection to SSM Automation, shared by the console and the CLI subcommands: the local engine in
/// this process, or an SSM client configured as the AWS CLI configures itself; either way paced to the
/// options' quotas by one `PacedAutomationService`.
public final class ServiceConnection: Sendable {
    public enum Description: Sendable, Hashable, CustomStringConvertible {
        case local(dataDirectory: String)
        case aws(profile: String, region: String, endpoint: String)

        public var description: String {
            switch self {
            case .local(let directory): return "local engine at \(directory)"
            case .aws(let profile, let region, let endpoint): return "profile \(profile), \(region), \(endpoint)"
            }
        }
    }

    /// The service, paced to the options' quotas.
    public let service: any AutomationService
    public let description: Description
    /// Who calls: the local operator's ARN, or "profile <name> (<credential source>)".
    public let principal: String
    /// Where the credentials came from, when connected over the wire; nil on the local engine.
    public let credentialSourceKind: CredentialSourceKind?
    /// The SSM client when connected over the wire (nil on the local engine), for callers that need the
    /// service's JSON answer as sent.
    public let client: SSMClient?
    private let engine: AutomationEngine?
    private let identity: IdentitySource
    /// Whether `seedDemoInBackground` seeds the demo (the console's --local start).
    private let seedsDemo: Bool
    /// The demo being seeded, which `close` cancels and waits for before the engine shuts down.
    private let seeding = LockedValue<Task<Void, Never>?>(nil)

    /// Where `callerIdentity()` comes from.
    private enum IdentitySource: Sendable {
        case local(CallerIdentity)
        /// STS, or why it could not be set up (a malformed STS endpoint setting).
        case sts(Result<CallerIdentityLookup, AWSConfigurationError>)
    }

    private init(
        service: any AutomationService, options: ServiceConnectionOptions, description: Description,
        principal: String, client: SSMClient?, engine: AutomationEngine?, identity: IdentitySource,
        credentialSourceKind: CredentialSourceKind? = nil
    ) {
        seedsDemo = options.seedDemo && engine != nil
        self.credentialSourceKind = credentialSourceKind
        self.service = PacedAutomationService(
            service, limiter: OperationRateLimiter(quotas: options.quotas), waited: options.paceWaited)
        self.description = description
        self.principal = principal
        self.client = client
        self.engine = engine
        self.identity = identity
    }

    /// Opens the connection. Throws `AWSConfigurationError` when AWS is not configured (no region, no
    /// credentials, unknown profile), and `DataDirectoryInUse` when another process holds the local engine's
    /// data directory.
    public static func open(
        _ options: ServiceConnectionOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
        observer: (@Sendable (SSMClientEvent) -> Void)? = nil
    ) async throws -> ServiceConnection {
        options.local
            ? try await openLocal(options, environment: environment)
            : try openAWS(options, environment: environment, observer: observer)
    }

    /// Shuts the local engine down (its running steps resume when it is next opened); nothing for AWS.
    public func close() async {
        if let task = seeding.withLock({ $0 }) {
            task.cancel()
            await task.value
        }
        await engine?.shutdown()
    }

    /// Installs the shipped runbooks and seeds the demo on a fresh local engine (when the options ask for it),
    /// in the background: the console calls this after its first screen. `seeded` is called after each
    /// execution the demo starts and once more when it is done, so the console can list them as they are
    /// created. Once only.
    public func seedDemoInBackground(seeded: @escaping @Sendable () -> Void = {}) {
        guard seedsDemo, let engine else { return }
        let principal = principal
        seeding.withLock { task in
            guard task == nil else { return }
            task = Task {
                do {
                    try await engine.installShippedRunbooks()
                    let started = try await DemoSeeder.seedIfEmpty(engine, operator: principal) { _ in seeded() }
                    if !started.isEmpty { seeded() }
                } catch is CancellationError {
                } catch {
                    // Logged, not printed: the console owns the terminal by now. What was seeded stays.
                    Logger(label: "ssm-console.demo").error("The demo could not be seeded: \(error)")
                }
            }
        }
    }

    private static func openLocal(_ options: ServiceConnectionOptions, environment: [String: String]) async throws
        -> ServiceConnection
    {
        let directory = options.dataDirectory ?? EngineConfiguration.defaultDataDirectory(environment: environment)
        let region = options.aws.region ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"]
        var configuration = EngineConfiguration(dataDirectory: directory, instances: DemoFleet.instances, region: region)
        // The console installs the shipped runbooks after its first screen (`seedDemoInBackground`).
        configuration.installShippedRunbooks = !options.seedDemo
        let engine = try await AutomationEngine.open(configuration)
        let principal = configuration.localPrincipal(environment: environment)
        return ServiceConnection(
            service: engine.session(principal: principal), options: options,
            description: .local(dataDirectory: directory.path),
            principal: principal, client: nil, engine: engine,
            identity: .local(LocalCallerIdentity.identity(of: principal, defaultAccount: configuration.accountId)))
    }

    private static func openAWS(
        _ options: ServiceConnectionOptions, environment: [String: String],
        observer: (@Sendable (SSMClientEvent) -> Void)?
    ) throws -> ServiceConnection {
        let configuration = try AWSConfiguration.resolve(
            options: options.aws, environment: environment, homeDirectory: environment["HOME"] ?? NSHomeDirectory())
        let endpoint = try configuration.endpoint(for: .ssm)
        var transport: any AWSHTTPTransport = AsyncHTTPTransport(settings: configuration.transportSettings)
        if let log = options.wireLog {
            transport = LoggingTransport(wrapping: transport, log: log)
        }
        let client = SSMClient(
            endpoint: endpoint.url, region: configuration.region, credentials: configuration.credentialsProvider,
            transport: transport, retryPolicy: AWSRetryPolicy(maxAttempts: configuration.maxAttempts),
            observer: observer)
        return ServiceConnection(
            service: client, options: options,
            description: .aws(
                profile: configuration.profileName, region: configuration.region,
                endpoint: endpoint.url.absoluteString),
            principal: "profile \(configuration.profileName) (\(configuration.credentialSource))", client: client,
            engine: nil,
            identity: .sts(Result { () throws(AWSConfigurationError) in
                try CallerIdentityLookup(configuration: configuration, transport: transport)
            }), credentialSourceKind: configuration.credentialSourceKind)
    }
}

extension ServiceConnection {
    /// Who calls: STS GetCallerIdentity against AWS (same endpoint and credential rules as SSM: AWS_ENDPOINT_URL_STS,
    /// the profile's services section, --endpoint-url does NOT apply to STS as the AWS CLI does not either — check botocore),
    /// or the engine's own principal with --local.
    ///
    /// Throws `AWSConfigurationError` for a malformed STS endpoint setting, STS's `ServiceError` (such as
    /// InvalidClientTokenId) or an `AWSWireError` when STS cannot be reached. Each call asks STS again.
    public func callerIdentity() async throws -> CallerIdentity {
        switch identity {
        case .local(let identity): return identity
        case .sts(let lookup): return try await lookup.get().callerIdentity()
        }
    }
}
