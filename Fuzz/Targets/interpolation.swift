import AutomationDocuments
import AutomationModel
import Foundation

// libFuzzer target: `{{ ... }}` interpolation of a step input against parameters, step outputs (with JSON
// paths into them) and the global variables. Any text may be refused with a ServiceError; none may crash or hang.

let context = InterpolationContext(
    parameters: [
        "InstanceId": .string("i-0123456789abcdef0"), "Count": .number(3), "Hosts": .array([.string("a"), .string("b")]),
        "Force": .bool(true), "Map": .object(["k": .string("v"), "n": .array([.number(1), .null])]),
    ],
    stepOutputs: ["Check": ["Status": .string("ok"), "Payload": .object(["a": .object(["b": .array([.number(1)])])])]],
    executionId: "73c8eef8-f4ee-4a05-820c-e354f0000000", accountId: "123456789012", region: "us-east-1",
    now: Date(timeIntervalSince1970: 1_700_000_000))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? Interpolator.interpolate(.string(text), in: context)
    _ = try? Interpolator.interpolate(.object(["Input": .string(text), "List": .array([.string(text)])]), in: context)
    _ = Interpolator.references(in: .string(text))
    return 0
}
