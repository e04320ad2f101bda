/// STS's query protocol as ssm-console speaks it, client and server side: the API version, the actions it calls
/// or answers, and the XML namespace of the answers. STS action names are written here only.
public enum STSQuery {
    public static let version = "2011-06-15"
    /// The XML namespace of every STS answer and error.
    public static let xmlNamespace = "https://sts.amazonaws.com/doc/2011-06-15/"
    /// The service name requests are signed for.
    public static let signingName = "sts"
    /// The form content type the AWS CLI and SDKs send.
    public static let formContentType = "application/x-www-form-urlencoded; charset=utf-8"

    public static let getCallerIdentity = "GetCallerIdentity"
    static let assumeRole = "AssumeRole"
    static let assumeRoleWithWebIdentity = "AssumeRoleWithWebIdentity"
}
