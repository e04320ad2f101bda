// The SSM client's own cost per call, with the network taken out: an in-memory transport answers a canned
// GetAutomationExecution instantly, so what is left is encoding, signing, decoding and the client's plumbing.
// Run: swift run -c release client-benchmark [calls]
import AWSWire
import AutomationModel
import Foundation

/// Answers every request with the same body at once.
struct CannedTransport: AWSHTTPTransport {
    let body: Data
    func send(_ request: AWSHTTPRequest) async throws -> AWSHTTPResponse {
        AWSHTTPResponse(status: 200, headers: [.init("Content-Type", "application/x-amz-json-1.1")], body: body)
    }
}

/// Microsecond figures for one kind of work.
struct Timings {
    var name: String
    var samples: [Double] = []

    mutating func measure(_ body: () throws -> Void) rethrows {
        let start = ContinuousClock.now
        try body()
        samples.append(Self.microseconds(start.duration(to: .now)))
    }

    static func microseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
    }

    func report() -> String {
        let sorted = samples.sorted()
        let mean = samples.reduce(0, +) / Double(max(samples.count, 1))
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        return Self.padded(name)
            + String(format: " mean %8.2f µs   p50 %8.2f µs   p99 %8.2f µs", mean, percentile(0.5), percentile(0.99))
    }

    static func padded(_ name: String) -> String {
        name.padding(toLength: 30, withPad: " ", startingAt: 0)
    }
}

/// An execution of the size a console shows: eight steps with inputs and outputs.
func cannedExecution(id: String) -> GetAutomationExecutionResponse {
    var execution = AutomationExecution(automationExecutionId: id)
    execution.documentName = "Restart-Service"
    execution.documentVersion = "3"
    execution.automationExecutionStatus = .inProgress
    execution.executionStartTime = Date(timeIntervalSince1970: 1_700_000_000.25)
    execution.mode = .auto
    execution.parameters = ["ServiceName": ["web"], "Hosts": ["i-0a1", "i-0b2", "i-0c3"]]
    execution.currentStepName = "restart"
    execution.executedBy = "arn:aws:iam::111122223333:user/ops"
    execution.stepExecutions = (0..<8).map { index in
        var step = StepExecution(
            stepName: "step\(index)", action: "aws:executeScript", stepExecutionId: UUID().uuidString,
            stepStatus: index < 4 ? .success : .pending)
        step.executionStartTime = Date(timeIntervalSince1970: 1_700_000_000 + Double(index))
        step.inputs = ["Runtime": "\"python3.11\"", "Handler": "\"handler\"", "InputPayload": #"{"hosts":["i-0a1"]}"#]
        step.outputs = ["Payload": [#"{"restarted":true}"#]]
        return step
    }
    return GetAutomationExecutionResponse(automationExecution: execution)
}

let calls = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 20_000
let executionId = "73c8eef8-f4ee-4a05-820c-e354f0000001"
let endpoint = URL(string: "https://ssm.us-east-1.amazonaws.com/")!
let credentials = AWSCredentials(accessKeyId: "AKIDBENCHMARK", secretAccessKey: "benchmark/secret+key")
let request = GetAutomationExecutionRequest(automationExecutionId: executionId)
let answer = try AWSJSON.encode(cannedExecution(id: executionId))

// The pieces, each on its own.
var encode = Timings(name: "encode request (JSON)")
var sign = Timings(name: "sign (SigV4)")
var decode = Timings(name: "decode response (JSON)")
let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "ssm")
let headers: [SigV4Request.Header] = [
    .init("Content-Type", "application/x-amz-json-1.1"), .init("X-Amz-Target", "AmazonSSM.GetAutomationExecution"),
]
var sink = 0
for _ in 0..<calls {
    var body = Data()
    try encode.measure { body = try AWSJSON.encode(request) }
    let unsigned = try SigV4Request(method: "POST", url: endpoint, headers: headers, body: body)
    sign.measure { sink &+= signer.sign(unsigned, at: Date()).request.headers.count }
    try decode.measure { sink &+= try AWSJSON.decode(GetAutomationExecutionResponse.self, from: answer).automationExecution?.stepExecutions?.count ?? 0 }
}

// The whole call through SSMClient, rate limiting off.
let client = SSMClient(
    endpoint: endpoint, region: "us-east-1", credentials: StaticCredentialsProvider(credentials),
    transport: CannedTransport(body: answer))
var whole = Timings(name: "whole call (SSMClient)")
for _ in 0..<calls {
    let start = ContinuousClock.now
    let response = try await client.getAutomationExecution(request)
    whole.samples.append(Timings.microseconds(start.duration(to: .now)))
    sink &+= response.automationExecution?.stepExecutions?.count ?? 0
}

#if DEBUG
let build = "debug build (figures are higher than release)"
#else
let build = "release build"
#endif
print("SSM client overhead per GetAutomationExecution call, \(calls) calls, \(answer.count)-byte answer, \(build):")
for timings in [encode, sign, decode] { print("  " + timings.report()) }
let parts = [encode, sign, decode].map { $0.samples.reduce(0, +) / Double(calls) }.reduce(0, +)
print("  " + Timings.padded("sign + encode + decode (sum)") + String(format: " mean %8.2f µs", parts))
print("  " + whole.report())
if sink == 42 { print("") }  // keeps the optimiser from dropping the measured work
