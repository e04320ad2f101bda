import AutomationDocuments
import AutomationModel

// libFuzzer target: document content as CreateDocument reads it. The first byte picks the declared format
// (JSON, YAML, or detected); the rest is the content. Any content may be refused with InvalidDocumentContent or
// MaxDocumentSizeExceeded; none may crash, hang or take unbounded memory (the alias bomb).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let format: DocumentFormat? = [DocumentFormat.json, .yaml, nil][Int(data[0]) % 3]
    let content = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    _ = try? DocumentParser.parse(content, format: format)
    return 0
}
