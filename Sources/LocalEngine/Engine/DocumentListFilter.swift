import AutomationModel

/// ListDocuments' key/values filters as the local engine supports them.
enum DocumentListFilter {
    static func matches(_ document: StoredDocument, filters: [DocumentKeyValuesFilter], accountId: String)
        throws(ServiceError) -> Bool
    {
        for filter in filters {
            let key = filter.key ?? ""
            let values = filter.values ?? []
            let matched: Bool
            switch key {
            case "DocumentType": matched = values.contains(document.documentType)
            case "Name": matched = values.contains { document.name.hasPrefix($0) }
            case "Owner":
                matched = values.contains { owner in
                    switch owner {
                    case "Self", "Private": return document.owner == accountId
                    case "All": return true
                    case "Amazon", "Public", "ThirdParty": return false
                    default: return document.owner == owner
                    }
                }
            case "PlatformTypes": matched = values.contains { ["Windows", "Linux", "MacOS"].contains($0) }
            case "SearchKeyword": matched = values.contains { document.name.localizedCaseInsensitiveContains($0) }
            case _ where key.hasPrefix("tag:"):
                let tagKey = String(key.dropFirst(4))
                matched = document.tags.contains { $0.key == tagKey && (values.isEmpty || values.contains($0.value)) }
            default:
                throw ServiceError(
                    .invalidFilterKey,
                    "Unknown ListDocuments filter key '\(key)'. Use DocumentType, Name, Owner, PlatformTypes, SearchKeyword or tag:KEY.")
            }
            if !matched { return false }
        }
        return true
    }
}
