/// The AWS CLI v2's return codes (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-returncodes.html).
public enum CLIExitCode {
    public static let success: Int32 = 0
    /// `watch`: the execution ended in a status other than Success.
    public static let executionDidNotSucceed: Int32 = 1
    public static let interrupted: Int32 = 130
    public static let inputError: Int32 = 252
    public static let configurationError: Int32 = 253
    public static let serviceError: Int32 = 254
    public static let otherError: Int32 = 255
}
