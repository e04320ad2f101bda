/// `--output`: json (the default), text or table, laid out as the AWS CLI lays them out.
public enum OutputFormat: String, Sendable, CaseIterable {
    case json, text, table
}
