import AutomationModel
import Foundation

// libFuzzer target: a JSON 1.1 request body read as the requests `serve` decodes most (RequestDecoding, with
// its last-key-wins rewrite and member-path errors). Any body may be refused with a ServiceError; none may
// crash or hang.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let body = Data(UnsafeBufferPointer(start: data, count: size))
    _ = try? RequestDecoding.decode(StartAutomationExecutionRequest.self, from: body, operation: "StartAutomationExecution")
    _ = try? RequestDecoding.decode(DescribeAutomationExecutionsRequest.self, from: body, operation: "DescribeAutomationExecutions")
    _ = try? RequestDecoding.decode(SendAutomationSignalRequest.self, from: body, operation: "SendAutomationSignal")
    _ = try? RequestDecoding.decode(CreateDocumentRequest.self, from: body, operation: "CreateDocument")
    return 0
}
