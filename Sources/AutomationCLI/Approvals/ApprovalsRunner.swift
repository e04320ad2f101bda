import AWSWire
import AutomationModel
import Connection
import Foundation

/// `ssm-console approvals`: what waits on the caller (and, with `everyone`, on anyone), printed in the chosen
/// output format, with an exit code scripts can test as they test grep's.
public struct ApprovalsRunner: Sendable {
    /// Exit code when nothing waits (on the caller, or with --all on anyone).
    public static let nothingWaiting: Int32 = 1

    public let global: GlobalOptions
    public let everyone: Bool
    public var environment = ProcessInfo.processInfo.environment

    public init(global: GlobalOptions, everyone: Bool) {
        self.global = global
        self.everyone = everyone
    }

    /// 0 when something waits on the caller (with --all: on anyone), 1 when nothing does, and the AWS CLI's
    /// codes for errors (252 bad input, 253 configuration, 254 a service error, 255 anything else).
    public func run(
        standardOutput: @escaping @Sendable (String) -> Void = StandardStreams.writeOutput,
        standardError: @escaping @Sendable (String) -> Void = StandardStreams.writeError
    ) async -> Int32 {
        do {
            let format = try OutputFormatChoice.resolve(global, environment: environment)
            var options = global.connectionOptions(wireLog: { standardError($0 + "\n") })
            // Several calls in a row: keep to SSM's rates, as the console does.
            options.quotas = .aws
            let (caller, waiting) = try await ServiceConnection.during(options, environment: environment) { connection in
                let caller = try await Self.identity(of: connection)
                let query = WaitingExecutionsQuery(
                    service: connection.service, caller: caller.arn, groups: connection.client == nil ? [] : nil)
                return (caller, try await query.run(everyone: everyone))
            }
            let document = ApprovalsReport.document(caller: caller, waiting: waiting, everyone: everyone)
            standardOutput(try ApprovalsReport.render(document, format: format, terminal: .standardOutput(color: global.color)))
            let listed = everyone ? !waiting.isEmpty : waiting.contains(where: \.waitsOnCaller)
            return listed ? CLIExitCode.success : Self.nothingWaiting
        } catch {
            let failure = CLIFailure.from(error, operation: OperationCatalog.describeAutomationExecutions.name)
            if failure != .interrupted { standardError(failure.description + "\n") }
            return failure.exitCode
        }
    }

    /// The caller's identity; an STS failure says why approvals need it and where STS is looked for.
    static func identity(of connection: ServiceConnection) async throws -> CallerIdentity {
        do {
            return try await connection.callerIdentity()
        } catch let error as ServiceError {
            throw CLIFailure.service(code: error.code.rawValue, message: error.message, operation: STSQuery.getCallerIdentity)
        } catch {
            let failure = CLIFailure.from(error, operation: STSQuery.getCallerIdentity)
            let hint = """
                 approvals matches Approvers against who you are, asked of STS (GetCallerIdentity). STS is found \
                through AWS_ENDPOINT_URL_STS or the profile's services section, not --endpoint-url; for ssm-console \
                serve, set AWS_ENDPOINT_URL_STS to the same URL.
                """
            switch failure {
            case .other(let message): throw CLIFailure.other(message + hint)
            default: throw failure
            }
        }
    }
}
