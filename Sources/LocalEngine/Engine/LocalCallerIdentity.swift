import AutomationModel
import Crypto
import Foundation

/// The identity STS GetCallerIdentity reports for a principal of the local engine (`--local`, or a `serve` key).
///
/// UserId is shaped as AWS's unique IDs and stable for the principal: `AIDA` and 17 characters derived from the
/// user's ARN; `AROA…:SESSION` for an assumed-role session (the role's ID, then the session name), `AROA…` for a
/// role; the account ID for the account root. Account is the ARN's account, or the engine's.
public enum LocalCallerIdentity {
    public static func identity(of principalArn: String, defaultAccount: String = EngineConfiguration.localAccountId)
        -> CallerIdentity
    {
        let principal = IAMPrincipal(arn: principalArn)
        let account = principal.account.flatMap { $0.isEmpty ? nil : $0 } ?? defaultAccount
        let userId: String
        switch principal.kind {
        case .root:
            userId = account
        case .assumedRole:
            let role = "arn:aws:iam::\(account):role/\(principal.name)"
            userId = uniqueId(prefix: "AROA", of: role) + ":" + (principal.sessionName ?? "")
        case .role:
            userId = uniqueId(prefix: "AROA", of: principalArn)
        case .user, .group, .other:
            userId = uniqueId(prefix: "AIDA", of: principalArn)
        }
        return CallerIdentity(arn: principalArn, account: account, userId: userId)
    }

    /// `prefix` and 17 characters of AWS's unique-ID alphabet, from a hash of `seed`.
    static func uniqueId(prefix: String, of seed: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        let digest = SHA256.hash(data: Data(seed.utf8))
        return prefix + String(digest.prefix(17).map { alphabet[Int($0) % alphabet.count] })
    }
}
