/// The limits the API model sets on the Run Command reads.
extension ClientLimits {
    public static let commandIdLength = 36
    public static let commandMaxResults = 1...50
    public static let commandFilters = 1...5
    public static let commandFilterValueLength = 1...128

    /// Checks a CommandId's length, MaxResults and the filter list of ListCommands, ListCommandInvocations and
    /// GetCommandInvocation.
    public static func checkCommandQuery(
        commandId: String?, instanceId: String?, maxResults: Int?, filters: [CommandFilter]?
    ) throws(ServiceError) {
        if let commandId, commandId.count != commandIdLength {
            throw ServiceError(
                .validationException,
                "CommandId must be exactly \(commandIdLength) characters (a UUID, as an aws:runCommand step's CommandId output gives it); got \(commandId.count) characters: '\(commandId)'.")
        }
        if let maxResults, !commandMaxResults.contains(maxResults) {
            throw ServiceError(
                .validationException,
                "MaxResults must be from \(commandMaxResults.lowerBound) to \(commandMaxResults.upperBound); got \(maxResults).")
        }
        guard let filters else { return }
        guard commandFilters.contains(filters.count) else {
            throw ServiceError(
                .validationException,
                "Filters must hold \(commandFilters.lowerBound) to \(commandFilters.upperBound) filters; got \(filters.count). Leave it out to list everything.")
        }
        for filter in filters where !commandFilterValueLength.contains(filter.value.count) {
            throw ServiceError(
                .validationException,
                "The value of filter \(filter.key) must be \(commandFilterValueLength.lowerBound) to \(commandFilterValueLength.upperBound) characters; got \(filter.value.count).")
        }
    }
}
