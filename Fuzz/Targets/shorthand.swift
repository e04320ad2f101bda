// libFuzzer target: awscli shorthand (`Key=value,Other=[a,b]`) as the CLI's parameter parser reads it.
// Any input may be refused with a ShorthandError; none may crash, hang or grow without bound.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? Shorthand.parse(text)
    return 0
}
