/// `--output`: json (the default) or text, laid out as the AWS CLI lays them out. The AWS CLI's `table` is
/// not offered: ArgumentScanner refuses it with a message naming these two.
public enum OutputFormat: String, Sendable, CaseIterable {
    case json, text
}
