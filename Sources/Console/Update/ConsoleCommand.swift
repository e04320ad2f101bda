import AutomationModel
import Foundation

/// A `:` command, parsed. Query commands become DescribeAutomationExecutions filters.
enum ConsoleCommand: Equatable {
    case status(AutomationExecutionStatus)
    case documentPrefix(String)
    case since(TimeInterval)
    /// One parent's children, through the server's ParentExecutionId filter.
    case parent(String)
    case inbox
    case all
    case quit
    /// `:profile NAME` switches to the profile; nil lists the profiles.
    case profile(String?)
    /// `:region NAME` switches to the region; nil lists the regions.
    case region(String?)

    static let usage = ":status STATUS, :doc PREFIX, :since 2h (m/h/d), :parent ID, :inbox, :all, :profile NAME, :region NAME, :q"
    /// The commands as help lists them.
    static let helpLine = ":status STATUS  :doc PREFIX  :since 2h  :parent ID  :inbox  :all  :profile NAME  :region NAME  :q"

    static func parse(_ line: String) -> Result<ConsoleCommand, FormProblem> {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let name = words.first?.lowercased() else { return .failure(FormProblem("Type a command: \(usage)")) }
        let argument = words.dropFirst().joined(separator: " ")
        switch name {
        case "status":
            guard !argument.isEmpty else { return .failure(FormProblem(":status needs a status, e.g. :status Waiting")) }
            guard let status = AutomationExecutionStatus.allKnown.first(where: { $0.rawValue.lowercased() == argument.lowercased() })
            else {
                let known = AutomationExecutionStatus.allKnown.map(\.rawValue).joined(separator: ", ")
                return .failure(FormProblem("Unknown status '\(argument)'. Use one of: \(known)"))
            }
            return .success(.status(status))
        case "doc", "document":
            guard !argument.isEmpty else { return .failure(FormProblem(":doc needs a document name prefix, e.g. :doc Demo-")) }
            return .success(.documentPrefix(argument))
        case "since":
            guard let seconds = duration(argument) else {
                return .failure(FormProblem(":since needs a time span such as 30m, 2h or 7d; got '\(argument)'"))
            }
            return .success(.since(seconds))
        case "parent":
            guard !argument.isEmpty, !argument.contains(" ") else {
                return .failure(FormProblem(":parent needs one parent execution ID, e.g. :parent 3c6ef362-2d4e-4f60-8a1b-000000000000"))
            }
            return .success(.parent(argument))
        case "inbox": return .success(.inbox)
        case "all": return .success(.all)
        case "q", "quit": return .success(.quit)
        case "profile": return .success(.profile(argument.isEmpty ? nil : argument))
        case "region": return .success(.region(argument.isEmpty ? nil : argument))
        default:
            return .failure(FormProblem("Unknown command ':\(name)'. Commands: \(usage)"))
        }
    }

    /// "90m", "2h", "7d" (or "2H") in seconds.
    private static func duration(_ text: String) -> TimeInterval? {
        guard let unit = text.last?.lowercased(), let amount = Int(text.dropLast()), amount > 0 else { return nil }
        switch unit {
        case "m": return TimeInterval(amount) * 60
        case "h": return TimeInterval(amount) * 3600
        case "d": return TimeInterval(amount) * 86400
        default: return nil
        }
    }
}
