/// Python's `repr()` of a bytes object, which botocore's validation errors print for a `fileb://` value.
enum PythonBytes {
    static func repr(_ bytes: [UInt8]) -> String {
        // Single quotes unless the bytes hold a single quote and no double quote, as Python chooses.
        let quote: UInt8 = bytes.contains(0x27) && !bytes.contains(0x22) ? 0x22 : 0x27
        var result = "b" + String(UnicodeScalar(quote))
        for byte in bytes {
            switch byte {
            case 0x5C: result += "\\\\"
            case 0x09: result += "\\t"
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case quote: result += "\\" + String(UnicodeScalar(quote))
            case 0x20..<0x7F: result.unicodeScalars.append(UnicodeScalar(byte))
            default:
                let hex = String(byte, radix: 16)
                result += "\\x" + (hex.count < 2 ? "0" : "") + hex
            }
        }
        return result + String(UnicodeScalar(quote))
    }
}
